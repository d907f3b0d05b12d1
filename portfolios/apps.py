from django.apps import AppConfig


class PortfoliosConfig(AppConfig):
    name = "portfolios"
    verbose_name = "OT portfolios"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Process-level wiring lives here, not in import side effects."""
        from portfolios.services import view_counts

        view_counts.install()
