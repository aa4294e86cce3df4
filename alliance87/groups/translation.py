from modeltranslation.translator import TranslationOptions, register

from alliance87.groups.models import (
    Activity,
    ChairTerm,
    Group,
    Membership,
    NextStep,
    Seat,
    SeatTerm,
    WorkplanArea,
)


@register(Group)
class GroupTranslationOptions(TranslationOptions):
    fields = ("name", "short_name", "status_note", "summary", "mandate")
    required_languages = ("en",)


@register(Seat)
class SeatTranslationOptions(TranslationOptions):
    fields = ("label", "note")
    required_languages = ("en",)


@register(ChairTerm)
class ChairTermTranslationOptions(TranslationOptions):
    fields = ("note",)


@register(SeatTerm)
class SeatTermTranslationOptions(TranslationOptions):
    fields = ("note",)


@register(Membership)
class MembershipTranslationOptions(TranslationOptions):
    fields = ("note",)


@register(WorkplanArea)
class WorkplanAreaTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = ("en",)


@register(Activity)
class ActivityTranslationOptions(TranslationOptions):
    fields = ("title", "description", "next_steps")
    required_languages = ("en",)


@register(NextStep)
class NextStepTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = ("en",)
