"""Run the rubric checker on artifacts given as JSON, printing one JSON line per artifact.

Each FILE holds one JSON object {"kind", "track", "fields": {section_key: text}}; "-" reads
such objects as JSON Lines from standard input. Bad input is reported on standard error,
one line per problem, and makes the exit status 1; good inputs are still checked.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portfolios.checker import RubricInputError, check_artifact


class InputError(ValueError):
    pass


def _parse(raw: str, where: str) -> dict:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise InputError(f"{where}: not valid JSON ({error.msg} at line {error.lineno} column {error.colno})") from None
    if not isinstance(data, dict):
        raise InputError(f'{where}: expected a JSON object with "kind", "track" and "fields"')
    for key in ("kind", "track"):
        if not isinstance(data.get(key), str):
            raise InputError(f'{where}: "{key}" must be a string')
    fields = data.get("fields", {})
    if not isinstance(fields, dict) or not all(isinstance(value, str) for value in fields.values()):
        raise InputError(f'{where}: "fields" must be an object mapping section keys to text')
    return data


def _inputs(paths: list[str]) -> Iterator[tuple[str, str]]:
    """(where, raw JSON) for every input: whole files, or each non-blank line of standard input."""
    for path in paths:
        if path == "-":
            for number, line in enumerate(sys.stdin, start=1):
                if line.strip():
                    yield f"<stdin>:{number}", line
            continue
        try:
            yield path, Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            yield path, InputError(f"{path}: cannot read file ({error.__class__.__name__}: {error})")


def result_line(kind: str, track: str, fields: dict[str, str]) -> dict:
    """The JSON object printed for one artifact."""
    result = check_artifact(kind, track, fields)
    return {
        "kind": result.kind,
        "track": result.track,
        "rows": {key: {"score": row.score, "label": row.label} for key, row in result.rows.items()},
        "findings": [
            {
                "check": finding.check,
                "row": finding.row,
                "severity": finding.severity,
                "field": finding.field,
                "start": finding.start,
                "end": finding.end,
                "message": finding.message,
                "fix": finding.fix,
            }
            for finding in result.findings
        ],
    }


class Command(BaseCommand):
    help = (
        'Check artifacts against the rubric. Each FILE is a JSON object {"kind", "track", "fields"}; '
        '"-" reads JSON Lines from standard input. Prints one JSON line per artifact.'
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE", help='JSON files, or "-" for JSON Lines on stdin')

    def handle(self, *args, files: list[str], **options) -> None:
        failures = total = 0
        for where, raw in _inputs(files):
            total += 1
            try:
                if isinstance(raw, InputError):
                    raise raw
                data = _parse(raw, where)
                line = result_line(data["kind"], data["track"], data.get("fields", {}))
            except (InputError, RubricInputError) as error:
                failures += 1
                message = str(error) if isinstance(error, InputError) else f"{where}: {error}"
                self.stderr.write(f"check_artifact: {message}")
                continue
            self.stdout.write(json.dumps(line, ensure_ascii=False))
        if failures:
            raise CommandError(f"{failures} of {total} input(s) could not be checked", returncode=1)
