"""Demo volunteer programmes: community ambassadors, volunteer strolling and accompaniment in both cities, with
a required safety training (a demo training event of the coalition), past shifts with hours and upcoming shifts,
and a few volunteers (two trained, one not yet: she is refused a strolling shift until she takes the training)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from safecommunity.accounts.models import Coalition, User
from safecommunity.core.models import Region
from safecommunity.core.roles import Role
from safecommunity.programs.events.models import Event, Registration
from safecommunity.programs.volunteers.models import Programme, Shift, ShiftSignup, TrainingRequirement

PROGRAMMES: dict[str, dict[str, Any]] = {
    "ambassadors": {
        "kind": Programme.Kind.COMMUNITY_AMBASSADORS,
        "name": {
            "en": "Community ambassadors",
            "es": "Embajadores comunitarios",
            "vi": "Đại sứ cộng đồng",
            "zh-hant": "社區大使",
            "ko": "커뮤니티 대사",
            "hmn": "Cov neeg sawv cev hauv zej zog",
            "ar": "سفراء المجتمع",
        },
        "description": {
            "en": "Ambassadors staff information tables at markets, festivals and places of worship, explain how to "
            "report hate in the community's languages and hand out the toolkit.",
            "es": "Los embajadores atienden mesas informativas en mercados, festivales y lugares de culto, explican "
            "cómo denunciar el odio en los idiomas de la comunidad y reparten la guía.",
            "vi": "Các đại sứ đứng bàn thông tin tại chợ, lễ hội và nơi thờ phượng, giải thích cách báo cáo sự việc "
            "thù ghét bằng ngôn ngữ của cộng đồng và phát bộ tài liệu.",
            "zh-hant": "社區大使在市集、節慶活動和宗教場所設立資訊攤位，以社區的語言說明如何舉報仇恨事件，並派發工具包。",
        },
        "trained": False,
    },
    "strolling": {
        "kind": Programme.Kind.VOLUNTEER_STROLLING,
        "name": {
            "en": "Volunteer safety strolls",
            "es": "Paseos voluntarios de seguridad",
            "vi": "Đi tuần an toàn tình nguyện",
            "zh-hant": "義工安全巡行",
            "ko": "자원봉사 안전 순찰 산책",
            "ar": "جولات السلامة التطوعية",
        },
        "description": {
            "en": "Volunteers walk in small groups through business districts in the evening, greet shop owners and "
            "walk elders home. We do not intervene physically: we observe, support and call for help.",
            "vi": "Tình nguyện viên đi thành nhóm nhỏ qua khu buôn bán vào buổi tối, chào hỏi chủ tiệm và đưa người "
            "cao tuổi về nhà. Chúng tôi không can thiệp bằng vũ lực: chúng tôi quan sát, hỗ trợ và gọi giúp đỡ.",
            "zh-hant": "義工在傍晚以小組形式在商業區巡行，問候店主並護送長者回家。我們不作肢體介入：只觀察、支援並求助。",
        },
        "trained": True,
    },
    "accompaniment": {
        "kind": Programme.Kind.ACCOMPANIMENT,
        "name": {
            "en": "Accompaniment to appointments",
            "es": "Acompañamiento a citas",
            "vi": "Đi cùng đến các cuộc hẹn",
            "zh-hant": "陪同赴約",
            "ko": "약속 동행",
            "hmn": "Mus nrog rau tej kev teem caij",
        },
        "description": {
            "en": "A trained volunteer goes with a survivor to the police station, court or a clinic and helps "
            "with interpretation arranged by the caseworker.",
            "vi": "Một tình nguyện viên đã qua tập huấn đi cùng nạn nhân đến đồn cảnh sát, tòa án hoặc phòng khám.",
            "ko": "교육을 받은 자원봉사자가 피해자와 함께 경찰서, 법원 또는 병원에 동행합니다.",
        },
        "trained": True,
    },
}

TRAINING_TITLE = {
    "en": "Volunteer safety and de-escalation training",
    "vi": "Tập huấn an toàn và giảm căng thẳng cho tình nguyện viên",
    "zh-hant": "義工安全及緩和衝突培訓",
    "es": "Capacitación de seguridad y desescalada para voluntarios",
    "ko": "자원봉사자 안전 및 긴장 완화 교육",
}
REQUIREMENT_NAME = {
    "en": "Safety and de-escalation training",
    "vi": "Tập huấn an toàn và giảm căng thẳng",
    "zh-hant": "安全及緩和衝突培訓",
    "es": "Capacitación de seguridad y desescalada",
}

PLACES: dict[str, list[dict[str, str]]] = {
    "greater-sacramento": [
        {"en": "Stockton Boulevard business district", "vi": "Khu thương mại đại lộ Stockton"},
        {"en": "Oak Park farmers' market", "es": "Mercado de agricultores de Oak Park"},
        {"en": "Little Saigon, Sacramento", "vi": "Little Saigon, Sacramento"},
    ],
    "sf-bay-area": [
        {"en": "Chinatown, Stockton Street", "zh-hant": "唐人街士德頓街"},
        {"en": "Oakland Chinatown", "zh-hant": "奧克蘭華埠"},
        {"en": "Japantown Peace Plaza", "ko": "재팬타운 평화 광장"},
    ],
}
MEETING_POINT = {"en": "In front of the community centre", "vi": "Trước trung tâm cộng đồng", "zh-hant": "社區中心前"}

VOLUNTEERS: dict[str, list[tuple[str, str, str]]] = {
    # username, first name, preferred language; the first two are trained, the last is not yet.
    "greater-sacramento": [
        ("demo-volunteer-sac-1", "Thao", "hmn"),
        ("demo-volunteer-sac-2", "Minh", "vi"),
        ("demo-volunteer-sac-3", "Lucía", "es"),
    ],
    "sf-bay-area": [
        ("demo-volunteer-bay-1", "Wing", "zh-hant"),
        ("demo-volunteer-bay-2", "Ji-woo", "ko"),
        ("demo-volunteer-bay-3", "Amal", "ar"),
    ],
}

# (key, days from today, local hour, hours long, size); past shifts have hours logged for the trained volunteers.
SHIFTS = [
    ("past-1", -21, 17, 2, 4),
    ("past-2", -7, 10, 3, 4),
    ("next-1", 1, 17, 2, 4),
    ("next-2", 6, 10, 3, 2),
    ("next-3", 13, 17, 2, 6),
]


def _volunteers(coalition: Coalition, password: str | None) -> list[User]:
    organisation = coalition.organisations.order_by("slug").first()
    people = []
    for username, first_name, language in VOLUNTEERS.get(coalition.slug, []):
        user = User.objects.filter(username=username).first() or User(username=username)
        user.role, user.organisation, user.first_name = Role.VOLUNTEER, organisation, first_name
        user.preferred_language, user.email, user.is_active = language, f"{username}@example.org", True
        if password:
            user.set_password(password)
        elif not user.pk:
            user.set_unusable_password()
        user.save()
        people.append(user)
    return people


def _training_sessions(coalition: Coalition, now: dt.datetime) -> tuple[list[Event], int]:
    """The coalition's training events (a past and an upcoming demo session are made when it has none)."""
    existing = list(Event.objects.filter(coalition=coalition, kind=Event.Kind.TRAINING).order_by("starts_at"))
    made = 0
    if not existing:
        zone = ZoneInfo(coalition.time_zone)
        today = now.astimezone(zone).date()
        for days in (-30, 9):
            starts = dt.datetime.combine(today + dt.timedelta(days=days), dt.time(18, 0), tzinfo=zone)
            existing.append(
                Event.objects.create(
                    coalition=coalition,
                    organisation=coalition.organisations.order_by("slug").first(),
                    kind=Event.Kind.TRAINING,
                    format=Event.Format.IN_PERSON,
                    status=Event.Status.PUBLISHED,
                    title=TRAINING_TITLE,
                    description={"en": "Required before your first stroll or accompaniment shift."},
                    languages=["en", "vi", "zh-hant"],
                    venue="Community centre, meeting room 2",
                    starts_at=starts,
                    ends_at=starts + dt.timedelta(hours=2, minutes=30),
                    time_zone=coalition.time_zone,
                    capacity=30,
                )
            )
            made += 1
    return existing, made


def seed_volunteers(
    *, coalitions: dict[str, Coalition], now: dt.datetime, password: str | None = None
) -> dict[str, int]:
    counts = {"programmes": 0, "shifts": 0, "signups": 0, "volunteers": 0, "training_events": 0}
    for coalition in coalitions.values():
        zone = ZoneInfo(coalition.time_zone)
        today = now.astimezone(zone).date()
        volunteers = _volunteers(coalition, password)
        counts["volunteers"] += len(volunteers)
        sessions, made = _training_sessions(coalition, now)
        counts["training_events"] += made
        past_sessions = [session for session in sessions if session.starts_at < now]
        trained = volunteers[:2]
        if past_sessions:
            for volunteer in trained:
                Registration.objects.update_or_create(
                    event=past_sessions[0],
                    user=volunteer,
                    defaults={
                        "status": Registration.Status.CONFIRMED,
                        "language": volunteer.preferred_language or "en",
                        "checked_in_at": past_sessions[0].starts_at + dt.timedelta(minutes=10),
                    },
                )
        regions = list(Region.objects.filter(region_set_id=coalition.region_set_id).order_by("slug"))
        places = PLACES.get(coalition.slug, PLACES["greater-sacramento"])
        organisation = coalition.organisations.order_by("slug").first()
        for index, (key, spec) in enumerate(PROGRAMMES.items()):
            programme, _ = Programme.objects.update_or_create(
                coalition=coalition,
                key=key,
                defaults={
                    "kind": spec["kind"],
                    "name": spec["name"],
                    "description": spec["description"],
                    "organisation": organisation,
                    "is_active": True,
                },
            )
            counts["programmes"] += 1
            if spec["trained"]:
                requirement, _ = TrainingRequirement.objects.update_or_create(
                    programme=programme, key="safety-training", defaults={"name": REQUIREMENT_NAME}
                )
                requirement.sessions.set(sessions)
            for shift_index, (shift_key, days, hour, length, size) in enumerate(SHIFTS):
                starts = dt.datetime.combine(today + dt.timedelta(days=days), dt.time(hour, 0), tzinfo=zone)
                shift, _ = Shift.objects.update_or_create(
                    programme=programme,
                    key=shift_key,
                    defaults={
                        "place": places[(index + shift_index) % len(places)],
                        "meeting_point": MEETING_POINT,
                        "region": regions[(index + shift_index) % len(regions)] if regions else None,
                        "starts_at": starts,
                        "ends_at": starts + dt.timedelta(hours=length),
                        "time_zone": coalition.time_zone,
                        "size": size,
                        "lead": trained[0] if trained else None,
                        "notes": "Wear the coalition's vest; the lead brings water and leaflets.",
                    },
                )
                counts["shifts"] += 1
                past = days < 0
                for volunteer in trained if (past or shift_key == "next-1") else []:
                    ShiftSignup.objects.update_or_create(
                        shift=shift,
                        volunteer=volunteer,
                        defaults={
                            "status": ShiftSignup.Status.SIGNED_UP,
                            "attended": True if past else None,
                            "hours": Decimal(length) if past else None,
                            "hours_confirmed_by": trained[0] if past else None,
                            "hours_confirmed_at": shift.ends_at if past else None,
                        },
                    )
                    counts["signups"] += 1
    return counts
