"""Background tasks for retention and for survivors' requests made on the follow-up page."""

from __future__ import annotations

from django_tasks import task

from safecommunity.cases.retention import case_follow_reporter_request, cases_erase_expired


@task()
def erase_expired_personal_data() -> dict[str, int]:
    """The daily retention run (``manage.py erase_expired_personal_data`` does the same in the foreground)."""
    run = cases_erase_expired()
    return {"expired_cases": run.expired_cases, "withdrawn_cases": run.withdrawn_cases, "reports": run.reports}


@task()
def follow_reporter_request(*, report_id: int, statistics: bool, contact: bool, erased: bool) -> None:
    """Named in ``settings.REPORTER_REQUEST_TASKS``: enqueued by the reports app when a reporter withdraws
    consent or their report, so the case holding the report follows."""
    case_follow_reporter_request(report_id=report_id, statistics=statistics, contact=contact, erased=erased)
