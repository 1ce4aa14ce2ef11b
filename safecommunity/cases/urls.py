"""Staff pages for triage, cases and the conversation with survivors (each list in its own module)."""

from safecommunity.cases.urls_cases import urlpatterns as case_urls
from safecommunity.cases.urls_messages import urlpatterns as message_urls
from safecommunity.cases.urls_triage import urlpatterns as triage_urls

app_name = "cases"
urlpatterns = [*triage_urls, *case_urls, *message_urls]
