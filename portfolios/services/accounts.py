"""Creating an account: the one write sign-up makes."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from portfolios.models import User

EMAIL_TAKEN = "An account with this email already exists. Log in, or reset your password."


def email_taken_error() -> ValidationError:
    return ValidationError(EMAIL_TAKEN, code="duplicate_email")


def account_create(*, email: str, password: str, display_name: str = "") -> User:
    """Create an account from a validated sign-up.

    The form checks the email is free, but two sign-ups for one email can both pass that check;
    the loser of the race gets the form's "already exists" error (a ValidationError on `email`)
    from the database's unique constraint, not a 500.
    """
    try:
        with transaction.atomic():
            return User.objects.create_user(email, password, display_name=display_name)
    except IntegrityError as error:
        if not User.objects.filter(email__iexact=User.objects.normalize_email(email)).exists():
            raise
        raise ValidationError({"email": [email_taken_error()]}) from error
