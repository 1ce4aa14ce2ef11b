"""Demo data for open calls: in each city a decided funding call (with awards, scores and decisions) and an open
essay contest, applications written in several languages, and two reviewers. Idempotent: everything is found again
by a stable slug or key. No e-mail is sent (decisions are marked as already e-mailed)."""

from __future__ import annotations

import io
import json
import uuid
from datetime import datetime, timedelta
from decimal import Decimal

from pypdf import PdfWriter

from safecommunity.accounts.models import Coalition, Organisation, User
from safecommunity.core.roles import Role
from safecommunity.programs.opencalls.attachments import encrypt_content
from safecommunity.programs.opencalls.models import (
    Application,
    Attachment,
    Call,
    ConflictDeclaration,
    Criterion,
    Decision,
    Question,
    ReviewerAssignment,
    Score,
)
from safecommunity.programs.opencalls.services import receipt_hash

GRANT_TITLE = {
    "en": "Community safety grants",
    "vi": "Tài trợ an toàn cộng đồng",
    "zh-hant": "社區安全資助計劃",
    "es": "Subvenciones para la seguridad comunitaria",
    "ko": "지역사회 안전 보조금",
    "hmn": "Nyiaj pab txhawb kev nyab xeeb hauv zej zog",
    "ar": "منح سلامة المجتمع",
}
GRANT_SUMMARY = {
    "en": "Up to $10,000 for community organisations that help people report hate and recover from it.",
    "vi": "Tối đa 10.000 đô la cho các tổ chức cộng đồng giúp mọi người báo cáo và vượt qua hành vi thù ghét.",
    "zh-hant": "最高一萬美元，資助協助居民舉報仇恨事件並走出傷痛的社區組織。",
    "es": "Hasta 10.000 dólares para organizaciones que ayudan a denunciar el odio y a recuperarse.",
}
ESSAY_TITLE = {
    "en": "Youth essay contest: standing up to hate",
    "vi": "Cuộc thi viết luận cho thanh niên: đứng lên chống lại thù ghét",
    "zh-hant": "青年徵文比賽：挺身對抗仇恨",
    "es": "Concurso de ensayos juveniles: frente al odio",
    "ko": "청소년 에세이 공모전: 혐오에 맞서기",
    "hmn": "Kev sib tw sau ntawv rau cov hluas: sawv tawm tsam kev ntxub ntxaug",
    "ar": "مسابقة مقالات الشباب: الوقوف في وجه الكراهية",
}
ESSAY_SUMMARY = {
    "en": "Students aged 14 to 21 write 800 words about a time they or someone they know stood up to hate.",
    "vi": "Học sinh từ 14 đến 21 tuổi viết 800 chữ về một lần họ hoặc người quen đứng lên chống thù ghét.",
    "ar": "يكتب الطلاب من 14 إلى 21 عامًا 800 كلمة عن موقف وقفوا فيه هم أو أحد معارفهم في وجه الكراهية.",
}
QUESTIONS = [
    (
        {
            "en": "What will your project do, and for whom?",
            "vi": "Dự án của bạn sẽ làm gì, và cho ai?",
            "zh-hant": "您的計劃會做甚麼？服務對象是誰？",
            "es": "¿Qué hará su proyecto y para quién?",
        },
        Question.Kind.LONG_TEXT,
        True,
    ),
    (
        {"en": "Which languages will you work in?", "vi": "Bạn sẽ làm việc bằng những ngôn ngữ nào?"},
        Question.Kind.TEXT,
        False,
    ),
]
RUBRIC = [
    ({"en": "Relevance to the community", "vi": "Mức độ phù hợp với cộng đồng"}, Decimal(2), 5),
    ({"en": "A realistic plan", "vi": "Kế hoạch khả thi"}, Decimal(1), 5),
    ({"en": "Reach in the community's languages", "vi": "Tiếp cận bằng ngôn ngữ của cộng đồng"}, Decimal(1), 5),
]
# (language, contact name, answer) of the funding applications; the first two are awarded.
GRANT_APPLICANTS = {
    "greater-sacramento": [
        ("vi", "Nguyễn Thị Lan", "Chúng tôi sẽ tổ chức hội thảo hằng tháng về cách báo cáo hành vi thù ghét."),
        ("hmn", "Pa Vang", "Peb yuav qhia cov laus Hmoob txog yuav ua li cas qhia txog kev ntxub ntxaug."),
        ("en", "Jordan Lee", "Peer support circles for young people after an incident at school."),
        ("es", "María López", "Talleres de derechos para trabajadores agrícolas en Yolo."),
    ],
    "sf-bay-area": [
        ("zh-hant", "陳美玲", "我們將在華埠舉辦長者安全陪同及舉報工作坊。"),
        ("ko", "김지은", "한인 상인을 위한 혐오 사건 신고 교육을 진행하겠습니다."),
        ("en", "Sam Rivera", "Bystander intervention trainings on public transit."),
        ("es", "Lucía Hernández", "Acompañamiento a familias en Alameda después de un incidente."),
    ],
}
ESSAY_APPLICANTS = {
    "greater-sacramento": [("vi", "Trần Minh", "Năm ngoái, em đã đứng ra bảo vệ bạn mình ở trạm xe buýt…")],
    "sf-bay-area": [("ar", "ليلى حسن", "في الصيف الماضي، رأيت رجلاً يصرخ على جارتي في الحافلة…")],
}
SCORES = [(5, 5, 4), (5, 4, 5), (3, 3, 2), (2, 3, 3)]


def _pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _reviewers(coalition: Coalition, organisation: Organisation, password: str) -> list[User]:
    short = "sac" if coalition.slug == "greater-sacramento" else coalition.slug.split("-")[0]
    people = []
    for number, first_name in ((1, "Rosa"), (2, "Kim")):
        username = f"reviewer-{short}-{number}"
        user = User.objects.filter(username=username).first() or User(username=username)
        user.role, user.organisation, user.first_name = Role.REVIEWER, organisation, first_name
        user.email, user.is_active = f"{username}@example.org", True
        user.set_password(password)
        user.save()
        people.append(user)
    return people


def _call(
    coalition: Coalition,
    slug: str,
    *,
    kind: str,
    status: str,
    title: dict[str, str],
    summary: dict[str, str],
    opens: datetime,
    deadline: datetime,
) -> Call:
    call, _ = Call.objects.update_or_create(
        slug=slug,
        defaults={
            "coalition": coalition,
            "kind": kind,
            "status": status,
            "title": title,
            "summary": summary,
            "criteria": {"en": "Relevance to the community counts double; then a realistic plan and reach."},
            "eligibility": {"en": "Community organisations and groups working in the coalition's region."},
            "amount": {"en": "Up to $10,000", "vi": "Tối đa 10.000 đô la", "es": "Hasta 10.000 dólares"}
            if kind == Call.Kind.FUNDING
            else {"en": "Three prizes of $500", "vi": "Ba giải thưởng 500 đô la"},
            "opens_at": opens,
            "deadline": deadline,
            "time_zone": coalition.time_zone,
            "allowed_file_types": ["pdf", "docx", "image"],
            "max_file_mb": 10,
            "max_files": 3,
        },
    )
    for position, (text, question_kind, required) in enumerate(QUESTIONS, start=1):
        Question.objects.update_or_create(
            call=call, position=position, defaults={"text": text, "kind": question_kind, "required": required}
        )
    for position, (name, weight, max_score) in enumerate(RUBRIC, start=1):
        Criterion.objects.update_or_create(
            call=call, position=position, defaults={"name": name, "weight": weight, "max_score": max_score}
        )
    return call


def _application(
    call: Call, index: int, *, organisation_name: str, language: str, contact: str, answer: str, submitted: datetime
) -> Application:
    key = f"{call.slug}:{index}"
    first = call.questions.order_by("position").first()
    application, _ = Application.objects.update_or_create(
        public_id=uuid.uuid5(uuid.NAMESPACE_URL, f"safecommunity-demo-opencalls:{key}"),
        defaults={
            "call": call,
            "organisation_name": organisation_name,
            "contact_name": contact,
            "contact_email": f"applicant-{index}@{call.slug}.example.org",
            "contact_phone": "",
            "language": language,
            "answers": json.dumps({str(first.pk): answer} if first else {}, ensure_ascii=False),
            "submitted_at": submitted,
            "receipt_code": "",
            "receipt_hash": receipt_hash(f"demo {key}"),
            "receipt_sent_at": submitted,
        },
    )
    return application


def seed_opencalls(*, coalitions: dict[str, Coalition], now: datetime, password: str) -> dict[str, int]:
    counts = {"calls": 0, "applications": 0, "reviewers": 0, "scores": 0, "decisions": 0}
    for slug, coalition in coalitions.items():
        organisations = list(Organisation.objects.filter(coalition=coalition).order_by("pk"))
        if not organisations:
            continue
        reviewers = _reviewers(coalition, organisations[0], password)
        counts["reviewers"] += len(reviewers)
        grants = _call(
            coalition,
            f"{slug}-community-safety-grants",
            kind=Call.Kind.FUNDING,
            status=Call.Status.DECIDED,
            title=GRANT_TITLE,
            summary=GRANT_SUMMARY,
            opens=now - timedelta(days=90),
            deadline=now - timedelta(days=45),
        )
        essays = _call(
            coalition,
            f"{slug}-youth-essay-contest",
            kind=Call.Kind.ESSAY_CONTEST,
            status=Call.Status.OPEN,
            title=ESSAY_TITLE,
            summary=ESSAY_SUMMARY,
            opens=now - timedelta(days=10),
            deadline=now + timedelta(days=30),
        )
        counts["calls"] += 2
        assignments = {}
        for call in (grants, essays):
            for reviewer in reviewers:
                assignments[(call.pk, reviewer.pk)], _ = ReviewerAssignment.objects.get_or_create(
                    call=call, reviewer=reviewer
                )
        rubric = list(grants.rubric.order_by("position"))
        for index, (language, contact, answer) in enumerate(GRANT_APPLICANTS.get(slug, []), start=1):
            name = organisations[index - 1].name if index <= len(organisations) else f"{contact} ({language})"
            application = _application(
                grants,
                index,
                organisation_name=name,
                language=language,
                contact=contact,
                answer=answer,
                submitted=now - timedelta(days=50 + index),
            )
            Attachment.objects.get_or_create(
                application=application,
                filename="project-plan.pdf",
                defaults={
                    "kind": "pdf",
                    "content_type": "application/pdf",
                    "size": len(_pdf()),
                    "sha256": "",
                    "encrypted_content": encrypt_content(_pdf()),
                },
            )
            counts["applications"] += 1
            for number, reviewer in enumerate(reviewers):
                # The second reviewer works for the first applicant: a declared conflict, no scores.
                conflict = number == 1 and index == 1
                ConflictDeclaration.objects.update_or_create(
                    assignment=assignments[(grants.pk, reviewer.pk)],
                    application=application,
                    defaults={"has_conflict": conflict, "declared_at": now - timedelta(days=40)},
                )
                if conflict:
                    continue
                for criterion, value in zip(rubric, SCORES[index - 1], strict=False):
                    Score.objects.update_or_create(
                        application=application,
                        reviewer=reviewer,
                        criterion=criterion,
                        defaults={"score": max(0, value - number), "comment": ""},
                    )
                    counts["scores"] += 1
            awarded = index <= 2
            application.status = Application.Status.AWARDED if awarded else Application.Status.DECLINED
            application.save(update_fields=["status"])
            Decision.objects.update_or_create(
                application=application,
                defaults={
                    "outcome": Decision.Outcome.AWARD if awarded else Decision.Outcome.DECLINE,
                    "message": "",
                    "decided_by": None,
                    "decided_at": now - timedelta(days=30),
                    "email_sent_at": now - timedelta(days=30),
                },
            )
            counts["decisions"] += 1
        for index, (language, contact, answer) in enumerate(ESSAY_APPLICANTS.get(slug, []), start=1):
            _application(
                essays,
                index,
                organisation_name=f"{contact}",
                language=language,
                contact=contact,
                answer=answer,
                submitted=now - timedelta(days=2),
            )
            counts["applications"] += 1
    return counts
