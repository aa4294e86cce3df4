from modeltranslation.translator import TranslationOptions, register

from alliance87.campaigns.models import Campaign, CampaignImage, Message


@register(Campaign)
class CampaignTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "call")
    required_languages = ("en",)


@register(Message)
class MessageTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = ("en",)


@register(CampaignImage)
class CampaignImageTranslationOptions(TranslationOptions):
    fields = ("alt",)
    required_languages = ("en",)
