from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "safecommunity.demo"
    label = "demo"
    verbose_name = "Demo data"
