from modeltranslation.translator import TranslationOptions, register

from alliance87.statements.models import Statement


@register(Statement)
class StatementTranslationOptions(TranslationOptions):
    fields = ("title", "issued_by", "place", "summary", "published_endorsements_note")
    required_languages = ("en",)
