from django.urls import path

from safecommunity.directory import views

app_name = "directory"
urlpatterns = [
    path("find-help/", views.find_help, name="find_help"),
    path("staff/services/", views.partner_services, name="partner_services"),
    path("staff/services/new/", views.propose_new, name="propose_new"),
    path("staff/services/<int:service_id>/change/", views.propose_change, name="propose_change"),
    path("staff/service-changes/", views.review_list, name="review_list"),
    path("staff/service-changes/<int:change_id>/", views.review_change, name="review_change"),
]
