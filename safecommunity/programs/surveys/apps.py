from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "safecommunity.programs.surveys"
    label = "surveys"
    verbose_name = "Surveys"
