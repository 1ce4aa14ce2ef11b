from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "safecommunity.cases"
    label = "cases"
    verbose_name = "Cases"
