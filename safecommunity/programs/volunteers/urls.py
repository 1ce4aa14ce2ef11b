from django.urls import path

from . import views, views_manage

app_name = "volunteers"

STAFF = "staff/programmes/volunteer/"

urlpatterns = [
    path("volunteer/", views.public, name="public"),
    # Volunteers (and everyone who may take shifts).
    path(STAFF, views.shifts, name="shifts"),
    path(f"{STAFF}shifts/<int:shift_id>/", views.shift_detail, name="shift_detail"),
    path(f"{STAFF}shifts/<int:shift_id>/sign-up/", views.shift_sign_up_view, name="shift_sign_up"),
    path(f"{STAFF}shifts/<int:shift_id>/cancel/", views.shift_cancel_view, name="shift_cancel"),
    path(f"{STAFF}mine/", views.my_shifts, name="my_shifts"),
    path(f"{STAFF}hours/", views.my_hours_view, name="my_hours"),
    path(f"{STAFF}training/", views.training, name="training"),
    # The shift's lead and the coalition's organisers.
    path(f"{STAFF}shifts/<int:shift_id>/roster/", views_manage.shift_roster, name="shift_roster"),
    # Organisers.
    path(f"{STAFF}manage/", views_manage.manage, name="manage"),
    path(f"{STAFF}manage/hours/", views_manage.totals, name="totals"),
    path(f"{STAFF}manage/programmes/new/", views_manage.programme_new, name="programme_new"),
    path(f"{STAFF}manage/programmes/<int:programme_id>/", views_manage.programme_detail, name="programme_detail"),
    path(f"{STAFF}manage/programmes/<int:programme_id>/edit/", views_manage.programme_edit, name="programme_edit"),
    path(
        f"{STAFF}manage/programmes/<int:programme_id>/trainings/new/",
        views_manage.requirement_new,
        name="requirement_new",
    ),
    path(f"{STAFF}manage/trainings/<int:requirement_id>/", views_manage.requirement_edit, name="requirement_edit"),
    path(f"{STAFF}manage/programmes/<int:programme_id>/shifts/new/", views_manage.shift_new, name="shift_new"),
    path(f"{STAFF}manage/shifts/<int:shift_id>/edit/", views_manage.shift_edit, name="shift_edit"),
    path(f"{STAFF}manage/shifts/<int:shift_id>/delete/", views_manage.shift_delete_view, name="shift_delete"),
]
