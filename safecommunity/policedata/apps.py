from django.apps import AppConfig


class PoliceDataConfig(AppConfig):
    name = "safecommunity.policedata"
    label = "policedata"
    verbose_name = "Police-reported data"
