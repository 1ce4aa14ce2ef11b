from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    name = "safecommunity.programs.evaluation"
    label = "evaluation"
    verbose_name = "Network and evaluation"
