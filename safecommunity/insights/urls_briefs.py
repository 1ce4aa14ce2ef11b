"""Policy briefs: analysts' pages, published briefs and their feed (URL names in the "insights" namespace)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from safecommunity.insights import views_briefs as views
from safecommunity.insights.feeds import PublishedBriefsFeed

urlpatterns: list[URLPattern | URLResolver] = [
    path("staff/statistics/briefs/", views.brief_list, name="briefs"),
    path("staff/statistics/briefs/new/", views.brief_new, name="brief_new"),
    path("staff/statistics/briefs/<uuid:brief_id>/", views.brief_detail, name="brief_detail"),
    path("staff/statistics/briefs/<uuid:brief_id>/pdf/", views.brief_pdf, name="brief_pdf"),
    path(
        "staff/statistics/briefs/<uuid:brief_id>/publish/",
        views.brief_action,
        {"action": "publish"},
        name="brief_publish",
    ),
    path(
        "staff/statistics/briefs/<uuid:brief_id>/unpublish/",
        views.brief_action,
        {"action": "unpublish"},
        name="brief_unpublish",
    ),
    path(
        "staff/statistics/briefs/<uuid:brief_id>/regenerate/",
        views.brief_action,
        {"action": "regenerate"},
        name="brief_regenerate",
    ),
    path("statistics/briefs/", views.published_brief_list, name="published_briefs"),
    path("statistics/briefs/feed/", PublishedBriefsFeed(), name="briefs_feed"),
    path("statistics/briefs/<uuid:brief_id>/", views.published_brief_page, name="published_brief"),
    path("statistics/briefs/<uuid:brief_id>/pdf/", views.published_brief_pdf, name="published_brief_pdf"),
]
