"""A survey's results: protected counts per question, charts, the change from before to after, the CSV export.

Everything here is aggregated and goes through the statistics' small-number rule (``protection``); free-text
answers are read separately (``free_text_answers``) and only by the owning coalition's organisers.
"""

from __future__ import annotations

import csv
import io
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from safecommunity.core.multilingual import text_in
from safecommunity.insights.charts import bar_chart, count_and_percent, hidden_text
from safecommunity.insights.suppression import PublishedBreakdown, threshold
from safecommunity.programs.surveys.models import Answer, Question, Response, Survey
from safecommunity.programs.surveys.protection import protect_counts, protected_number


@dataclass
class Table:
    """One protected table: a question's answers, or one row (statement) of a grid."""

    caption: str
    published: PublishedBreakdown
    chart: SafeString


@dataclass
class QuestionResult:
    question: Question
    text: str
    answered: int | None  # None: fewer than the threshold
    tables: list[Table] = field(default_factory=list)


@dataclass
class Change:
    """The change between before and after on one scale (a scale question, or one row of a grid)."""

    code: str
    label: str
    pre_count: int | None
    post_count: int | None
    mean_pre: float | None
    mean_post: float | None
    change: float | None
    pairs: int | None  # people who answered both times (matched by their pairing code); None: too few to show
    paired_change: float | None


@dataclass
class SurveyResults:
    survey: Survey
    language: str
    phase: str
    responses: int | None  # None: fewer than the threshold
    threshold: int
    questions: list[QuestionResult]
    changes: list[Change]

    @property
    def too_few(self) -> bool:
        return self.responses is None


def _filtered_responses(survey: Survey, *, language: str = "", phase: str = "") -> list[int]:
    responses = Response.objects.filter(survey=survey)
    if language:
        responses = responses.filter(language=language)
    if phase:
        responses = responses.filter(phase=phase)
    return list(responses.values_list("pk", flat=True))


def _answers(response_ids: list[int]) -> dict[int, list[tuple[list[str], int | None, dict[str, int], bool]]]:
    """Question id → each answer's (option codes, number, grid, has text); the text itself is never decrypted."""
    by_question: dict[int, list[tuple[list[str], int | None, dict[str, int], bool]]] = defaultdict(list)
    rows = Answer.objects.filter(response_id__in=response_ids).values_list(
        "question_id", "option_codes", "number", "matrix", "text"
    )
    for question_id, codes, number, matrix, text in rows.iterator(chunk_size=2000):
        by_question[question_id].append((list(codes or []), number, dict(matrix or {}), bool(text)))
    return by_question


def scale_points(question: Question) -> list[tuple[str, str]]:
    """(value, label) of each point of a scale, the ends named by their words."""
    low, high = text_in(question.scale_min_label), text_in(question.scale_max_label)
    points = []
    for value in range(question.scale_min, question.scale_max + 1):
        if value == question.scale_min and low:
            label = _("%(point)s (%(words)s)") % {"point": value, "words": low}
        elif value == question.scale_max and high:
            label = _("%(point)s (%(words)s)") % {"point": value, "words": high}
        else:
            label = str(value)
        points.append((str(value), label))
    return points


def survey_results(*, survey: Survey, questions: list[Question], language: str = "", phase: str = "") -> SurveyResults:
    k = threshold()
    response_ids = _filtered_responses(survey, language=language, phase=phase)
    total = len(response_ids)
    shown_total = protected_number(total)
    results: list[QuestionResult] = []
    answers = _answers(response_ids) if total >= k else {}
    for question in questions:
        text = text_in(question.text) or question.code
        given = answers.get(question.pk, [])
        result = QuestionResult(question=question, text=text, answered=protected_number(len(given)))
        if total >= k:
            result.tables = _tables(question, text, given)
        results.append(result)
    changes = pre_post_changes(survey=survey, questions=questions, language=language) if survey.is_pre_post else []
    return SurveyResults(survey, language, phase, shown_total if total >= k else None, k, results, changes)


def _tables(
    question: Question, text: str, given: list[tuple[list[str], int | None, dict[str, int], bool]]
) -> list[Table]:
    options = list(question.options.all())
    if question.is_choice:
        counts = Counter(code for codes, _n, _m, _t in given for code in codes)
        rows = [(option.code, text_in(option.label) or option.code, counts[option.code]) for option in options]
        multi = question.kind == Question.Kind.MULTIPLE_CHOICE
        published = protect_counts(rows, total=len(given), dimension=question.code, multi_valued=multi)
        return [Table(text, published, bar_chart(published, title=text))]
    if question.kind == Question.Kind.SCALE:
        numbers = Counter(str(number) for _c, number, _m, _t in given if number is not None)
        rows = [(value, label, numbers[value]) for value, label in scale_points(question)]
        published = protect_counts(rows, total=sum(numbers.values()), dimension=question.code)
        return [Table(text, published, bar_chart(published, title=text))]
    if question.kind == Question.Kind.MATRIX:
        tables = []
        for option in options:
            values = Counter(str(grid[option.code]) for _c, _n, grid, _t in given if option.code in grid)
            rows = [(value, label, values[value]) for value, label in scale_points(question)]
            caption = _("%(question)s: %(statement)s") % {"question": text, "statement": text_in(option.label)}
            published = protect_counts(rows, total=sum(values.values()), dimension=f"{question.code}.{option.code}")
            tables.append(Table(caption, published, bar_chart(published, title=caption)))
        return tables
    return []


def _scales(question: Question) -> list[tuple[str, str]]:
    """(key, label) of each scale a question holds: itself, or each row of a grid."""
    if question.kind == Question.Kind.SCALE:
        return [("", text_in(question.text) or question.code)]
    if question.kind == Question.Kind.MATRIX:
        base = text_in(question.text) or question.code
        return [
            (option.code, _("%(question)s: %(statement)s") % {"question": base, "statement": text_in(option.label)})
            for option in question.options.all()
        ]
    return []


def scale_values(
    *, survey: Survey, questions: list[Question], language: str = "", since: object = None, until: object = None
) -> dict[tuple[int, str], dict[str, list[tuple[str, int]]]]:
    """(question id, grid row) → phase → [(pairing hash, value)] for every scale answer of a before-and-after survey."""
    answers = Answer.objects.filter(response__survey=survey, question__in=[q for q in questions if q.is_scaled])
    if language:
        answers = answers.filter(response__language=language)
    if since is not None:
        answers = answers.filter(response__created_at__date__gte=since)
    if until is not None:
        answers = answers.filter(response__created_at__date__lte=until)
    values: dict[tuple[int, str], dict[str, list[tuple[str, int]]]] = defaultdict(lambda: defaultdict(list))
    rows = answers.values_list("question_id", "number", "matrix", "response__phase", "response__pairing_hash")
    for question_id, number, matrix, phase, pairing in rows.iterator(chunk_size=2000):
        if phase not in {Response.Phase.PRE, Response.Phase.POST}:
            continue
        if number is not None:
            values[(question_id, "")][phase].append((pairing, number))
        for row, value in (matrix or {}).items():
            values[(question_id, row)][phase].append((pairing, int(value)))
    return values


def change_of(
    pre: list[tuple[str, int]], post: list[tuple[str, int]], *, minimum: int
) -> tuple[float | None, float | None, float | None, int | None, float | None]:
    """Means before and after (all answers count, paired or not), their difference, and the pairs."""
    mean_pre = statistics.fmean(v for _p, v in pre) if len(pre) >= minimum else None
    mean_post = statistics.fmean(v for _p, v in post) if len(post) >= minimum else None
    change = round(mean_post - mean_pre, 2) if mean_pre is not None and mean_post is not None else None
    before = {pairing: value for pairing, value in pre if pairing}
    after = {pairing: value for pairing, value in post if pairing}
    matched = [after[pairing] - before[pairing] for pairing in before.keys() & after.keys()]
    pairs = protected_number(len(matched), minimum=minimum)
    paired_change = round(statistics.fmean(matched), 2) if len(matched) >= minimum else None
    return mean_pre, mean_post, change, pairs, paired_change


def pre_post_changes(*, survey: Survey, questions: list[Question], language: str = "") -> list[Change]:
    k = threshold()
    values = scale_values(survey=survey, questions=questions, language=language)
    changes = []
    for question in questions:
        for row, label in _scales(question):
            phases = values.get((question.pk, row), {})
            pre, post = phases.get(Response.Phase.PRE, []), phases.get(Response.Phase.POST, [])
            mean_pre, mean_post, change, pairs, paired_change = change_of(pre, post, minimum=k)
            code = f"{question.code}.{row}" if row else question.code
            changes.append(
                Change(
                    code=code,
                    label=label,
                    pre_count=protected_number(len(pre)),
                    post_count=protected_number(len(post)),
                    mean_pre=round(mean_pre, 2) if mean_pre is not None else None,
                    mean_post=round(mean_post, 2) if mean_post is not None else None,
                    change=change,
                    pairs=pairs,
                    paired_change=paired_change,
                )
            )
    return changes


def results_csv(results: SurveyResults) -> str:
    """The protected counts, one line per answer; hidden counts say why. Free text is never exported."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["question", "question_text", "table", "answer", "answer_label", "count", "percent", "note"])
    if results.too_few:
        note = _("Fewer than %(threshold)s responses: nothing is shown.") % {"threshold": results.threshold}
        writer.writerow(["", "", "", "", "", "", "", note])
        return out.getvalue()
    for result in results.questions:
        for table in result.tables:
            published = table.published
            for row in published.rows:
                if published.total is None:
                    note = _("Fewer than %(threshold)s answers: nothing is shown.") % {"threshold": results.threshold}
                elif row.count is None:
                    note = hidden_text(row, published.threshold)
                else:
                    note = ""
                writer.writerow(
                    [
                        result.question.code,
                        result.text,
                        published.dimension,
                        row.code,
                        row.label,
                        "" if row.count is None else row.count,
                        "" if row.percent is None else row.percent,
                        note,
                    ]
                )
    for change in results.changes:
        writer.writerow(
            [
                change.code,
                change.label,
                "change",
                "mean_pre",
                "",
                "",
                change.mean_pre if change.mean_pre is not None else "",
                "",
            ]
        )
        writer.writerow(
            [
                change.code,
                change.label,
                "change",
                "mean_post",
                "",
                "",
                change.mean_post if change.mean_post is not None else "",
                "",
            ]
        )
        writer.writerow(
            [
                change.code,
                change.label,
                "change",
                "change",
                "",
                change.pairs if change.pairs is not None else "",
                change.change if change.change is not None else "",
                "",
            ]
        )
    return out.getvalue()


def results_json(results: SurveyResults) -> dict[str, object]:
    return {
        "survey": results.survey.slug,
        "responses": results.responses,
        "threshold": results.threshold,
        "language": results.language,
        "phase": results.phase,
        "questions": [
            {
                "code": result.question.code,
                "kind": result.question.kind,
                "text": result.text,
                "answered": result.answered,
                "tables": [
                    {
                        "table": table.published.dimension,
                        "total": table.published.total,
                        "rows": [
                            {
                                "code": row.code,
                                "label": row.label,
                                "count": row.count,
                                "percent": row.percent,
                                "hidden": row.hidden,
                            }
                            for row in table.published.rows
                        ],
                    }
                    for table in result.tables
                ],
            }
            for result in results.questions
        ],
        "changes": [
            {
                "code": change.code,
                "label": change.label,
                "mean_pre": change.mean_pre,
                "mean_post": change.mean_post,
                "change": change.change,
                "pairs": change.pairs,
                "paired_change": change.paired_change,
            }
            for change in results.changes
        ],
    }


__all__ = ["count_and_percent", "hidden_text", "results_csv", "results_json", "survey_results"]
