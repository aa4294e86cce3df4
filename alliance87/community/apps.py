from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "alliance87.community"
    verbose_name = _("Community")

    def ready(self) -> None:
        from alliance87.community import personal_data, rules
        from alliance87.community.models import Attachment, chosen_mail_language
        from alliance87.community.search import PROVIDERS
        from alliance87.core import hooks
        from alliance87.core.visibility import is_secretariat

        hooks.NAVIGATION.register(
            hooks.NavEntry(_("Community"), "community:index", section="community", order=59)
        )
        # The language chosen in the community's mail settings is the one
        # every area writes email in (core.text.mail_language).
        hooks.MAIL_LANGUAGES.register(
            hooks.MailLanguage("community", chosen_mail_language, order=10)
        )
        # The Secretariat's way in from the Slack pilot (docs/slack-import.md);
        # the files it brings are the posts' attachments.
        hooks.NAVIGATION.register(
            hooks.NavEntry(
                _("Import from Slack"),
                "community:slack-import",
                section="community",
                order=77,
                visible=is_secretariat,
            )
        )
        rules.register_rules()
        # The Secretariat's queue across spaces, among its pages.
        hooks.PAGE_SECTIONS.register(
            hooks.PageSection(
                "secretariat",
                "community-queue",
                order=60,
                template="community/_secretariat_link.html",
                context=secretariat_link,
            )
        )
        hooks.PERSONAL_DATA.register(
            hooks.PersonalData("community", personal_data.export, personal_data.erase)
        )
        # A post's files are served to whoever may read the post in full.
        hooks.FILE_OWNERS.register(
            hooks.FileOwner("community.attachment", Attachment.objects.visible_to)
        )
        for provider in PROVIDERS:
            hooks.SEARCH_PROVIDERS.register(provider)
        hooks.DEMO_LOADERS.register(hooks.DemoLoader("alliance87.community.demo", order=95))


def secretariat_link(user: object, account: object) -> dict[str, object] | None:
    from alliance87.community.moderation import queue_counts_by_space
    from alliance87.core.visibility import is_secretariat

    if not is_secretariat(user):  # type: ignore[arg-type]
        return None
    counts = queue_counts_by_space()
    return {
        "flagged": sum(c.flagged for c in counts),
        "held": sum(c.held for c in counts),
    }
