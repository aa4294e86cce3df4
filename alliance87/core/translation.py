from modeltranslation.translator import TranslationOptions, register

from alliance87.core.models import KeyFigure, Theme


@register(Theme)
class ThemeTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)


@register(KeyFigure)
class KeyFigureTranslationOptions(TranslationOptions):
    fields = ("label", "source")
    required_languages = ("en",)
