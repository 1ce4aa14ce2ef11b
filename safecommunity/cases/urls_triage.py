from django.urls import URLPattern, path

from safecommunity.cases import views_triage

urlpatterns: list[URLPattern] = [
    path("staff/reports/", views_triage.triage_queue_page, name="triage"),
    path("staff/reports/<uuid:public_id>/", views_triage.triage_report, name="triage_report"),
    path("staff/reports/<uuid:public_id>/verification/", views_triage.triage_verify, name="triage_verify"),
    path("staff/reports/<uuid:public_id>/merge/", views_triage.triage_merge, name="triage_merge"),
    path("staff/reports/<uuid:public_id>/unmerge/", views_triage.triage_unmerge, name="triage_unmerge"),
    path("staff/reports/<uuid:public_id>/link/", views_triage.triage_link, name="triage_link"),
    path("staff/reports/<uuid:public_id>/dismiss/", views_triage.triage_dismiss, name="triage_dismiss"),
    path("staff/reports/<uuid:public_id>/unlink/", views_triage.triage_unlink, name="triage_unlink"),
]
