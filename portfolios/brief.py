"""The recruiter's 90-second brief: who, for what, the three strongest proofs, and each row in plain words.

Built from what one share link shows (`selectors.share_page`), so a link made for one employer
briefs on exactly the artifacts it shows. Pure functions over loaded objects: no queries.
"""

from __future__ import annotations

from dataclasses import dataclass

from portfolios.rows import ROWS, RubricRow

# Plain words for a checker score, as a recruiter reads them (no 0-4 jargon).
BANDS = {4: "Strong", 3: "Shown", 2: "Partly shown", 1: "Thin", 0: "Not shown yet"}
NOT_SHOWN = "Not shown yet"
STRONGEST = 3
CONFIRMING_SCORE = 3  # a mentor's score at or above this confirms the row


@dataclass(frozen=True)
class RowProof:
    """One rubric row as the brief states it."""

    row: RubricRow
    score: int | None  # the best checker score among the shown artifacts meant to prove it; None: none does
    proved_by: str  # the title of the artifact with that score
    confirmed_by: tuple[str, ...]  # mentors who scored it CONFIRMING_SCORE or more on the version shown

    @property
    def band(self) -> str:
        return BANDS[self.score] if self.score is not None else NOT_SHOWN

    @property
    def shown(self) -> bool:
        return bool(self.score)


@dataclass(frozen=True)
class Proof:
    """One of the strongest shown artifacts: its summary and its row scores in plain words."""

    anchor: str
    title: str
    summary: str
    rows: tuple[tuple[str, str], ...]  # (row title, band)


@dataclass(frozen=True)
class Brief:
    name: str
    headline: str
    track: str
    positioning: str
    email: str
    strongest: tuple[Proof, ...]
    rows: tuple[RowProof, ...]  # every row, or only the shown ones, as the candidate chose

    @property
    def confirmed(self) -> tuple[RowProof, ...]:
        return tuple(row for row in self.rows if row.confirmed_by)


def _row_scores(shared) -> dict[str, int]:
    """The checker's stored score on each row this artifact's kind is meant to prove."""
    result = (shared.artifact.check_result or {}).get("rows", {})
    return {key: result[key]["score"] for key in shared.kind.proves if key in result}


def build_brief(page, owner) -> Brief:
    """The brief for a share page's artifacts (`selectors.SharePage`) and the portfolio's owner."""
    portfolio = page.portfolio
    scored = [(shared, _row_scores(shared)) for shared in page.artifacts]
    ranked = sorted(
        scored,
        key=lambda pair: (-sum(pair[1].values()) / max(len(pair[1]), 1), -len(pair[1]), not pair[0].artifact.summary),
    )
    titles = {row.key: row.title for row in ROWS}
    strongest = tuple(
        Proof(
            anchor=f"artifact-{shared.kind.key}",
            title=shared.kind.title,
            summary=shared.artifact.summary,
            rows=tuple((titles[key], BANDS[score]) for key, score in scores.items()),
        )
        for shared, scores in ranked[:STRONGEST]
    )
    rows = []
    for row in ROWS:
        best, proved_by = None, ""
        for shared, scores in scored:
            if row.key in scores and (best is None or scores[row.key] > best):
                best, proved_by = scores[row.key], shared.kind.title
        confirmed = tuple(
            dict.fromkeys(
                name
                for shared in page.artifacts
                for name, key, score in shared.mentor_scores
                if key == row.key and score >= CONFIRMING_SCORE
            )
        )
        proof = RowProof(row, best, proved_by, confirmed)
        if proof.shown or portfolio.show_unproven_rows:
            rows.append(proof)
    return Brief(
        name=owner.display_name or "Occupational therapist",
        headline=portfolio.headline or owner.headline,
        track=portfolio.track_info.name,
        positioning=portfolio.positioning,
        email=owner.email if portfolio.show_email else "",
        strongest=strongest,
        rows=tuple(rows),
    )
