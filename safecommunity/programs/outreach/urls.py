from django.urls import path

from safecommunity.programs.outreach import views, views_staff

app_name = "outreach"

urlpatterns = [
    # Public
    path("newsletter/", views.newsletter_sign_up, name="sign_up"),
    path("newsletter/check-your-inbox/", views.newsletter_sign_up_done, name="sign_up_done"),
    path("newsletter/confirm/<str:token>/", views.newsletter_confirm, name="confirm"),
    path("newsletter/unsubscribe/<str:token>/", views.newsletter_unsubscribe, name="unsubscribe"),
    path("newsletter/preferences/<str:token>/", views.newsletter_preferences, name="preferences"),
    path("take-action/", views.take_action_index, name="take_action_index"),
    path("take-action/<slug:slug>/", views.take_action, name="take_action"),
    path("cities/", views.city_index, name="city_index"),
    path("cities/<slug:slug>/", views.city_page, name="city"),
    path("cities/<slug:slug>/theme.css", views.city_theme, name="city_theme"),
    # Staff
    path("staff/programmes/newsletter/", views_staff.issue_list, name="issue_list"),
    path("staff/programmes/newsletter/new/", views_staff.issue_new, name="issue_new"),
    path("staff/programmes/newsletter/<int:issue_id>/", views_staff.issue_detail, name="issue_detail"),
    path("staff/programmes/newsletter/<int:issue_id>/edit/", views_staff.issue_edit, name="issue_edit"),
    path("staff/programmes/newsletter/<int:issue_id>/send/", views_staff.issue_send_view, name="issue_send"),
    path("staff/programmes/take-action/", views_staff.take_action_staff_index, name="take_action_staff"),
    path("staff/programmes/take-action/<slug:slug>/", views_staff.take_action_edit, name="take_action_edit"),
    path("staff/programmes/take-action/<slug:slug>/links/new/", views_staff.action_link_new, name="action_link_new"),
    path(
        "staff/programmes/take-action/<slug:slug>/links/<int:link_id>/",
        views_staff.action_link_edit,
        name="action_link_edit",
    ),
    path(
        "staff/programmes/take-action/<slug:slug>/links/<int:link_id>/delete/",
        views_staff.action_link_delete_view,
        name="action_link_delete",
    ),
    path(
        "staff/programmes/take-action/<slug:slug>/links/<int:link_id>/move/",
        views_staff.action_link_move_view,
        name="action_link_move",
    ),
    path("staff/programmes/branding/", views_staff.branding_index, name="branding"),
    path("staff/programmes/branding/<slug:slug>/", views_staff.branding_edit, name="branding_edit"),
]
