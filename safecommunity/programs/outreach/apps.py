from django.apps import AppConfig


class OutreachConfig(AppConfig):
    name = "safecommunity.programs.outreach"
    label = "outreach"
    verbose_name = "Newsletter and take action"
