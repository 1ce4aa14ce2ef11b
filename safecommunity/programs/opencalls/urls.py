from django.urls import URLPattern, path

from safecommunity.programs.opencalls import views, views_review, views_staff

app_name = "opencalls"

STAFF = "staff/programmes/calls/"
REVIEW = "staff/programmes/reviews/"

urlpatterns: list[URLPattern] = [
    path("calls/", views.call_list, name="list"),
    path("calls/<slug:slug>/", views.call_detail, name="detail"),
    path("calls/<slug:slug>/apply/", views.call_apply, name="apply"),
    path("calls/<slug:slug>/withdraw/", views.call_withdraw, name="withdraw"),
    path(STAFF, views_staff.staff_call_list, name="staff_calls"),
    path(f"{STAFF}new/", views_staff.staff_call_new, name="staff_call_new"),
    path(f"{STAFF}<int:call_id>/", views_staff.staff_call, name="staff_call"),
    path(f"{STAFF}<int:call_id>/edit/", views_staff.staff_call_edit, name="staff_call_edit"),
    path(f"{STAFF}<int:call_id>/status/", views_staff.staff_call_status, name="staff_call_status"),
    path(f"{STAFF}<int:call_id>/questions/", views_staff.staff_question_add, name="staff_question_add"),
    path(
        f"{STAFF}<int:call_id>/questions/<int:question_id>/delete/",
        views_staff.staff_question_delete,
        name="staff_question_delete",
    ),
    path(f"{STAFF}<int:call_id>/criteria/", views_staff.staff_criterion_add, name="staff_criterion_add"),
    path(
        f"{STAFF}<int:call_id>/criteria/<int:criterion_id>/delete/",
        views_staff.staff_criterion_delete,
        name="staff_criterion_delete",
    ),
    path(f"{STAFF}<int:call_id>/reviewers/", views_staff.staff_reviewer_add, name="staff_reviewer_add"),
    path(
        f"{STAFF}<int:call_id>/reviewers/<int:assignment_id>/remove/",
        views_staff.staff_reviewer_remove,
        name="staff_reviewer_remove",
    ),
    path(f"{STAFF}applications/<uuid:public_id>/", views_staff.staff_application, name="staff_application"),
    path(
        f"{STAFF}applications/<uuid:public_id>/decide/",
        views_staff.staff_application_decide,
        name="staff_application_decide",
    ),
    path(
        f"{STAFF}applications/<uuid:public_id>/shortlist/",
        views_staff.staff_application_shortlist,
        name="staff_application_shortlist",
    ),
    path(f"{STAFF}files/<int:attachment_id>/", views_staff.staff_attachment, name="staff_attachment"),
    path(REVIEW, views_review.review_calls, name="reviews"),
    path(f"{REVIEW}calls/<int:call_id>/", views_review.review_call, name="review_call"),
    path(f"{REVIEW}applications/<uuid:public_id>/", views_review.review_application, name="review_application"),
]
