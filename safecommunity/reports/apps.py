from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "safecommunity.reports"
    label = "reports"
    verbose_name = "Reports"
