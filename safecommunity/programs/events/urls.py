from django.urls import URLPattern, path

from safecommunity.programs.events import views, views_staff

app_name = "events"

urlpatterns: list[URLPattern] = [
    # Public
    path("events/", views.calendar, name="calendar"),
    path("events/calendar.ics", views.calendar_feed, name="feed"),
    path("events/registration/<uuid:public_id>/", views.registration_detail, name="registration"),
    path("events/registration/<uuid:public_id>/event.ics", views.registration_ics, name="registration_ics"),
    path("events/<slug:slug>/", views.event_detail, name="detail"),
    path("events/<slug:slug>/event.ics", views.event_ics, name="event_ics"),
    # Organisers
    path("staff/programmes/events/", views_staff.staff_event_list, name="staff_list"),
    path("staff/programmes/events/new/", views_staff.staff_event_create, name="staff_create"),
    path("staff/programmes/events/<uuid:public_id>/", views_staff.staff_event_detail, name="staff_detail"),
    path("staff/programmes/events/<uuid:public_id>/edit/", views_staff.staff_event_edit, name="staff_edit"),
    path("staff/programmes/events/<uuid:public_id>/publish/", views_staff.staff_event_publish, name="staff_publish"),
    path("staff/programmes/events/<uuid:public_id>/cancel/", views_staff.staff_event_cancel, name="staff_cancel"),
    path(
        "staff/programmes/events/<uuid:public_id>/registrations/",
        views_staff.staff_registrations,
        name="staff_registrations",
    ),
    path("staff/programmes/events/<uuid:public_id>/check-in/", views_staff.staff_check_in, name="staff_check_in"),
    path(
        "staff/programmes/events/<uuid:public_id>/check-in/<uuid:registration_id>/",
        views_staff.staff_check_in_mark,
        name="staff_check_in_mark",
    ),
]
