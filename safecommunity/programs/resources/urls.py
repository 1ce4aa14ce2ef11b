from django.urls import URLPattern, path

from safecommunity.programs.resources import views, views_staff

app_name = "resources"

STAFF = "staff/programmes/resources/"

urlpatterns: list[URLPattern] = [
    path("learn/", views.library, name="library"),
    path("learn/<slug:coalition>/<slug:slug>/", views.resource_detail, name="resource_detail"),
    path("learn/<slug:coalition>/<slug:slug>/<str:language>/open/", views.download, name="download"),
    path(STAFF, views_staff.staff_list, name="staff_list"),
    path(f"{STAFF}new/", views_staff.staff_create, name="staff_create"),
    path(f"{STAFF}<int:resource_id>/", views_staff.staff_detail, name="staff_detail"),
    path(f"{STAFF}<int:resource_id>/edit/", views_staff.staff_edit, name="staff_edit"),
    path(f"{STAFF}<int:resource_id>/publish/", views_staff.staff_publish, name="staff_publish"),
    path(f"{STAFF}<int:resource_id>/share/", views_staff.staff_share, name="staff_share"),
    path(f"{STAFF}<int:resource_id>/delete/", views_staff.staff_delete, name="staff_delete"),
    path(f"{STAFF}<int:resource_id>/versions/new/", views_staff.staff_version_new, name="staff_version_new"),
    path(
        f"{STAFF}<int:resource_id>/versions/<int:version_id>/",
        views_staff.staff_version_edit,
        name="staff_version_edit",
    ),
    path(
        f"{STAFF}<int:resource_id>/versions/<int:version_id>/delete/",
        views_staff.staff_version_delete,
        name="staff_version_delete",
    ),
]
