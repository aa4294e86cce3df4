from modeltranslation.translator import TranslationOptions, register

from alliance87.countries.models import Country


@register(Country)
class CountryTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("en", "fr", "es")
