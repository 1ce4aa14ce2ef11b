"""Demo events for both cities: every kind of event, past ones with people checked in, upcoming ones open for
registration and one full workshop with a wait list, with titles in several languages.

Registrants are made-up people at example.org addresses; their details are stored encrypted like real ones."""

from __future__ import annotations

import datetime as dt
from typing import Any

from safecommunity.accounts.models import Coalition
from safecommunity.core.encryption import lookup_hash
from safecommunity.core.models import Region
from safecommunity.programs.events.models import Event, Registration

# key → (kind, format, days from now (negative: past), hours long, capacity, titles, description)
EVENTS: dict[str, tuple[str, str, int, float, int | None, dict[str, str], dict[str, str]]] = {
    "know-your-rights-webinar": (
        Event.Kind.WEBINAR,
        Event.Format.ONLINE,
        9,
        1.5,
        None,
        {
            "en": "Know your rights after a hate incident",
            "vi": "Biết quyền của bạn sau một sự cố thù ghét",
            "zh-hant": "遭遇仇恨事件後瞭解您的權利",
            "es": "Conozca sus derechos después de un incidente de odio",
            "ko": "증오 사건 이후 알아야 할 권리",
            "ar": "اعرف حقوقك بعد حادثة كراهية",
        },
        {
            "en": "A lawyer explains what the police, the courts and victim services can do, and answers questions.",
            "vi": "Một luật sư giải thích cảnh sát, tòa án và dịch vụ nạn nhân có thể làm gì, và trả lời câu hỏi.",
            "es": "Una abogada explica lo que pueden hacer la policía, los tribunales y los servicios a víctimas.",
        },
    ),
    "bystander-workshop": (
        Event.Kind.WORKSHOP,
        Event.Format.IN_PERSON,
        14,
        2,
        4,
        {
            "en": "Bystander intervention workshop",
            "vi": "Hội thảo can thiệp của người chứng kiến",
            "hmn": "Kev cob qhia pab thaum pom kev ntxub ntxaug",
            "es": "Taller de intervención de testigos",
            "ar": "ورشة عمل حول تدخل المارة",
        },
        {
            "en": "Practise the five Ds: distract, delegate, document, delay and direct. Small group, places limited.",
            "hmn": "Xyaum tsib txoj kev pab. Pab pawg me, muaj chaw tsawg.",
        },
    ),
    "ambassador-training": (
        Event.Kind.TRAINING,
        Event.Format.HYBRID,
        -30,
        3,
        30,
        {
            "en": "Community ambassador training",
            "vi": "Đào tạo đại sứ cộng đồng",
            "zh-hant": "社區大使培訓",
            "ko": "지역사회 대사 교육",
        },
        {"en": "The training every community ambassador and volunteer stroller completes before a first shift."},
    ),
    "town-hall-police": (
        Event.Kind.TOWN_HALL,
        Event.Format.HYBRID,
        -12,
        2,
        120,
        {
            "en": "Town hall with the police and the district attorney",
            "es": "Reunión comunitaria con la policía y la fiscalía",
            "vi": "Họp cộng đồng với cảnh sát và công tố viên",
        },
        {"en": "Ask how hate crimes are investigated and prosecuted, and how reports are followed up."},
    ),
    "office-hours-legal": (
        Event.Kind.OFFICE_HOURS,
        Event.Format.ONLINE,
        5,
        2,
        None,
        {"en": "Legal aid office hours", "zh-hant": "法律援助諮詢時間", "ko": "법률 지원 상담 시간"},
        {"en": "Drop in to ask a legal aid lawyer about your situation, one at a time and in confidence."},
    ),
    "youth-showcase": (
        Event.Kind.SHOWCASE,
        Event.Format.IN_PERSON,
        -45,
        2,
        80,
        {"en": "Youth essay contest showcase", "es": "Presentación del concurso de ensayos juveniles"},
        {"en": "The winners of the essay contest against hate read their work."},
    ),
    "food-drive": (
        Event.Kind.COMMUNITY_EVENT,
        Event.Format.IN_PERSON,
        21,
        4,
        None,
        {
            "en": "Community food drive and resource fair",
            "vi": "Ngày hội thực phẩm và tài nguyên cộng đồng",
            "ar": "حملة الطعام المجتمعية ومعرض الموارد",
        },
        {"en": "Bring food to share and meet the coalition's partners."},
    ),
}

FIRST_NAMES = ["Lan", "Minh", "Kim", "Ana", "Omar", "Mei", "Pao", "Jin", "Sofia", "Hung", "Layla", "Tou", "Wei", "Rosa"]
LANGUAGES = ["en", "vi", "ko", "es", "ar", "zh-hant", "hmn"]


def _people(event: Event, count: int, *, offset: int = 0) -> list[dict[str, Any]]:
    people = []
    for number in range(offset, offset + count):
        name = FIRST_NAMES[number % len(FIRST_NAMES)]
        email = f"{event.slug}-{number}@example.org"
        people.append({"name": f"{name} {number}", "email": email, "language": LANGUAGES[number % len(LANGUAGES)]})
    return people


def _register(event: Event, person: dict[str, Any], *, status: str, created_at: dt.datetime) -> Registration:
    registration, _ = Registration.objects.update_or_create(
        event=event,
        email_hash=lookup_hash(person["email"]),
        defaults={
            "status": status,
            "name": person["name"],
            "email": person["email"],
            "language": person["language"],
            "interpretation_language": person["language"] if person["language"] != "en" else "",
        },
    )
    Registration.objects.filter(pk=registration.pk).update(created_at=created_at)
    return registration


def seed_events(*, coalitions: dict[str, Coalition], now: dt.datetime) -> dict[str, int]:
    made = {"events": 0, "registrations": 0, "checked_in": 0, "waitlisted": 0}
    for coalition in coalitions.values():
        organisations = list(coalition.organisations.order_by("slug"))
        regions = list(Region.objects.filter(region_set_id=coalition.region_set_id).order_by("slug"))
        for index, (key, (kind, format_, days, hours, capacity, titles, description)) in enumerate(EVENTS.items()):
            starts_at = (now + dt.timedelta(days=days + index % 3)).replace(minute=0, second=0, microsecond=0)
            starts_at = starts_at.replace(hour=1 + (index % 3))  # early evening in California (UTC-7/8)
            in_person = format_ != Event.Format.ONLINE
            event, _ = Event.objects.update_or_create(
                slug=f"{coalition.slug}-{key}",
                defaults={
                    "coalition": coalition,
                    "organisation": organisations[index % len(organisations)] if organisations else None,
                    "kind": kind,
                    "format": format_,
                    "status": Event.Status.PUBLISHED,
                    "title": titles,
                    "description": description,
                    "speakers": [
                        {"name": "Mai Tran", "role": {"en": "Community lawyer", "vi": "Luật sư cộng đồng"}},
                        {"name": "Jordan Lee", "role": {"en": "Trainer"}, "organisation": coalition.name},
                    ],
                    "languages": [code for code in titles if code != "en"][:3] + ["en"],
                    "region": regions[index % len(regions)] if regions else None,
                    "venue": "Community centre" if in_person else "",
                    "address": f"{100 + index} Main Street" if in_person else "",
                    "online_url": "" if format_ == Event.Format.IN_PERSON else f"https://meet.example.org/{key}",
                    "starts_at": starts_at,
                    "ends_at": starts_at + dt.timedelta(hours=hours),
                    "time_zone": coalition.time_zone,
                    "capacity": capacity,
                    "allow_anonymous_registration": kind in {Event.Kind.WEBINAR, Event.Kind.TOWN_HALL},
                    "published_at": now - dt.timedelta(days=60),
                },
            )
            event.partners.set(organisations[1:3])
            made["events"] += 1
            past = days < 0
            if capacity == 4:  # the full workshop: every place taken and three people waiting
                confirmed, waiting = 4, 3
            else:
                confirmed, waiting = (min(capacity or 12, 12 if past else 6)), 0
            registered_at = min(now, starts_at) - dt.timedelta(days=10)
            for number, person in enumerate(_people(event, confirmed)):
                registration = _register(
                    event,
                    person,
                    status=Registration.Status.CONFIRMED,
                    created_at=registered_at + dt.timedelta(hours=number),
                )
                made["registrations"] += 1
                attended = past and number % 5 != 4  # most came, a few did not
                Registration.objects.filter(pk=registration.pk).update(
                    checked_in_at=starts_at + dt.timedelta(minutes=5 + number) if attended else None
                )
                made["checked_in"] += int(attended)
            for number, person in enumerate(_people(event, waiting, offset=confirmed)):
                _register(
                    event,
                    person,
                    status=Registration.Status.WAITLISTED,
                    created_at=registered_at + dt.timedelta(days=1, hours=number),
                )
                made["registrations"] += 1
                made["waitlisted"] += 1
    return made
