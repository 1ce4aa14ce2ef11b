"""The shared vocabulary: stable codes used in forms, the database, CSV, the API
and statistics, each with a translated label.

Codes never change once published (partners' spreadsheets and published
statistics depend on them); labels may be reworded and are translated.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


@dataclass(frozen=True)
class Vocabulary:
    name: str
    multi: bool
    terms: tuple[tuple[str, Promise], ...]
    # Codes that mean "we do not know / would rather not say"; statistics keep them apart.
    unknown_codes: frozenset[str] = field(default_factory=frozenset)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(code for code, _label in self.terms)

    @property
    def choices(self) -> list[tuple[str, Promise]]:
        return list(self.terms)

    def label(self, code: str) -> str:
        for known, label in self.terms:
            if known == code:
                return str(label)
        return code

    def labels(self, codes: Iterable[str]) -> list[str]:
        return [self.label(code) for code in codes]

    def unknown(self, codes: Iterable[str]) -> list[str]:
        known = set(self.codes)
        return [code for code in codes if code not in known]


INCIDENT_TYPES = Vocabulary(
    "incident_types",
    multi=True,
    terms=(
        ("verbal_harassment", _("Verbal harassment, insults or slurs")),
        ("shunning", _("Shunning or being deliberately avoided")),
        ("physical_assault", _("Physical assault")),
        ("coughed_spat_on", _("Coughed at or spat on")),
        ("threat", _("Threat of violence")),
        ("vandalism", _("Vandalism or damage to property")),
        ("online_harassment", _("Online harassment")),
        ("civil_rights_violation", _("Refused service, or discrimination at work or in housing")),
        ("other", pgettext_lazy("incident type", "Something else")),
    ),
)

LOCATION_TYPES = Vocabulary(
    "location_type",
    multi=False,
    terms=(
        ("business", _("A shop, restaurant or other business")),
        ("street", _("A street or sidewalk")),
        ("public_transit", _("Public transit (bus, train, station)")),
        ("school", _("A school, college or university")),
        ("workplace", _("A workplace")),
        ("online", _("Online")),
        ("residence", _("A home or residential building")),
        ("park", _("A park or other outdoor public space")),
        ("place_of_worship", _("A place of worship")),
        ("healthcare", _("A hospital, clinic or pharmacy")),
        ("government", _("A government office or service")),
        ("other", pgettext_lazy("location type", "Another place")),
    ),
)

BIAS_MOTIVATIONS = Vocabulary(
    "bias_motivations",
    multi=True,
    terms=(
        ("race", _("Race")),
        ("ethnicity", _("Ethnicity")),
        ("national_origin", _("National origin")),
        ("religion", _("Religion")),
        ("gender", _("Gender")),
        ("gender_identity", _("Gender identity")),
        ("sexual_orientation", _("Sexual orientation")),
        ("disability", _("Disability")),
        ("age", _("Age")),
        ("immigration_status", _("Immigration status")),
        ("language", _("Language or accent")),
        ("other", pgettext_lazy("bias motivation", "Another reason")),
        ("unknown", _("I am not sure")),
    ),
    unknown_codes=frozenset({"unknown"}),
)

TARGETED_ETHNICITIES = Vocabulary(
    "targeted_ethnicities",
    multi=True,
    terms=(
        ("chinese", pgettext_lazy("ethnicity", "Chinese")),
        ("taiwanese", pgettext_lazy("ethnicity", "Taiwanese")),
        ("filipino", pgettext_lazy("ethnicity", "Filipino")),
        ("hmong", pgettext_lazy("ethnicity", "Hmong")),
        ("vietnamese", pgettext_lazy("ethnicity", "Vietnamese")),
        ("korean", pgettext_lazy("ethnicity", "Korean")),
        ("japanese", pgettext_lazy("ethnicity", "Japanese")),
        ("south_asian", pgettext_lazy("ethnicity", "South Asian")),
        ("cambodian", pgettext_lazy("ethnicity", "Cambodian")),
        ("lao", pgettext_lazy("ethnicity", "Lao")),
        ("thai", pgettext_lazy("ethnicity", "Thai")),
        ("other_asian", pgettext_lazy("ethnicity", "Another Asian identity")),
        ("native_hawaiian_pacific_islander", pgettext_lazy("ethnicity", "Native Hawaiian or Pacific Islander")),
        ("black", pgettext_lazy("ethnicity", "Black or African American")),
        ("hispanic_latino", pgettext_lazy("ethnicity", "Hispanic or Latino")),
        ("middle_eastern_north_african", pgettext_lazy("ethnicity", "Middle Eastern or North African")),
        ("white", pgettext_lazy("ethnicity", "White")),
        ("indigenous", pgettext_lazy("ethnicity", "Indigenous")),
        ("multiracial", pgettext_lazy("ethnicity", "Multiracial")),
        ("other", pgettext_lazy("ethnicity", "Another identity")),
        ("prefer_not_to_say", pgettext_lazy("ethnicity", "Prefer not to say")),
    ),
    unknown_codes=frozenset({"prefer_not_to_say"}),
)

AGE_GROUPS = Vocabulary(
    "age_group",
    multi=False,
    terms=(
        ("under_18", _("Under 18")),
        ("18_25", _("18 to 25")),
        ("26_35", _("26 to 35")),
        ("36_45", _("36 to 45")),
        ("46_60", _("46 to 60")),
        ("over_60", _("Over 60")),
        ("unknown", _("Not known or prefer not to say")),
    ),
    unknown_codes=frozenset({"unknown"}),
)

GENDERS = Vocabulary(
    "gender",
    multi=False,
    terms=(
        ("female", _("Woman or girl")),
        ("male", _("Man or boy")),
        ("nonbinary", _("Nonbinary")),
        ("another", _("Another gender")),
        ("prefer_not_to_say", _("Prefer not to say")),
    ),
    unknown_codes=frozenset({"prefer_not_to_say"}),
)

REPORTER_ROLES = Vocabulary(
    "reporter_role",
    multi=False,
    terms=(
        ("target", _("It happened to me")),
        ("witness", _("I saw it happen")),
        ("on_behalf", _("I am reporting for someone else")),
        ("prefer_not_to_say", _("Prefer not to say")),
    ),
    unknown_codes=frozenset({"prefer_not_to_say"}),
)

TIMES_OF_DAY = Vocabulary(
    "time_of_day",
    multi=False,
    terms=(
        ("morning", _("Morning (6 am to noon)")),
        ("afternoon", _("Afternoon (noon to 6 pm)")),
        ("evening", _("Evening (6 pm to 10 pm)")),
        ("night", _("Night (10 pm to 6 am)")),
        ("unknown", _("Not sure or prefer not to say")),
    ),
    unknown_codes=frozenset({"unknown"}),
)

POLICE_REPORTED = Vocabulary(
    "reported_to_police",
    multi=False,
    terms=(
        ("yes", _("Yes")),
        ("no", _("No")),
        ("unknown", _("Not sure or prefer not to say")),
    ),
    unknown_codes=frozenset({"unknown"}),
)

HELP_WANTED = Vocabulary(
    "help_wanted",
    multi=True,
    terms=(
        ("mental_health", _("Emotional or mental health support")),
        ("legal", _("Legal help")),
        ("language", _("Language help or an interpreter")),
        ("medical", _("Medical care")),
        ("financial", _("Financial help or victim compensation")),
        ("safety_planning", _("Help to plan for my safety")),
        ("be_heard", _("I just want to be heard")),
    ),
)

CONTACT_METHODS = Vocabulary(
    "contact_methods",
    multi=True,
    terms=(
        ("email", _("Email")),
        ("phone", _("Phone call")),
        ("text", _("Text message")),
    ),
)

CHANNELS = Vocabulary(
    "channel",
    multi=False,
    terms=(
        ("web", _("Online form")),
        ("phone", _("Phone call")),
        ("in_person", _("In person")),
        ("event", _("At an event")),
        ("email", _("Email")),
        ("text_message", _("Text message")),
        ("partner", _("Partner organisation's records")),
        ("other", pgettext_lazy("channel", "Another way")),
    ),
)

REPORT_STATUSES = Vocabulary(
    "status",
    multi=False,
    terms=(
        ("received", _("Received")),
        ("in_review", _("In review")),
        ("referred", _("Referred to a partner for support")),
        ("closed", _("Closed")),
        ("withdrawn", _("Withdrawn at the reporter's request")),
    ),
)

VOCABULARIES: dict[str, Vocabulary] = {
    vocabulary.name: vocabulary
    for vocabulary in (
        INCIDENT_TYPES,
        LOCATION_TYPES,
        BIAS_MOTIVATIONS,
        TARGETED_ETHNICITIES,
        AGE_GROUPS,
        GENDERS,
        REPORTER_ROLES,
        TIMES_OF_DAY,
        POLICE_REPORTED,
        HELP_WANTED,
        CONTACT_METHODS,
        CHANNELS,
        REPORT_STATUSES,
    )
}

# FBI UCR/NIBRS groups its bias motivations into these categories
# (the "BIAS_DESC" values of the Crime Data Explorer roll up into them).
FBI_BIAS_CATEGORY_BY_MOTIVATION: dict[str, str | None] = {
    "race": "Race/Ethnicity/Ancestry",
    "ethnicity": "Race/Ethnicity/Ancestry",
    "national_origin": "Race/Ethnicity/Ancestry",
    "religion": "Religion",
    "gender": "Gender",
    "gender_identity": "Gender Identity",
    "sexual_orientation": "Sexual Orientation",
    "disability": "Disability",
    "age": None,
    "immigration_status": None,
    "language": None,
    "other": None,
    "unknown": None,
}

# Where a race, ethnicity or national-origin motivation is combined with the
# targeted group, this is the FBI bias description it corresponds to.
FBI_BIAS_BY_ETHNICITY: dict[str, str | None] = {
    "chinese": "Anti-Asian",
    "taiwanese": "Anti-Asian",
    "filipino": "Anti-Asian",
    "hmong": "Anti-Asian",
    "vietnamese": "Anti-Asian",
    "korean": "Anti-Asian",
    "japanese": "Anti-Asian",
    "south_asian": "Anti-Asian",
    "cambodian": "Anti-Asian",
    "lao": "Anti-Asian",
    "thai": "Anti-Asian",
    "other_asian": "Anti-Asian",
    "native_hawaiian_pacific_islander": "Anti-Native Hawaiian or Other Pacific Islander",
    "black": "Anti-Black or African American",
    "hispanic_latino": "Anti-Hispanic or Latino",
    "middle_eastern_north_african": "Anti-Arab",
    "white": "Anti-White",
    "indigenous": "Anti-American Indian or Alaska Native",
    "multiracial": "Anti-Multiple Races, Group",
    "other": "Anti-Other Race/Ethnicity/Ancestry",
    "prefer_not_to_say": None,
}


def fbi_bias_categories(motivations: Iterable[str]) -> list[str]:
    """The FBI bias categories that a report's motivations fall into, without repeats."""
    seen: list[str] = []
    for code in motivations:
        category = FBI_BIAS_CATEGORY_BY_MOTIVATION.get(code)
        if category and category not in seen:
            seen.append(category)
    return seen
