"""Share-link view counts, written in batches so that opening a share page writes nothing.

Each process adds its views up in memory and writes them (one UPDATE per link, in one
transaction) once the oldest unwritten view is `settings.SHARE_VIEW_FLUSH_SECONDS` old,
checked after every request, and again when the process exits. The counts a candidate sees
lag by at most that long; a process killed outright loses at most that long of counts. With
the setting at 0 every view is written at once. Counts only: no IP address, no user agent.
"""

from __future__ import annotations

import atexit
import logging
import threading
import time
from datetime import datetime

from django.conf import settings
from django.core.signals import request_finished
from django.db import DatabaseError, transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from portfolios.models import ShareLink

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_pending: dict[int, tuple[int, datetime]] = {}  # link id -> (views, last viewed at)
_oldest: float | None = None  # time.monotonic() of the oldest unwritten view


def record(link_id: int) -> None:
    """Count one view of a live link; written now or with the next batch."""
    global _oldest
    now = timezone.now()
    with _lock:
        views, _ = _pending.get(link_id, (0, now))
        _pending[link_id] = (views + 1, now)
        if _oldest is None:
            _oldest = time.monotonic()
    if settings.SHARE_VIEW_FLUSH_SECONDS <= 0:
        flush()


def pending() -> dict[int, int]:
    """This process's unwritten views per link id."""
    with _lock:
        return {link_id: views for link_id, (views, _) in _pending.items()}


def discard() -> None:
    """Forget unwritten views (tests, between cases)."""
    global _oldest
    with _lock:
        _pending.clear()
        _oldest = None


def flush_if_due(**_signal) -> None:
    """After each request: write the batch if it is due. A refusal is logged; the views wait for the next try."""
    if _oldest is not None and time.monotonic() - _oldest >= settings.SHARE_VIEW_FLUSH_SECONDS:
        try:
            flush()
        except DatabaseError:
            logger.warning("Share-link view counts not written yet; will retry.", exc_info=True)


def flush() -> int:
    """Write this process's unwritten views; returns how many links were updated.

    If the database refuses, the views go back to the batch for the next try.
    """
    global _oldest
    with _lock:
        batch = dict(_pending)
        _pending.clear()
        started, _oldest = _oldest, None
    if not batch:
        return 0
    try:
        with transaction.atomic():
            for link_id, (views, last) in sorted(batch.items()):  # a fixed order: no deadlocks between processes
                ShareLink.objects.filter(pk=link_id).update(
                    view_count=F("view_count") + views,
                    last_viewed_at=Greatest(Coalesce(F("last_viewed_at"), Value(last)), Value(last)),
                )
    except DatabaseError:
        with _lock:
            for link_id, (views, last) in batch.items():
                newer, newest = _pending.get(link_id, (0, last))
                _pending[link_id] = (views + newer, max(last, newest))
            _oldest = min(filter(None, [started, _oldest]), default=None)
        raise
    return len(batch)


def _flush_at_exit() -> None:
    try:
        flush()
    except DatabaseError:
        logger.exception("Share-link view counts not written at exit: %s", pending())


_installed = False


def install() -> None:
    """Flush after every request and at process exit; called once from `PortfoliosConfig.ready`."""
    global _installed
    request_finished.connect(flush_if_due, dispatch_uid="portfolios.view_counts.flush_if_due")
    if not _installed:
        atexit.register(_flush_at_exit)
        _installed = True
