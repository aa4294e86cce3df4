"""
A survey's results, for the Secretariat: counts per choice as an SVG chart
with the same numbers in a table, scale distributions, free-text answers
(the Secretariat's only: the results page is), breakdowns by stakeholder
type and by region, and a CSV export.

The small-cell rule (core.smallcells): a breakdown shows a group (a
stakeholder type, a region) only when at least `MIN_CELL` (11)
respondents of that group answered the survey, and when the groups left
out could not be worked out from the totals (one group left out alone, or
groups adding up to fewer than 11, take the next smallest with them);
the page says how many were left out, in the table as in the CSV. Totals
are always shown.
"""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from alliance87.comms.models import MIN_CELL, Answer, Question, QuestionKind, Survey
from alliance87.core.charts import horizontal_bar_chart
from alliance87.core.smallcells import Line, suppress
from alliance87.core.text import in_language
from alliance87.countries.models import Region
from alliance87.groups.analytics import safe_cell
from alliance87.partners.models import StakeholderType


@dataclass
class TextAnswer:
    pk: int
    text: str
    published: bool


@dataclass
class QuestionResult:
    question: Question
    answered: int
    rows: list[tuple[str, int]] = field(default_factory=list)
    chart: str = ""
    mean: float | None = None
    texts: list[TextAnswer] = field(default_factory=list)
    # Breakdowns: {dimension: (group labels shown, {row label: [counts]})}
    breakdowns: dict[str, Any] = field(default_factory=dict)


@dataclass
class Breakdown:
    label: str
    columns: list[str]
    rows: list[tuple[str, list[int | None]]]
    hidden_groups: int


def _groups(responses: dict[int, dict[str, Any]], dimension: str) -> tuple[list[str], int]:
    """The groups of `dimension` to show, and how many are not: a group
    under MIN_CELL respondents is not, and neither is one whose answers,
    taken from the totals, would give a smaller group's away
    (core.smallcells); respondents who gave none are in no group."""
    sizes = Counter(r[dimension] or "" for r in responses.values())
    unstated = sizes.pop("", 0)
    values = {**sizes, "": unstated, "*": len(responses)}
    hidden = suppress(values, [Line((*sizes, ""), "*")], also_hidden=[""] if unstated else [])
    shown = sorted(g for g in sizes if g not in hidden)
    return shown, len(sizes) - len(shown)


def results(survey: Survey, *, all_texts: bool = True) -> dict[str, Any]:
    """Return what the results page shows; free-text answers all (the
    Secretariat's), or only those published one by one (`all_texts`
    False: the audience's, once the results are published)."""
    responses: dict[int, dict[str, Any]] = {
        r["pk"]: dict(r)
        for r in survey.responses.values("pk", "stakeholder_type", "region", "is_sample")
    }
    samples = sum(1 for r in responses.values() if r["is_sample"])
    questions = list(survey.questions.prefetch_related("choices"))
    answers = list(
        Answer.objects.filter(response__survey=survey).values(
            "pk", "question_id", "choice_id", "value", "text", "response_id", "published"
        )
    )
    by_question: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for a in answers:
        by_question[a["question_id"]].append(a)
    labels = {
        "stakeholder_type": dict(StakeholderType.choices),
        "region": dict(Region.choices),
    }
    dimensions = {
        "stakeholder_type": _("By stakeholder type"),
        "region": _("By region"),
    }
    groups = {d: _groups(responses, d) for d in dimensions}
    out: list[QuestionResult] = []
    for question in questions:
        rows_of = by_question[question.pk]
        answered = len({a["response_id"] for a in rows_of})
        result = QuestionResult(question=question, answered=answered)
        keys: list[tuple[Any, str]] = []
        if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            keys = [(c.pk, in_language(c, "label")) for c in question.choices.all()]
            counts = Counter(a["choice_id"] for a in rows_of)
            result.rows = [(label, counts.get(pk, 0)) for pk, label in keys]
            match = "choice_id"
        elif question.kind == QuestionKind.SCALE:
            keys = [(v, str(v)) for v in range(question.scale_min, question.scale_max + 1)]
            counts = Counter(a["value"] for a in rows_of)
            result.rows = [(label, counts.get(v, 0)) for v, label in keys]
            values = [a["value"] for a in rows_of if a["value"] is not None]
            result.mean = round(sum(values) / len(values), 2) if values else None
            match = "value"
        else:
            result.texts = [
                TextAnswer(a["pk"], a["text"], a["published"])
                for a in rows_of
                if a["text"] and (all_texts or a["published"])
            ]
            out.append(result)
            continue
        result.chart = horizontal_bar_chart(
            result.rows,
            chart_id=f"q{question.pk}",
            title=str(question.text),
            description=_("Number of respondents who gave each answer."),
        )
        for dimension, title in dimensions.items():
            shown, hidden = groups[dimension]
            table_rows: list[tuple[str, list[int | None]]] = []
            for key, label in keys:
                cells: list[int | None] = []
                for group in shown:
                    cells.append(
                        sum(
                            1
                            for a in rows_of
                            if a[match] == key and responses[a["response_id"]][dimension] == group
                        )
                    )
                table_rows.append((label, cells))
            result.breakdowns[dimension] = Breakdown(
                label=title,
                columns=[str(labels[dimension].get(g, g)) for g in shown],
                rows=table_rows,
                hidden_groups=hidden,
            )
        out.append(result)
    return {
        "survey": survey,
        "respondents": len(responses),
        "samples": samples,
        "questions": out,
        "min_cell": MIN_CELL,
    }


def results_csv(data: dict[str, Any]) -> str:
    """The results as CSV: one row per answer of each question, with the
    breakdowns' shown groups (small groups are left out, as on the page)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["question", "answer", "respondents", "breakdown", "group", "in_group"])
    for result in data["questions"]:
        for label, count in result.rows:
            writer.writerow([safe_cell(result.question.text), safe_cell(label), count, "", "", ""])
        for dimension, breakdown in result.breakdowns.items():
            for label, cells in breakdown.rows:
                for group, cell in zip(breakdown.columns, cells, strict=True):
                    writer.writerow(
                        [
                            safe_cell(result.question.text),
                            safe_cell(label),
                            "",
                            dimension,
                            safe_cell(group),
                            cell,
                        ]
                    )
    return buffer.getvalue()
