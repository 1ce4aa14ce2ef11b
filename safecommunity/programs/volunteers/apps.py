from django.apps import AppConfig


class VolunteersConfig(AppConfig):
    name = "safecommunity.programs.volunteers"
    label = "volunteers"
    verbose_name = "Volunteers"

    def ready(self) -> None:
        from .indicators import register

        register()
