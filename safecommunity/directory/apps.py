from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "safecommunity.directory"
    label = "directory"
    verbose_name = "Directory"
