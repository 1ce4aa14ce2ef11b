"""The reporting stories' browser set-up (Debian's Chromium on a phone-sized screen), reused for the directory."""

from __future__ import annotations

from safecommunity.reports.tests.browser.conftest import (  # noqa: F401 - fixtures
    browser_context_args,
    browser_type_launch_args,
    django_beside_playwright,
    js_errors,
)
