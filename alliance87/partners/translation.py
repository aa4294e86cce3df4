from modeltranslation.translator import TranslationOptions, register

from alliance87.partners.models import Organisation, Person


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("name", "acronym", "description", "sort_name")
    required_languages = ("en",)


@register(Person)
class PersonTranslationOptions(TranslationOptions):
    fields = ("position",)
