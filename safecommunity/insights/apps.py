from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "safecommunity.insights"
    label = "insights"
    verbose_name = "Insights"

    def ready(self) -> None:
        from safecommunity.insights import indicators

        indicators.register()
