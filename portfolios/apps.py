from django.apps import AppConfig


class PortfoliosConfig(AppConfig):
    name = "portfolios"
    verbose_name = "OT portfolios"
    default_auto_field = "django.db.models.BigAutoField"
