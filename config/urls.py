from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from safecommunity.accounts.views import admin_sign_in
from safecommunity.cases.api import router as cases_api
from safecommunity.core import views as core_views
from safecommunity.core.api import api
from safecommunity.directory.api import router as directory_api
from safecommunity.insights.api import router as insights_api
from safecommunity.policedata.api import router as policedata_api
from safecommunity.programs.evaluation.api import router as evaluation_api
from safecommunity.programs.events.api import router as events_api
from safecommunity.programs.opencalls.api import router as opencalls_api
from safecommunity.programs.outreach.api import router as outreach_api
from safecommunity.programs.resources.api import router as resources_api
from safecommunity.programs.surveys.api import router as surveys_api
from safecommunity.programs.volunteers.api import router as volunteers_api
from safecommunity.reports.api import router as reports_api

api.add_router("/v1/", reports_api)
api.add_router("/v1/", cases_api)
api.add_router("/v1/", directory_api)
api.add_router("/v1/", insights_api)
api.add_router("/v1/", policedata_api)
api.add_router("/v1/", events_api)
api.add_router("/v1/", resources_api)
api.add_router("/v1/", surveys_api)
api.add_router("/v1/", volunteers_api)
api.add_router("/v1/", opencalls_api)
api.add_router("/v1/", evaluation_api)
api.add_router("/v1/", outreach_api)
admin.site.login = admin_sign_in  # type: ignore[method-assign,assignment]
admin.site.site_header = "Safe Community"

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
]
urlpatterns += i18n_patterns(
    path("", core_views.home, name="home"),
    path("get-help/", core_views.get_help, name="get_help"),
    path("accounts/", include("safecommunity.accounts.urls")),
    path("", include("safecommunity.reports.urls")),
    path("", include("safecommunity.cases.urls")),
    path("", include("safecommunity.directory.urls")),
    path("", include("safecommunity.insights.urls")),
    path("", include("safecommunity.programs.events.urls")),
    path("", include("safecommunity.programs.resources.urls")),
    path("", include("safecommunity.programs.surveys.urls")),
    path("", include("safecommunity.programs.volunteers.urls")),
    path("", include("safecommunity.programs.opencalls.urls")),
    path("", include("safecommunity.programs.evaluation.urls")),
    path("", include("safecommunity.programs.outreach.urls")),
    prefix_default_language=True,
)
