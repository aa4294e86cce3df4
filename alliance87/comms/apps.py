from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommsConfig(AppConfig):
    name = "alliance87.comms"
    verbose_name = _("Communications")

    def ready(self) -> None:
        from alliance87.comms import mail, personal, search, selectors
        from alliance87.comms.models import Post
        from alliance87.core import hooks

        hooks.NAVIGATION.register(
            hooks.NavEntry(_("News"), "comms:news", section="news", order=59)
        )
        # A post's lead image is served to those who may see the post.
        hooks.FILE_OWNERS.register(hooks.FileOwner("comms.post", Post.objects.visible_to, "image"))
        hooks.COUNTRY_PROFILE_SECTIONS.register(
            hooks.ProfileSection(
                "news",
                order=85,
                template="comms/_country_section.html",
                context=selectors.country_section,
            )
        )
        for page, context in (
            ("event", selectors.event_section),
            ("group", selectors.group_section),
            ("organisation", selectors.organisation_section),
        ):
            hooks.PAGE_SECTIONS.register(
                hooks.PageSection(
                    page, "news", order=60, template="comms/_section.html", context=context
                )
            )
        hooks.PERSONAL_DATA.register(
            hooks.PersonalData("communications", personal.export, personal.erase)
        )
        hooks.DEMO_LOADERS.register(hooks.DemoLoader("alliance87.comms.demo", order=65))
        # After the community's mail settings (order 10): a choice made there
        # for email is more particular than a newsletter's language.
        hooks.MAIL_LANGUAGES.register(
            hooks.MailLanguage("newsletter", mail.subscription_language, order=20)
        )
        hooks.SEARCH_PROVIDERS.register(search.PROVIDER)
