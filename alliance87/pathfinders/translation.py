from modeltranslation.translator import TranslationOptions, register

from alliance87.pathfinders.models import (
    Action,
    Finding,
    Lesson,
    Milestone,
    Pathfinder,
    PriorityArea,
    Roadmap,
    Workshop,
)

# No language is required: a focal point writes in their own language, and
# the services copy the text into the default language when it is empty,
# so that every reader sees something (settings fall back to English).


@register(Pathfinder)
class PathfinderTranslationOptions(TranslationOptions):
    fields = ("summary", "ministries")


@register(Milestone)
class MilestoneTranslationOptions(TranslationOptions):
    fields = ("evidence",)


@register(Workshop)
class WorkshopTranslationOptions(TranslationOptions):
    fields = ("title", "notes")


@register(Roadmap)
class RoadmapTranslationOptions(TranslationOptions):
    fields = ("title", "note")


@register(PriorityArea)
class PriorityAreaTranslationOptions(TranslationOptions):
    fields = ("title", "description")


@register(Action)
class ActionTranslationOptions(TranslationOptions):
    fields = ("title", "indicator")


@register(Finding)
class FindingTranslationOptions(TranslationOptions):
    fields = ("heading", "text")


@register(Lesson)
class LessonTranslationOptions(TranslationOptions):
    fields = ("text", "source")
