"""Calls, reviewers and applications the open-call stories are told with."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timedelta
from decimal import Decimal

from django.utils import timezone
from pypdf import PdfWriter

from safecommunity.accounts.models import Coalition, Organisation, User
from safecommunity.accounts.tests.factories import a_staff_member
from safecommunity.core.roles import Role
from safecommunity.programs.opencalls.attachments import CleanFile
from safecommunity.programs.opencalls.models import Application, Call, Criterion, Question, ReviewerAssignment
from safecommunity.programs.opencalls.services import SubmittedApplication, application_submit


def a_call(
    coalition: Coalition,
    slug: str = "safety-grants",
    *,
    now: datetime | None = None,
    status: str = Call.Status.OPEN,
    deadline_in: timedelta = timedelta(days=14),
    kind: str = Call.Kind.FUNDING,
) -> Call:
    """A funding call open for two weeks more, with two questions and a two-line rubric (relevance weighs double)."""
    now = now or timezone.now()
    call = Call.objects.create(
        coalition=coalition,
        slug=slug,
        kind=kind,
        status=status,
        title={"en": "Community safety grants", "vi": "Tài trợ an toàn cộng đồng", "ar": "منح سلامة المجتمع"},
        summary={"en": "Up to $10,000 for projects that help people report hate.", "vi": "Tối đa 10.000 đô la."},
        criteria={"en": "Relevance to the community and a realistic plan."},
        eligibility={"en": "Community organisations of the coalition's region."},
        amount={"en": "Up to $10,000", "vi": "Tối đa 10.000 đô la"},
        opens_at=now - timedelta(days=7),
        deadline=now + deadline_in,
        time_zone="America/Los_Angeles",
        allowed_file_types=["pdf", "docx", "image"],
        max_file_mb=2,
        max_files=3,
    )
    Question.objects.create(
        call=call,
        position=1,
        text={"en": "What will your project do?", "vi": "Dự án của bạn sẽ làm gì?", "ar": "ماذا سيفعل مشروعك؟"},
        kind=Question.Kind.LONG_TEXT,
        required=True,
    )
    Question.objects.create(
        call=call,
        position=2,
        text={"en": "Which languages do you work in?", "vi": "Bạn làm việc bằng những ngôn ngữ nào?"},
        kind=Question.Kind.TEXT,
        required=False,
    )
    Criterion.objects.create(
        call=call, position=1, name={"en": "Relevance", "vi": "Mức độ phù hợp"}, weight=Decimal(2), max_score=5
    )
    Criterion.objects.create(
        call=call, position=2, name={"en": "Feasibility", "vi": "Tính khả thi"}, weight=Decimal(1), max_score=10
    )
    return call


def a_reviewer(username: str, organisation: Organisation, **fields: object) -> User:
    return a_staff_member(username, role=Role.REVIEWER, organisation=organisation, **fields)


def assigned(call: Call, reviewer: User) -> ReviewerAssignment:
    assignment, _ = ReviewerAssignment.objects.get_or_create(call=call, reviewer=reviewer)
    return assignment


def an_application(
    call: Call,
    organisation_name: str = "Hmong Youth Circle",
    *,
    language: str = "en",
    email: str = "pa@example.org",
    files: list[CleanFile] | None = None,
) -> SubmittedApplication:
    first = call.questions.first()
    answers = {str(first.pk): "Workshops on reporting in Hmong."} if first else {}
    return application_submit(
        call=call,
        organisation_name=organisation_name,
        contact_name="Pa Vang",
        contact_email=email,
        contact_phone="+1 916 555 0100",
        language=language,
        answers=answers,
        files=files or [],
    )


def pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_metadata({"/Author": "Pa Vang"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes(*, with_macros: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        if with_macros:
            archive.writestr("word/vbaProject.bin", b"\x00macro")
    return out.getvalue()


def png_bytes() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (20, 20), "red").save(out, format="PNG")
    return out.getvalue()


def application_of(submitted: SubmittedApplication) -> Application:
    return Application.objects.get(pk=submitted.application.pk)
