"""The development outbox: mail Django's file-based backend wrote to EMAIL_FILE_PATH, read back for a page."""

from __future__ import annotations

from dataclasses import dataclass
from email import message_from_bytes, policy
from pathlib import Path

# The file-based backend ends every message with a line of 79 dashes.
_SEPARATOR = b"\n" + b"-" * 79 + b"\n"


@dataclass(frozen=True)
class OutboxMessage:
    file_name: str
    subject: str
    sender: str
    to: str
    date: str
    body: str


def outbox_messages(folder: Path, *, limit: int = 50) -> list[OutboxMessage]:
    """The newest messages in the outbox folder (newest file first), at most `limit`."""
    if not folder.is_dir():
        return []
    files = sorted(folder.glob("*.log"), key=lambda file: file.stat().st_mtime, reverse=True)
    messages: list[OutboxMessage] = []
    for file in files:
        chunks = [chunk for chunk in file.read_bytes().split(_SEPARATOR) if chunk.strip()]
        for chunk in reversed(chunks):
            parsed = message_from_bytes(chunk.lstrip(b"\n"), policy=policy.default)
            part = parsed.get_body(preferencelist=("plain", "html"))
            messages.append(
                OutboxMessage(
                    file_name=file.name,
                    subject=str(parsed.get("Subject", "")),
                    sender=str(parsed.get("From", "")),
                    to=str(parsed.get("To", "")),
                    date=str(parsed.get("Date", "")),
                    body=part.get_content() if part is not None else "",
                )
            )
            if len(messages) >= limit:
                return messages
    return messages
