"""Capability tokens for share and invite links, handled like API keys.

A token carries 256 random bits, is shown once inside its link, and only its SHA-256
hash is stored. Lookups hash what was presented and compare in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

TOKEN_BYTES = 32  # 256 bits; the W3C capability-URL advice asks for at least 120
TOKEN_LENGTH = 43  # len(secrets.token_urlsafe(32))
_WELL_FORMED = re.compile(rf"[A-Za-z0-9_-]{{{TOKEN_LENGTH}}}")


def new_token() -> tuple[str, str]:
    """A fresh token and the hash to store for it."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    return token, hash_token(token)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def is_well_formed(token: str) -> bool:
    """Cheap shape check before any database lookup: exactly 43 URL-safe characters."""
    return bool(_WELL_FORMED.fullmatch(token))


def matches(stored_hash: str, token: str) -> bool:
    """Whether a presented token hashes to the stored hash, compared in constant time."""
    return hmac.compare_digest(stored_hash, hash_token(token))
