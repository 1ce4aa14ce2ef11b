from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "safecommunity.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from django.conf.locale import LANG_INFO

        # Django ships no locale data for Tagalog or Hmong, and names Punjabi only in English.
        LANG_INFO.update(
            {
                "tl": {"bidi": False, "code": "tl", "name": "Tagalog", "name_local": "Tagalog"},
                "hmn": {"bidi": False, "code": "hmn", "name": "Hmong", "name_local": "Hmoob"},
                "pa": {"bidi": False, "code": "pa", "name": "Punjabi", "name_local": "ਪੰਜਾਬੀ"},
            }
        )
