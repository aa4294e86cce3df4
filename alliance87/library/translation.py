from modeltranslation.translator import TranslationOptions, register

from alliance87.library.models import Resource, Term


@register(Resource)
class ResourceTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body")
    required_languages = ("en",)


@register(Term)
class TermTranslationOptions(TranslationOptions):
    fields = ("term", "definition", "to_find")
    required_languages = ("en",)
