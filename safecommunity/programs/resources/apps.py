from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "safecommunity.programs.resources"
    label = "resources"
    verbose_name = "Learning resources"
