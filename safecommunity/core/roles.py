"""Who may do what: the staff roles of a coalition and what each role may reach.

Roles are decided here, in one table, so that selectors (which scope every
query) and views (which refuse a page) agree. Scoping by organisation (a
caseworker sees only their organisation's cases) is done by each app's
selectors; this table says which kinds of records a role may reach at all.
"""

from __future__ import annotations

import enum

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COALITION_ADMIN = "coalition_admin", _("Coalition administrator")
    INTAKE_COORDINATOR = "intake_coordinator", _("Intake coordinator")
    CASEWORKER = "caseworker", _("Caseworker")
    ANALYST = "analyst", _("Analyst")
    VOLUNTEER = "volunteer", _("Volunteer")
    ORGANISER = "organiser", _("Programme organiser")
    REVIEWER = "reviewer", _("Reviewer of applications")
    NETWORK_ADMIN = "network_admin", _("Network administrator")


class Capability(enum.Enum):
    TRIAGE = "triage"  # the queue of all new reports, verification, duplicates, opening cases
    RECORD_INTAKE = "record_intake"  # a report taken by phone, in person, at an event
    WORK_CASES = "work_cases"  # cases of one's organisation or assigned to one
    ALL_CASES = "all_cases"  # every case of the coalition
    PERSONAL_DATA = "personal_data"  # reporters' contact details, descriptions, addresses, notes
    MANAGE_DIRECTORY = "manage_directory"  # review partners' service entries
    EDIT_OWN_SERVICES = "edit_own_services"  # propose changes to one's organisation's services
    STATISTICS = "statistics"  # aggregated statistics, never personal data
    VERIFY_AUDIT = "verify_audit"
    MANAGE_PROGRAMS = "manage_programs"  # events, resources, surveys, volunteer programmes, open calls, projects
    REVIEW_APPLICATIONS = "review_applications"  # score applications to the open calls one is assigned to
    VOLUNTEER_SHIFTS = "volunteer_shifts"  # sign up for volunteer shifts, log one's hours
    NETWORK = "network"  # every coalition of the network side by side: aggregated, protected numbers only


ROLE_CAPABILITIES: dict[str, frozenset[Capability]] = {
    Role.COALITION_ADMIN: frozenset(Capability),
    Role.INTAKE_COORDINATOR: frozenset(
        {
            Capability.TRIAGE,
            Capability.RECORD_INTAKE,
            Capability.WORK_CASES,
            Capability.PERSONAL_DATA,
            Capability.EDIT_OWN_SERVICES,
        }
    ),
    Role.CASEWORKER: frozenset(
        {Capability.WORK_CASES, Capability.PERSONAL_DATA, Capability.RECORD_INTAKE, Capability.EDIT_OWN_SERVICES}
    ),
    Role.ANALYST: frozenset({Capability.STATISTICS}),
    Role.VOLUNTEER: frozenset({Capability.VOLUNTEER_SHIFTS}),
    Role.ORGANISER: frozenset({Capability.MANAGE_PROGRAMS, Capability.VOLUNTEER_SHIFTS}),
    Role.REVIEWER: frozenset({Capability.REVIEW_APPLICATIONS}),
    Role.NETWORK_ADMIN: frozenset({Capability.NETWORK}),
}


def role_of(user: object) -> str:
    """The role a signed-in user acts in; superusers act as coalition administrators, the public has none."""
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return ""
    if getattr(user, "is_superuser", False):
        return Role.COALITION_ADMIN
    return str(getattr(user, "role", "") or "")


def has_capability(user: object, capability: Capability) -> bool:
    return capability in ROLE_CAPABILITIES.get(role_of(user), frozenset())


def needs_two_factor(user: object) -> bool:
    """Everyone who can see personal data signs in with a second factor: case workers, and organisers, who see
    registrants' names and needs at check-in and applicants' contact details."""
    return has_capability(user, Capability.PERSONAL_DATA) or has_capability(user, Capability.MANAGE_PROGRAMS)


def two_factor_satisfied(user: object) -> bool:
    if not needs_two_factor(user):
        return True
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


def may_see_personal_data(user: object) -> bool:
    """Personal data is shown only to a role that may see it, after a second factor."""
    return has_capability(user, Capability.PERSONAL_DATA) and two_factor_satisfied(user)
