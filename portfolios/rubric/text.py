"""Small text helpers shared by the check families: lines with offsets, list items, findings."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from portfolios.rubric.findings import Finding, Severity

# A list marker at the start of a line: "-", "*", "•", "1.", "2)", "a)", and outline numbering:
# "1a)", "3a.", "(1)", "(b)", "(iv)", "iv)".
_BULLET = re.compile(
    r"[ \t]*(?:[-*\u2022\u2013\u2023\u25aa\u25cf]|\d{1,3}[a-z]?[.)]|[a-zA-Z][.)]"
    r"|\((?:\d{1,3}|[a-z]|[ivx]{1,4})\)|[ivx]{2,4}[.)])[ \t]+"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+")


@dataclass(frozen=True)
class Span:
    """A piece of a section's text and where it sits in that text."""

    start: int
    end: int
    text: str


def iter_lines(text: str) -> Iterator[Span]:
    """Yield each non-blank line with its offsets (line breaks excluded)."""
    position = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        if stripped.strip():
            leading = len(stripped) - len(stripped.lstrip())
            body = stripped.strip()
            yield Span(position + leading, position + leading + len(body), body)
        position += len(line)


def after_list_marker(text: str, start: int) -> int:
    """`start` moved past a list marker that opens a line there ("2) ", "1a) "): a marker's number is no measure."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return start
    marker = _BULLET.match(text, line_start)
    return marker.end() if marker and start <= marker.end() < len(text) else start


def iter_items(text: str) -> Iterator[Span]:
    """Yield list items: one per non-blank line, with any bullet or number marker removed."""
    for line in iter_lines(text):
        marker = _BULLET.match(line.text)
        if marker and marker.end() < len(line.text):
            cut = marker.end()
            yield Span(line.start + cut, line.end, line.text[cut:])
        else:
            yield line


# Where a list written as one paragraph divides: at its sentence ends, or, in a line of one sentence,
# at its semicolons ("check brakes; footplates up; belt on"). A sentence ends before a capital or a
# number, unless it ends an abbreviation ("e.g. Hoyer", "Dr. Patel") or an inline number ("2. Check").
_SENTENCE_BREAK = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(]?[A-Z0-9])")
_SEMICOLON_BREAK = re.compile(r";\s*")
# A value that ends a sentence ("stop if systolic is under 90. Falls …") is no inline list number ("… 2. Confirm").
_VALUE_BEFORE = "".join(
    f"(?<!{word})"
    for word in ("under", "over", "above", "below", "than", "least", "most", "about", "of", "to", "is", "was", "at")
)
_ABBREVIATION = re.compile(
    r"(?:\b[A-Za-z]\.[A-Za-z]|\b(?i:dr|vs|st|no|approx|etc|pt|mr|ms|mrs)|(?:^|" + _VALUE_BEFORE + r"\s)\d{1,2})\.$"
)
_PROSE_LIST_MIN = 3  # one line of fewer pieces is one item told in two sentences, not a list


def _breaks(line: str) -> list[tuple[int, int]]:
    """(end of a piece, start of the next) at each break of a list written as one line of prose."""
    sentences = [
        (match.start() + 1, match.end())
        for match in _SENTENCE_BREAK.finditer(line)
        if not _ABBREVIATION.search(line, max(0, match.start() - 8), match.start() + 1)
    ]
    if sentences:
        return sentences
    return [(match.start(), match.end()) for match in _SEMICOLON_BREAK.finditer(line)]


def iter_list_items(text: str) -> Iterator[Span]:
    """List items as `iter_items` reads them; a list written as one paragraph ("Check the brakes.
    Confirm the sling size. Record the lift.") gives one item per sentence."""
    items = list(iter_items(text))
    if len(items) != 1:
        yield from items
        return
    line = items[0]
    pieces = []
    start = 0
    for piece_end, next_start in _breaks(line.text):
        pieces.append((start, piece_end))
        start = next_start
    pieces.append((start, len(line.text)))
    pieces = [(begin, end) for begin, end in pieces if line.text[begin:end].strip()]
    if len(pieces) < _PROSE_LIST_MIN:
        yield line
        return
    for begin, end in pieces:
        marker = _BULLET.match(line.text, begin, end)  # "… 2. Confirm the sling": an inline number
        if marker and marker.end() < end:
            begin = marker.end()
        piece = line.text[begin:end].rstrip()
        yield Span(line.start + begin, line.start + begin + len(piece), piece)


def iter_sentences(text: str) -> Iterator[Span]:
    """Yield sentences (split on . ! ? and line breaks) with their offsets.

    Most families read every section sentence by sentence, so one check splits the same text many
    times: the split is kept for the last 64 texts, enough for one check of any kind, and a worker holds
    at most ~64 sections (≤ 20,000 characters each) this way. Spans are immutable, so sharing is safe.
    """
    return iter(_sentences(text))


@lru_cache(maxsize=64)
def _sentences(text: str) -> tuple[Span, ...]:
    return tuple(_split_sentences(text))


def _split_sentences(text: str) -> Iterator[Span]:
    for line in iter_lines(text):
        start = 0
        for match in _SENTENCE_END.finditer(line.text):
            piece = line.text[start : match.start()].strip()
            if piece:
                offset = line.text.index(piece, start)
                yield Span(line.start + offset, line.start + offset + len(piece), piece)
            start = match.end()
        piece = line.text[start:].strip()
        if piece:
            offset = line.text.index(piece, start)
            yield Span(line.start + offset, line.start + offset + len(piece), piece)


def whole(text: str) -> tuple[int, int]:
    """Offsets covering a section's text without surrounding white space (0, 0 when blank)."""
    stripped = text.strip()
    if not stripped:
        return 0, 0
    start = text.index(stripped)
    return start, start + len(stripped)


def finding(
    field: str,
    span: tuple[int, int] | Span,
    *,
    check: str,
    row: str,
    severity: Severity,
    message: str,
    fix: str,
) -> Finding:
    """Build a Finding from a span or (start, end) pair."""
    if isinstance(span, Span):
        start, end = span.start, span.end
    else:
        start, end = span
    return Finding(field=field, start=start, end=end, check=check, row=row, severity=severity, message=message, fix=fix)


def section_finding(
    field: str, text: str, *, check: str, row: str, severity: Severity, message: str, fix: str
) -> Finding:
    """A finding about a whole section (spans its text, or 0-0 when the section is empty)."""
    return finding(field, whole(text), check=check, row=row, severity=severity, message=message, fix=fix)
