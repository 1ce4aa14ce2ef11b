from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "safecommunity.reports"
    label = "reports"
    verbose_name = "Reports"

    def ready(self) -> None:
        from safecommunity.core.encryption import register_file_rotator
        from safecommunity.reports.attachments import rotate_all_attachments

        register_file_rotator(rotate_all_attachments)
