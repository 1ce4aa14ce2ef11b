from django.apps import AppConfig


class OpenCallsConfig(AppConfig):
    name = "safecommunity.programs.opencalls"
    label = "opencalls"
    verbose_name = "Open calls"
