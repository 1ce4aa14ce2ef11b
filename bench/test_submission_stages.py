"""The submission benchmark's stages do what they say, so its breakdown stays true as the submission changes."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_server import STAGE_PATH, STAGES
from report_form import FORM_PATH, form_body_prefix

from safecommunity.core.models import Region
from safecommunity.reports.models import Report

pytestmark = pytest.mark.django_db


@pytest.fixture
def stages_server(settings: Any) -> None:
    settings.ROOT_URLCONF = "stages"


def post(client: Client, path: str, body: str) -> tuple[int, bytes]:
    response = client.post(path, body, content_type="application/x-www-form-urlencoded", HTTP_ACCEPT_LANGUAGE="en")
    return response.status_code, response.content


def test_each_stage_answers_the_benchmarks_body_and_only_store_keeps_a_report(
    stages_server: None, sacramento: Region
) -> None:
    client = Client()
    prefix = form_body_prefix("unchecked-by-the-test-client", [sacramento.pk])
    stored = {}
    for number, stage in enumerate(STAGES):
        before = Report.objects.count()
        status, content = post(
            client, STAGE_PATH.format(stage=stage), f"{prefix}00000000-0000-4000-8000-00000000000{number}"
        )
        assert status == 200, (stage, content[:300])
        stored[stage] = Report.objects.count() - before
    assert stored == {"receive": 0, "validate": 0, "store": 1, "render": 0}
    status, content = post(client, FORM_PATH, f"{prefix}00000000-0000-4000-8000-000000000009")
    assert status == 200 and b"receipt-code" in content
    assert Report.objects.count() == 2


def test_a_stage_refuses_a_form_the_real_page_would_refuse(stages_server: None, sacramento: Region) -> None:
    with pytest.raises(ValueError, match="invalid"):
        post(Client(), STAGE_PATH.format(stage="validate"), "incident_types=not-a-type")
