from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "safecommunity.cases"
    label = "cases"
    verbose_name = "Cases"

    def ready(self) -> None:
        from safecommunity.cases import indicators

        indicators.register()
