"""Emails about cases, sent in the background. None carries personal data: references, what is due, links."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from safecommunity.accounts.models import User

from .models import Case, Referral
from .selectors import digest_recipients, overdue_for_user


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


@task()
def send_referral_notice(*, referral_id: int) -> bool:
    """Tell the receiving organisation a referral is waiting; the email names the service and links to the page."""
    referral = Referral.objects.select_related("service", "to_organisation").get(pk=referral_id)
    recipient = referral.to_organisation.email or referral.service.email
    if not recipient:
        return False
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "coalition_name": settings.COALITION_NAME,
            "service_name": referral.service.name,
            "link": _absolute(reverse("cases:referrals_received")),
        }
        subject = render_to_string("cases/email/referral_notice_subject.txt", context).strip()
        body = render_to_string("cases/email/referral_notice.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient])
    return True


def case_digest_send(*, user: User) -> bool:
    """Send ``user`` the list of their overdue items, if there is any; True when an email went out."""
    overdue = overdue_for_user(user=user)
    if not overdue.count or not user.email:
        return False
    language = user.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "coalition_name": settings.COALITION_NAME,
            "user": user,
            "first_contacts": [
                {"reference": case.reference, "due": case.first_contact_due_at, "link": _case_link(case)}
                for case in overdue.first_contacts
            ],
            "follow_ups": [
                {"reference": case.reference, "due": case.next_follow_up_on, "link": _case_link(case)}
                for case in overdue.follow_ups
            ],
            "tasks": [
                {"reference": item.case.reference, "due": item.due_on, "link": _case_link(item.case)}
                for item in overdue.tasks
            ],
            "dashboard": _absolute(reverse("cases:dashboard")),
            "count": overdue.count,
            "today": timezone.localdate(),
        }
        subject = render_to_string("cases/email/digest_subject.txt", context).strip()
        body = render_to_string("cases/email/digest.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    return True


def _case_link(case: Case) -> str:
    return _absolute(reverse("cases:case_detail", args=[case.public_id]))


def case_digests_send_all() -> int:
    """One digest per member of staff who has something overdue; returns how many were sent."""
    return sum(case_digest_send(user=user) for user in digest_recipients())


@task()
def send_case_digests() -> int:
    """The daily digest (run by ``manage.py send_case_digests`` from cron or a systemd timer)."""
    return case_digests_send_all()
