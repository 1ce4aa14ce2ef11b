from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "safecommunity.programs.surveys"
    label = "surveys"
    verbose_name = "Surveys"

    def ready(self) -> None:
        from safecommunity.core.indicators import register_indicator
        from safecommunity.programs.surveys.indicators import SURVEY_CHANGE, SURVEY_RESPONSES

        register_indicator(SURVEY_CHANGE)
        register_indicator(SURVEY_RESPONSES)
