from django.urls import URLPattern, path

from safecommunity.cases import views, views_actions, views_referrals

urlpatterns: list[URLPattern] = [
    path("staff/", views.dashboard, name="dashboard"),
    path("staff/cases/", views.case_list, name="case_list"),
    path("staff/cases/open/", views.open_case, name="case_open"),
    path("staff/cases/<uuid:public_id>/", views.case_detail, name="case_detail"),
    path(
        "staff/cases/<uuid:public_id>/attachments/<int:attachment_id>/",
        views.case_attachment,
        name="case_attachment",
    ),
    *(
        path(
            f"staff/cases/<uuid:public_id>/{action}/",
            views_actions.case_action,
            {"action": action},
            name=f"case_{action}",
        )
        for action in views_actions.ACTIONS
    ),
    path("staff/referrals/", views_referrals.referrals_received, name="referrals_received"),
    path("staff/referrals/<int:referral_id>/answer/", views_referrals.referral_answer, name="referral_answer"),
    path(
        "staff/referrals/<int:referral_id>/complete/", views_referrals.referral_mark_complete, name="referral_complete"
    ),
]
