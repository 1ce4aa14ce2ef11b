from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "safecommunity.insights"
    label = "insights"
    verbose_name = "Insights"
