from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "safecommunity.programs.events"
    label = "events"
    verbose_name = "Events"

    def ready(self) -> None:
        from safecommunity.programs.events.indicators import register

        register()
