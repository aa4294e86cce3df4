from modeltranslation.translator import TranslationOptions, register

from alliance87.comms.models import Choice, Issue, Post, Question, Survey


@register(Post)
class PostTranslationOptions(TranslationOptions):
    # No language is required: a post may exist in one language only.
    fields = ("title", "summary", "body", "image_alt")
    fallback_languages = {"default": ()}
    fallback_undefined = {"title": "", "summary": "", "body": "", "image_alt": ""}


@register(Issue)
class IssueTranslationOptions(TranslationOptions):
    fields = ("subject", "body")
    fallback_languages = {"default": ()}
    fallback_undefined = {"subject": "", "body": ""}


@register(Survey)
class SurveyTranslationOptions(TranslationOptions):
    fields = ("title", "intro")
    required_languages = ("en",)


@register(Question)
class QuestionTranslationOptions(TranslationOptions):
    fields = ("text", "help", "scale_min_label", "scale_max_label")
    required_languages = ("en",)


@register(Choice)
class ChoiceTranslationOptions(TranslationOptions):
    fields = ("label",)
    required_languages = ("en",)
