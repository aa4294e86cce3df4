from modeltranslation.translator import TranslationOptions, register

from alliance87.data.models import Geography, Indicator


@register(Indicator)
class IndicatorTranslationOptions(TranslationOptions):
    fields = ("name", "definition", "methodology")
    required_languages = ("en",)


@register(Geography)
class GeographyTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)
