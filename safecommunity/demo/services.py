"""Writing demo data: regions, help lines and reports, through the same services as real data."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

import safecommunity.core
from safecommunity.core.memo import forget_all
from safecommunity.core.models import HelpLine, Region
from safecommunity.core.services import read_geojson_features, region_set_load
from safecommunity.demo.maker import DemoReport, DemoReportMaker
from safecommunity.demo.stories import HELP_LINES
from safecommunity.reports.models import Report
from safecommunity.reports.services import report_submit

REGIONS_DIR = Path(safecommunity.core.__file__).resolve().parent / "data" / "regions"
# (slug, name): the shipped files are REGIONS_DIR / f"{slug}.geojson".
DEMO_REGION_SETS = (("greater-sacramento", "Greater Sacramento"), ("sf-bay-area", "SF Bay Area"))


def load_demo_regions() -> dict[str, int]:
    """Load (or refresh) the shipped demo region sets; region slug -> id."""
    for slug, name in DEMO_REGION_SETS:
        features = read_geojson_features(REGIONS_DIR / f"{slug}.geojson")
        region_set_load(slug=slug, name=name, features=features, slug_property="slug", name_property="name")
    regions = Region.objects.filter(region_set__slug__in=[slug for slug, _name in DEMO_REGION_SETS])
    return dict(regions.values_list("slug", "id"))


def ensure_help_lines() -> int:
    for line in HELP_LINES:
        defaults = {key: value for key, value in line.items() if key not in {"kind", "name"}}
        HelpLine.objects.update_or_create(kind=line["kind"], name=line["name"], defaults=defaults)
    transaction.on_commit(forget_all)
    return len(HELP_LINES)


def seed_reports(*, count: int, seed: int, region_ids: dict[str, int], staff: Any) -> list[DemoReport]:
    maker = DemoReportMaker(rng=random.Random(seed), region_ids=region_ids, now=timezone.now())
    made: list[DemoReport] = []
    for _ in range(count):
        demo = maker.make()
        submitted = report_submit(
            draft=demo.draft,
            language=demo.language,
            channel=demo.channel,
            entered_by=staff if demo.staff_entered else None,
            interpreter_language=demo.interpreter_language,
        )
        # submitted_at is auto_now_add and status starts as "received": set both as they would be by now.
        Report.objects.filter(pk=submitted.report.pk).update(
            submitted_at=demo.submitted_at,
            updated_at=demo.updated_at,
            status=demo.status,
            contact_methods=demo.contact_methods,
        )
        made.append(demo)
    return made


def ensure_partners(*, region_ids: dict[str, int], password: str) -> dict[str, Any]:
    """The demo network's two coalitions (cities), their partner organisations and services, and one staff account
    per role.

    Staff share the demo admin's password and get an authenticator device whose
    current code ``manage.py demo_code USERNAME`` prints, so a developer can pass
    the second factor without a phone.
    """
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from safecommunity.accounts.models import Coalition, Organisation, User
    from safecommunity.core.models import RegionSet
    from safecommunity.demo.partners import COALITIONS, NETWORK_STAFF, ORGANISATIONS, SERVICES, STAFF
    from safecommunity.directory.models import Service

    coalitions = {}
    for fields in COALITIONS:
        values = {key: value for key, value in fields.items() if key != "slug"}
        values["region_set"] = RegionSet.objects.filter(slug=fields["slug"]).first()
        coalitions[fields["slug"]], _ = Coalition.objects.update_or_create(slug=fields["slug"], defaults=values)
    organisations = {}
    for fields in ORGANISATIONS:
        values = {key: value for key, value in fields.items() if key not in {"slug", "coalition"}}
        coalition = coalitions[fields.get("coalition", COALITIONS[0]["slug"])]
        organisations[fields["slug"]], _ = Organisation.objects.update_or_create(
            slug=fields["slug"], defaults={**values, "coalition": coalition}
        )
    services = []
    for fields in SERVICES:
        values = {key: value for key, value in fields.items() if key not in {"organisation", "regions"}}
        service, _ = Service.objects.update_or_create(
            organisation=organisations[fields["organisation"]], name=fields["name"], defaults=values
        )
        service.regions.set([region_ids[slug] for slug in fields["regions"] if slug in region_ids])
        services.append(service)
    staff = {}
    people = [*STAFF, *((username, role, "", first, language) for username, role, first, language in NETWORK_STAFF)]
    for username, role, organisation_slug, first_name, language in people:
        user = User.objects.filter(username=username).first() or User(username=username)
        user.role, user.organisation = role, organisations.get(organisation_slug)
        user.first_name, user.preferred_language = first_name, language
        user.email = f"{username}@example.org"
        user.is_active = True
        user.set_password(password)
        user.save()
        staff[username] = user
    admin = User.objects.filter(username="demo-admin").first()
    if admin is not None:
        admin.role, admin.organisation = "coalition_admin", organisations[ORGANISATIONS[0]["slug"]]
        admin.save(update_fields=["role", "organisation"])
        staff["demo-admin"] = admin
    for user in staff.values():
        TOTPDevice.objects.get_or_create(user=user, name="demo authenticator", defaults={"confirmed": True})
    return {"coalitions": coalitions, "organisations": organisations, "services": services, "staff": staff}
