from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "safecommunity.programs.resources"
    label = "resources"
    verbose_name = "Learning resources"

    def ready(self) -> None:
        from safecommunity.programs.resources.indicators import register

        register()
