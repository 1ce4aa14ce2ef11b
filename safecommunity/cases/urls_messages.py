from django.urls import URLPattern, path

from safecommunity.cases import views_messages

urlpatterns: list[URLPattern] = [
    path("staff/cases/<uuid:public_id>/messages/", views_messages.case_messages, name="case_messages"),
    path(
        "staff/cases/<uuid:public_id>/messages/<uuid:report_id>/reply/",
        views_messages.case_reply,
        name="case_reply",
    ),
]
