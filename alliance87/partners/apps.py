from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "alliance87.partners"
    verbose_name = _("Partners")

    def ready(self) -> None:
        from alliance87.core import hooks
        from alliance87.partners import selectors
        from alliance87.partners.search import PROVIDER

        # Members of an approved partner see partners' content, Hub-wide.
        hooks.AUDIENCE_PROVIDERS.register(
            hooks.BatchedAudience(selectors.partner_standing, selectors.partner_standings)
        )
        hooks.NAVIGATION.register(
            hooks.NavEntry(_("Partners"), "partners:list", section="partners", order=60)
        )
        # Last on the country profile, after the areas' own sections.
        hooks.COUNTRY_PROFILE_SECTIONS.register(
            hooks.ProfileSection(
                "organisations",
                order=90,
                template="partners/_country_section.html",
                context=selectors.country_section,
            )
        )
        hooks.SEARCH_PROVIDERS.register(PROVIDER)
