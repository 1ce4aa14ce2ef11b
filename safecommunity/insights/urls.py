from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from safecommunity.insights import views
from safecommunity.insights.urls_briefs import urlpatterns as brief_urls
from safecommunity.insights.urls_opendata import urlpatterns as open_data_urls

app_name = "insights"

urlpatterns: list[URLPattern | URLResolver] = [
    path("statistics/", views.dashboard, name="dashboard"),
    path("statistics/methodology/", views.methodology, name="methodology"),
    *brief_urls,
    *open_data_urls,
]
