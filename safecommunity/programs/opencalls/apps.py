from django.apps import AppConfig


class OpenCallsConfig(AppConfig):
    name = "safecommunity.programs.opencalls"
    label = "opencalls"
    verbose_name = "Open calls"

    def ready(self) -> None:
        from safecommunity.core.encryption import register_file_rotator
        from safecommunity.programs.opencalls.attachments import rotate_all_attachments

        register_file_rotator(rotate_all_attachments)
