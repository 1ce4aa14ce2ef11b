"""Open data: suppressed exports of the public statistics and their data dictionary (in the "insights" namespace)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from safecommunity.insights import views_opendata

urlpatterns: list[URLPattern | URLResolver] = [
    path("statistics/open-data/", views_opendata.open_data, name="open_data"),
    path("statistics/data.csv", views_opendata.open_data_csv, name="open_data_csv"),
    path("statistics/data.json", views_opendata.open_data_json, name="open_data_json"),
    path("statistics/regions.geojson", views_opendata.open_data_geojson, name="open_data_geojson"),
    path("statistics/data-dictionary/", views_opendata.data_dictionary, name="data_dictionary"),
]
