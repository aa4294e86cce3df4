from modeltranslation.translator import TranslationOptions, register

from alliance87.events.models import (
    ActionItem,
    AgendaItem,
    Decision,
    Document,
    Event,
    EventSeries,
    Exchange,
    Objective,
)


@register(EventSeries)
class EventSeriesTranslationOptions(TranslationOptions):
    fields = ("name", "body", "body_short")
    required_languages = ("en",)


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "venue", "city")
    required_languages = ("en",)


@register(Objective)
class ObjectiveTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = ("en",)


@register(Document)
class DocumentTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = ("en",)


@register(AgendaItem)
class AgendaItemTranslationOptions(TranslationOptions):
    fields = ("title", "presenters_note", "objective", "minutes")
    required_languages = ("en",)


@register(Exchange)
class ExchangeTranslationOptions(TranslationOptions):
    fields = ("question", "answer")
    required_languages = ("en",)


@register(Decision)
class DecisionTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = ("en",)


@register(ActionItem)
class ActionItemTranslationOptions(TranslationOptions):
    fields = ("text", "owner_note", "done_note")
    required_languages = ("en",)
