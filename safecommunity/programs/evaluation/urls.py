from django.urls import URLPattern, path

from safecommunity.programs.evaluation import views, views_projects

app_name = "evaluation"

P = "staff/programmes/projects/"

urlpatterns: list[URLPattern] = [
    path("network/", views.network_public, name="network_public"),
    path("staff/programmes/network/", views.network, name="network"),
    path("staff/programmes/network/report.pdf", views.network_pdf, name="network_pdf"),
    path(P, views_projects.project_list, name="project_list"),
    path(f"{P}new/", views_projects.project_new, name="project_new"),
    path(f"{P}from-award/<int:application_id>/", views_projects.project_from_award, name="project_from_award"),
    path(f"{P}<int:project_id>/", views_projects.project_detail, name="project_detail"),
    path(f"{P}<int:project_id>/edit/", views_projects.project_edit, name="project_edit"),
    path(f"{P}<int:project_id>/milestones/", views_projects.milestone_add, name="milestone_add"),
    path(
        f"{P}<int:project_id>/milestones/<int:milestone_id>/done/",
        views_projects.milestone_done,
        name="milestone_done",
    ),
    path(f"{P}<int:project_id>/indicators/", views_projects.indicator_set, name="indicator_set"),
    path(
        f"{P}<int:project_id>/indicators/<int:indicator_id>/remove/",
        views_projects.indicator_remove,
        name="indicator_remove",
    ),
    path(f"{P}<int:project_id>/report.pdf", views_projects.project_pdf, name="project_pdf"),
    path("staff/programmes/practices/new/", views_projects.good_practice_new, name="good_practice_new"),
    path(
        "staff/programmes/practices/<int:practice_id>/edit/",
        views_projects.good_practice_edit,
        name="good_practice_edit",
    ),
]
