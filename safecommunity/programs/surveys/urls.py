from django.urls import URLPattern, path

from safecommunity.programs.surveys import views_builder, views_public, views_results

app_name = "surveys"

STAFF = "staff/programmes/surveys/"
SURVEY = STAFF + "<uuid:public_id>/"
QUESTION = SURVEY + "questions/<int:question_id>/"

urlpatterns: list[URLPattern] = [
    path("surveys/<slug:slug>/", views_public.survey_take, name="take"),
    path(STAFF, views_builder.survey_list, name="staff_list"),
    path(STAFF + "new/", views_builder.survey_new, name="staff_new"),
    path(STAFF + "from-template/", views_builder.survey_new_from_template, name="staff_from_template"),
    path(SURVEY, views_builder.survey_detail, name="staff_detail"),
    path(SURVEY + "settings/", views_builder.survey_edit, name="staff_edit"),
    path(SURVEY + "status/", views_builder.survey_status, name="staff_status"),
    path(SURVEY + "preview/", views_builder.survey_preview, name="staff_preview"),
    path(SURVEY + "results/", views_results.survey_results_view, name="staff_results"),
    path(SURVEY + "results.csv", views_results.survey_results_csv, name="staff_results_csv"),
    path(SURVEY + "questions/new/", views_builder.question_new, name="staff_question_new"),
    path(QUESTION, views_builder.question_edit, name="staff_question"),
    path(QUESTION + "move/", views_builder.question_move_view, name="staff_question_move"),
    path(QUESTION + "delete/", views_builder.question_delete_view, name="staff_question_delete"),
    path(QUESTION + "options/new/", views_builder.option_new, name="staff_option_new"),
    path(QUESTION + "options/<int:option_id>/", views_builder.option_edit, name="staff_option"),
    path(QUESTION + "options/<int:option_id>/delete/", views_builder.option_delete_view, name="staff_option_delete"),
]
