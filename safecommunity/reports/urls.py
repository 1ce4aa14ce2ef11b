from django.urls import path

from safecommunity.reports import views

app_name = "reports"
urlpatterns = [
    path("report/", views.report_new, name="new"),
    path("follow-up/", views.follow_up, name="follow_up"),
    path("staff/intake/", views.staff_intake, name="staff_intake"),
    path("staff/attachments/<int:attachment_id>/", views.staff_attachment, name="staff_attachment"),
]
