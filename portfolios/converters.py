"""URL converters."""


class IdConverter:
    """A database id or revision number: 1 to 9 digits, so no URL can carry a number
    too large for the database to bind (which would be a 500 instead of a 404)."""

    regex = "[0-9]{1,9}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)
