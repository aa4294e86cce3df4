"""What the survey builder's writes share: whether a survey has responses
(its questions then keep their meaning), and the kinds of question that
have choices."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from alliance87.comms.models import QuestionKind, Survey

CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)


def has_responses(survey: Survey) -> bool:
    return survey.pk is not None and survey.responses.exists()


def refuse_if_answered(survey: Survey) -> None:
    if has_responses(survey):
        raise ValidationError(
            _(
                "This survey has responses: its questions can no longer be added, "
                "removed or changed, only reworded, so that the answers given keep "
                "their meaning."
            ),
            code="answered",
        )
