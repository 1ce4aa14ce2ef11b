"""A developer fills a fresh database with demo data and signs in as the demo admin."""

from __future__ import annotations

import datetime as dt
import random
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from safecommunity.core.models import HelpLine, Region, RegionSet
from safecommunity.demo.maker import DemoReportMaker
from safecommunity.insights.aggregates import counted_reports
from safecommunity.insights.engine import Selection, breakdown
from safecommunity.insights.models import Brief
from safecommunity.reports.models import Report

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def dev_secrets_in(tmp_path: Path, settings: Any) -> Path:
    """Each story gets its own git-ignored var/ directory."""
    settings.VAR_DIR = tmp_path
    return tmp_path / "dev-secrets.env"


def seed(*args: str) -> str:
    """The demo, without the FBI file's 220,000 incidents (slow) and, unless asked, without the 2019-2020 history."""
    out = StringIO()
    call_command("seed_demo", "--no-police-data", "--history", "0", *args, stdout=out)
    return out.getvalue()


def raw_column(column: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM reports_report WHERE {column} <> ''")  # noqa: S608
        return [row[0] for row in cursor.fetchall()]


def test_a_developer_gets_varied_realistic_reports_in_many_languages(mailoutbox: list[Any]) -> None:
    output = seed("--reports", "60")

    reports = list(Report.objects.select_related("region"))
    assert len(reports) == 60
    assert len({report.description_language for report in reports if report.description}) >= 5
    assert len({report.region.slug for report in reports if report.region}) >= 5
    online = [report for report in reports if report.location_type == "online"]
    assert online, "some reports are about online harassment"
    assert len({report.status for report in reports}) >= 3
    assert len({report.channel for report in reports}) >= 2
    assert len({code for report in reports for code in report.incident_types}) >= 5
    assert len({report.description for report in reports}) >= 30
    submitted = sorted(report.submitted_at for report in reports)
    assert submitted[-1] - submitted[0] > dt.timedelta(days=300)
    assert submitted[-1] <= timezone.now()
    assert all(report.submitted_at.date() >= report.occurred_on for report in reports)
    assert "60 reports" in output
    assert "Demo admin: http://127.0.0.1:8000/admin/  user: demo-admin  password: " in output
    assert mailoutbox == [], "demo reporters are never sent acknowledgements"


def test_demo_descriptions_and_contact_details_are_stored_encrypted() -> None:
    seed("--reports", "60")

    stored = raw_column("description")
    assert stored
    assert all(value.startswith("fernet:") for value in stored)
    readable = [report.description for report in Report.objects.exclude(description="")]
    assert not set(readable) & set(stored)
    assert all(value.startswith("fernet:") for value in raw_column("contact_email") + raw_column("contact_phone"))


def test_the_demo_has_regions_help_lines_and_an_admin() -> None:
    seed("--reports", "0")

    assert set(RegionSet.objects.values_list("name", flat=True)) == {"Greater Sacramento", "SF Bay Area"}
    assert {"sacramento", "el-dorado", "san-francisco", "contra-costa"} <= set(
        Region.objects.values_list("slug", flat=True)
    )
    assert Region.objects.filter(geometry__isnull=True).count() == 0
    phones = set(HelpLine.objects.values_list("phone", flat=True))
    assert {"911", "988", "833-866-4283"} <= phones
    assert HelpLine.objects.filter(kind="victim_services", name__icontains="demo").exists()
    admin = get_user_model().objects.get(username="demo-admin")
    assert admin.is_superuser and admin.is_staff


def test_seeding_with_if_empty_leaves_an_existing_database_alone() -> None:
    seed("--reports", "5")
    counts = (Report.objects.count(), Region.objects.count(), HelpLine.objects.count())

    output = seed("--if-empty")
    seed("--if-empty")

    assert (Report.objects.count(), Region.objects.count(), HelpLine.objects.count()) == counts
    assert "already has 5 reports" in output
    assert "Demo admin:" in output
    assert get_user_model().objects.filter(username="demo-admin").count() == 1


def test_seeding_again_adds_reports_but_not_regions_or_help_lines() -> None:
    seed("--reports", "3")
    seed("--reports", "3")

    assert Report.objects.count() == 6
    assert Region.objects.count() == 9
    assert HelpLine.objects.count() == 4


def test_the_same_seed_gives_the_same_reports() -> None:
    now = timezone.now()
    region_ids = {slug: number for number, slug in enumerate(["sacramento", "yolo", "placer", "el-dorado"], 1)}
    region_ids |= {slug: number for number, slug in enumerate(["san-francisco", "alameda", "san-mateo"], 10)}
    region_ids |= {"santa-clara": 20, "contra-costa": 21}

    def drafts(seed: int) -> list[Any]:
        maker = DemoReportMaker(rng=random.Random(seed), region_ids=region_ids, now=now)
        return [maker.make() for _ in range(40)]

    assert drafts(7) == drafts(7)
    assert drafts(7) != drafts(8)


def test_the_demo_admin_password_lives_in_the_dev_secrets_file(dev_secrets_in: Path) -> None:
    dev_secrets_in.write_text("SECRET_KEY=kept\n", encoding="utf-8")
    first, second = StringIO(), StringIO()

    call_command("demo_login", stdout=first)
    call_command("demo_login", stdout=second)

    password = first.getvalue().splitlines()[0].rsplit("password: ", 1)[1].strip()
    assert first.getvalue() == second.getvalue()
    assert len(password) >= 12
    assert dev_secrets_in.read_text(encoding="utf-8") == f"SECRET_KEY=kept\nDEMO_ADMIN_PASSWORD={password}\n"
    assert get_user_model().objects.get(username="demo-admin").check_password(password)


def test_a_forgotten_demo_admin_password_is_put_back_from_the_file(dev_secrets_in: Path) -> None:
    dev_secrets_in.write_text("DEMO_ADMIN_PASSWORD=purple-giraffe-dances-42\n", encoding="utf-8")
    user_model = get_user_model()
    user_model.objects.create_user("demo-admin", password="something else entirely", is_active=False)

    call_command("demo_login", stdout=StringIO())

    admin = user_model.objects.get(username="demo-admin")
    assert admin.check_password("purple-giraffe-dances-42")
    assert admin.is_active and admin.is_superuser


@pytest.mark.parametrize("command", ["demo_login", "seed_demo"])
def test_demo_commands_refuse_to_run_in_production(settings: Any, command: str) -> None:
    settings.PRODUCTION = True

    with pytest.raises(CommandError, match="refuses to run in production"):
        call_command(command, stdout=StringIO())

    assert not get_user_model().objects.exists()
    assert not Report.objects.exists()


def test_the_demo_has_partners_services_and_one_staff_member_per_role() -> None:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from safecommunity.accounts.models import Organisation
    from safecommunity.core.roles import Role
    from safecommunity.directory.models import Service

    seed("--reports", "0")
    assert Organisation.objects.count() >= 5
    services = Service.objects.all()
    assert services.count() >= 10
    assert {"ko", "vi", "zh-hant", "es"} <= {language for service in services for language in service.translations}
    roles = set(get_user_model().objects.values_list("role", flat=True))
    assert {role.value for role in Role} <= roles

    out = StringIO()
    call_command("demo_code", "demo-caseworker", stdout=out)
    code = out.getvalue().strip()
    assert len(code) == 6 and code.isdigit()
    device = TOTPDevice.objects.get(user__username="demo-caseworker")
    assert device.verify_token(code)


def test_the_demo_is_a_network_of_two_cities_each_with_its_regions_and_partners() -> None:
    from safecommunity.accounts.models import Coalition

    seed("--reports", "0")
    cities = {coalition.slug: coalition for coalition in Coalition.objects.all()}
    assert set(cities) == {"greater-sacramento", "sf-bay-area"}
    bay, sacramento = cities["sf-bay-area"].region_set, cities["greater-sacramento"].region_set
    assert bay is not None and sacramento is not None
    assert set(bay.regions.values_list("slug", flat=True)) >= {"san-francisco", "alameda"}
    assert sacramento.regions.filter(slug="sacramento").exists()
    assert cities["sf-bay-area"].organisations.count() >= 2
    assert get_user_model().objects.get(username="demo-network").organisation is None


def test_the_demo_has_cases_in_every_state_and_referrals_in_several() -> None:
    from safecommunity.cases.models import Case, Referral

    output = seed("--reports", "120")
    statuses = set(Case.objects.values_list("status", flat=True))
    assert statuses == {status.value for status in Case.Status}, statuses
    assert {"sent", "accepted", "declined", "completed"} <= set(Referral.objects.values_list("state", flat=True))
    assert Case.objects.filter(status="closed").exclude(outcome="").exists()
    assert " cases, " in output


def test_the_demo_has_statistics_history_and_published_briefs() -> None:
    output = seed("--reports", "30", "--history", "20")

    assert Report.objects.filter(occurred_on__year__in=[2019, 2020]).count() == 20
    briefs = Brief.objects.filter(status="published", audience="public")
    assert {brief.language for brief in briefs} == {"en", "zh-hant"}
    assert "2 published briefs" in output
    assert breakdown(Selection(), "region").total == counted_reports().count() > 0
