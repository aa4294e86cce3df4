from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "alliance87.campaigns"
    verbose_name = _("Campaigns")

    def ready(self) -> None:
        from alliance87.campaigns import rules, search, selectors
        from alliance87.campaigns.models import visible_images
        from alliance87.core import hooks

        # The CEAG (a campaign's reviewing group) and the Secretariat
        # publish or decline what partners submit.
        rules.register_rules()
        # A toolkit image is served to those who may see its campaign.
        hooks.FILE_OWNERS.register(
            hooks.FileOwner("campaigns.campaignimage", visible_images, "image")
        )
        # An international day's page links to its campaigns.
        hooks.PAGE_SECTIONS.register(
            hooks.PageSection(
                "event",
                "campaigns",
                order=55,
                template="campaigns/_event_section.html",
                context=selectors.event_section,
            )
        )
        # Campaigns are found in the site search as their page shows them.
        hooks.SEARCH_PROVIDERS.register(search.PROVIDER)
        # A new newsletter issue suggests the public campaigns, by their
        # coming day, and the highlights and champions published since the
        # last one.
        hooks.NEWSLETTER_SECTIONS.register(
            hooks.NewsletterSection(
                "campaigns", _("Campaigns"), selectors.newsletter_campaigns, order=50
            )
        )
        hooks.NEWSLETTER_SECTIONS.register(
            hooks.NewsletterSection(
                "highlights",
                _("Highlights from countries and champions"),
                selectors.newsletter_highlights,
                order=51,
            )
        )
        hooks.DEMO_LOADERS.register(hooks.DemoLoader("alliance87.campaigns.demo", order=70))
