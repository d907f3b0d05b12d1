"""Print what a newcomer needs once `make run` is up: the address, the demo login, the demo share link, the outbox."""

from __future__ import annotations

import time
import urllib.error
import urllib.request

from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse

from portfolios.demo_data import DEMO_EMAIL, DEMO_PASSWORD
from portfolios.demo_links import demo_share_path


def _answers(address: str) -> bool:
    try:
        with urllib.request.urlopen(address, timeout=1):  # noqa: S310 - our own local address
            return True
    except urllib.error.HTTPError:
        return True  # it answered, with an error page
    except (urllib.error.URLError, OSError):
        return False


class Command(BaseCommand):
    help = "Print the local address, demo login, demo share link and outbox (after waiting for the server)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--address", default=settings.SITE_URL, help="Where the server listens.")
        parser.add_argument(
            "--wait", type=float, default=0, metavar="SECONDS", help="Wait up to this long for the server to answer."
        )

    def handle(self, *args, address: str, wait: float, **options) -> None:
        address = address.rstrip("/")
        deadline = time.monotonic() + wait
        while wait and not _answers(address + "/") and time.monotonic() < deadline:
            time.sleep(0.25)
        share_path = demo_share_path()
        lines = [
            "",
            "=" * 72,
            f"OT Portfolio is running at {address}/",
            f"Demo login:       {DEMO_EMAIL} / {DEMO_PASSWORD}  ({address}{reverse('login')})",
            f"Demo share link:  {address}{share_path}" if share_path else "Demo share link:  none (run seed_demo)",
        ]
        if settings.DEBUG and "filebased" in settings.EMAIL_BACKEND:
            lines.append(
                f"Mail outbox:      {address}{reverse('portfolios:dev_outbox')}  (files in {settings.EMAIL_FILE_PATH})"
            )
        lines += ["Ctrl-C stops the server and the mail worker.", "=" * 72]
        self.stdout.write("\n".join(lines))
