"""Demo data for the network and evaluation: one project per awarded application (or, with none, one per city),
its milestones and computed indicators with targets, and good practices shared between the cities."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from safecommunity.accounts.models import Coalition, Organisation
from safecommunity.core.models import Region
from safecommunity.programs.evaluation.models import GoodPractice, Milestone, Project, ProjectIndicator
from safecommunity.programs.opencalls.models import Application
from safecommunity.programs.opencalls.selectors import awarded_applications

# Codes of the indicator registry; those no app provides show as "not available" until one does.
INDICATORS: dict[str, Decimal | None] = {
    "reports_in_area": Decimal(120),
    "referrals_completed": Decimal(24),
    "people_trained": Decimal(80),
    "event_attendance": Decimal(300),
    "volunteer_hours": Decimal(500),
    "survey_change": None,
}

MILESTONES: list[tuple[int, dict[str, str]]] = [
    (
        1,
        {
            "en": "Bystander-intervention trainers recruited",
            "es": "Formadores de intervención de testigos reclutados",
            "vi": "Đã tuyển người hướng dẫn can thiệp của người chứng kiến",
            "zh-hant": "已招募旁觀者介入培訓員",
        },
    ),
    (
        4,
        {
            "en": "First community workshop held",
            "es": "Primer taller comunitario realizado",
            "vi": "Đã tổ chức buổi hội thảo cộng đồng đầu tiên",
            "ko": "첫 번째 지역 사회 워크숍 개최",
        },
    ),
    (
        8,
        {
            "en": "Reporting outreach in every county",
            "es": "Difusión sobre cómo reportar en cada condado",
            "hmn": "Qhia txog kev tshaj tawm hauv txhua lub nroog",
        },
    ),
    (
        12,
        {
            "en": "Final evaluation shared with the network",
            "es": "Evaluación final compartida con la red",
            "ar": "مشاركة التقييم النهائي مع الشبكة",
        },
    ),
]

PRACTICES: dict[str, list[tuple[str, dict[str, str], dict[str, str]]]] = {
    "greater-sacramento": [
        (
            "elders-walk-at-dusk",
            {
                "en": "Walking with elders at dusk",
                "vi": "Đi bộ cùng người cao tuổi lúc chạng vạng",
                "hmn": "Taug kev nrog cov laus thaum tsaus ntuj",
                "es": "Caminar con las personas mayores al atardecer",
            },
            {
                "en": "Pairs of trained volunteers walk with elders from the bus stop to the market twice a week. "
                "Reports from the route rose as trust grew, and elders said they felt safer.",
                "vi": "Từng cặp tình nguyện viên đã được tập huấn đi cùng người cao tuổi từ trạm xe buýt đến chợ "
                "hai lần mỗi tuần. Số báo cáo trên tuyến đường tăng khi lòng tin tăng lên.",
                "es": "Parejas de voluntarios capacitados acompañan a personas mayores de la parada del autobús al "
                "mercado dos veces por semana. Los reportes aumentaron a medida que creció la confianza.",
            },
        ),
        (
            "reporting-at-the-temple",
            {"en": "Reporting desks at temple festivals", "hmn": "Rooj tshaj tawm ntawm kev ua koob tsheej"},
            {
                "en": "A volunteer who speaks Hmong takes reports at festivals, with a printed card of the "
                "receipt code for people who prefer not to use a phone.",
                "hmn": "Ib tug neeg ua haujlwm pub dawb uas hais lus Hmoob txais cov lus tshaj tawm ntawm kev ua "
                "koob tsheej.",
            },
        ),
    ],
    "sf-bay-area": [
        (
            "merchant-safety-circles",
            {
                "en": "Merchant safety circles in Chinatown",
                "zh-hant": "華埠商戶安全圈",
                "ko": "차이나타운 상인 안전 모임",
            },
            {
                "en": "Shop owners meet monthly with a caseworker and a mental-health counsellor; incidents are "
                "reported the same day and referrals are completed faster.",
                "zh-hant": "商戶每月與個案工作者及心理健康輔導員會面；事件當天即可報告，轉介也更快完成。",
            },
        ),
        (
            "youth-ambassadors",
            {"en": "Youth ambassadors in high schools", "es": "Jóvenes embajadores en las escuelas secundarias"},
            {
                "en": "Students trained in bystander intervention run lunchtime sessions for their classmates and "
                "share the reporting form in several languages.",
                "es": "Estudiantes capacitados en intervención de testigos dan sesiones a la hora del almuerzo y "
                "comparten el formulario en varios idiomas.",
            },
        ),
    ],
}

TITLES: dict[str, dict[str, str]] = {
    "greater-sacramento": {
        "en": "Safe routes and reporting in Greater Sacramento",
        "vi": "Lộ trình an toàn và báo cáo tại Greater Sacramento",
        "hmn": "Txoj kev nyab xeeb thiab kev tshaj tawm hauv Greater Sacramento",
        "es": "Rutas seguras y reportes en Greater Sacramento",
    },
    "sf-bay-area": {
        "en": "Chinatown safety and healing",
        "zh-hant": "華埠安全與療癒計劃",
        "ko": "차이나타운 안전과 치유",
        "es": "Seguridad y sanación en Chinatown",
    },
}


def _month(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _last_day(first: date) -> date:
    return date.fromordinal(_month(first, 1).toordinal() - 1)


def _awards(coalition: Coalition) -> list[Application]:
    return list(awarded_applications(coalition_ids={coalition.pk}))


def seed_evaluation(*, coalitions: dict[str, Coalition], now: datetime) -> dict[str, int]:
    counts = {"projects": 0, "milestones": 0, "indicators": 0, "good_practices": 0}
    start = _month(now.date().replace(day=1), -6)
    end = _last_day(_month(start, 11))
    for slug, coalition in coalitions.items():
        organisations = list(Organisation.objects.filter(coalition=coalition).order_by("pk"))
        if not organisations:
            continue
        regions = list(Region.objects.filter(region_set_id=coalition.region_set_id)) if coalition.region_set_id else []
        plans: list[tuple[str, dict[str, str], Organisation, Any]] = []
        for application in _awards(coalition):
            organisation = next(
                (item for item in organisations if item.name.lower() == application.organisation_name.lower()),
                organisations[0],
            )
            title = {
                code: f"{application.organisation_name}: {text}"
                for code, text in (application.call.title or {}).items()
                if text
            }
            plans.append((f"award-{application.pk}", title, organisation, application))
        if not plans:
            plans.append((f"{slug}-programme", TITLES.get(slug, {"en": coalition.name}), organisations[0], None))
        first_project = None
        for key, title, organisation, application in plans:
            defaults: dict[str, Any] = {
                "coalition": coalition,
                "organisation": organisation,
                "title": title,
                "summary": {
                    "en": "Trainings, accompaniment and outreach so that more people report hate and get help.",
                    "es": "Capacitaciones, acompañamiento y difusión para que más personas reporten el odio y "
                    "reciban ayuda.",
                },
                "starts_on": start,
                "ends_on": end,
                "baseline_starts_on": _month(start, -12),
                "baseline_ends_on": _last_day(_month(start, -1)),
                "status": Project.Status.ACTIVE,
            }
            if application is not None and Project.objects.filter(application=application).exclude(key=key).exists():
                continue
            if application is not None:
                defaults["application"] = application
            project, _created = Project.objects.update_or_create(key=key, defaults=defaults)
            project.regions.set(regions)
            first_project = first_project or project
            counts["projects"] += 1
            for offset, (months, milestone_title) in enumerate(MILESTONES):
                due = _last_day(_month(start, months - 1))
                done = due if due < now.date() and offset < 2 else None
                Milestone.objects.update_or_create(
                    project=project, due_on=due, defaults={"title": milestone_title, "done_on": done}
                )
                counts["milestones"] += 1
            for code, target in INDICATORS.items():
                ProjectIndicator.objects.update_or_create(project=project, code=code, defaults={"target": target})
                counts["indicators"] += 1
        for key, title, summary in PRACTICES.get(slug, []):
            GoodPractice.objects.update_or_create(
                key=key,
                defaults={
                    "coalition": coalition,
                    "title": title,
                    "summary": summary,
                    "project": first_project,
                    "shared": True,
                },
            )
            counts["good_practices"] += 1
    return counts
