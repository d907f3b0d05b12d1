"""Restore portfolios from a "Download my data" file into an account."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from portfolios import services
from portfolios.models import User


class Command(BaseCommand):
    help = "Restore the portfolios of an OT Portfolio export file into an existing account."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="the JSON file from 'Download my data'")
        parser.add_argument("--user", required=True, help="email of the account to restore into")
        parser.add_argument("--track", help="restore only this track's portfolio (e.g. outpatient)")

    def handle(self, *args, file: str, user: str, track: str | None, **options) -> None:
        try:
            data = json.loads(Path(file).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        except json.JSONDecodeError as error:
            raise CommandError(f"{file} is not valid JSON ({error.msg} at line {error.lineno})") from error
        except (RecursionError, ValueError) as error:  # nested past Python's limit, or a number too long to read
            raise CommandError(
                f"{file} is not an OT Portfolio export: its JSON is nested or sized past reason"
            ) from error
        account = User.objects.filter(email__iexact=user.strip()).first()
        if account is None:
            raise CommandError(f"No account with the email {user!r}. Create it first (sign up), then import.")
        try:
            restored = services.portfolio_import(user=account, data=data, track=track)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        for portfolio in restored:
            count = portfolio.artifacts.count()
            self.stdout.write(
                f"Restored {portfolio.track_info.name} portfolio ({count} artifact(s)) into {account.email}"
            )
