"""Re-run the rubric checker on every saved artifact, e.g. after upgrading the checker."""

from django.core.management.base import BaseCommand

from portfolios import services
from portfolios.services import prepare


class Command(BaseCommand):
    help = (
        "Recompute stored rubric results for all saved artifacts and interview stories "
        "(content and revisions are untouched)."
    )

    def handle(self, *args, **options) -> None:
        changed = services.artifacts_recheck()
        self.stdout.write(f"Re-checked artifacts: {changed} stored result(s) changed.")
        stories = prepare.stories_recheck()
        self.stdout.write(f"Re-checked interview stories: {stories} stored result(s) changed.")
