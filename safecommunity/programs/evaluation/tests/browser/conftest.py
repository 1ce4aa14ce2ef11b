"""The reporter's browser set-up (Debian's Chromium, a phone screen, the live server), reused for the network."""

from safecommunity.reports.tests.browser.conftest import (  # noqa: F401 - fixtures for this folder
    browser_context_args,
    browser_type_launch_args,
    django_beside_playwright,
    js_errors,
)
