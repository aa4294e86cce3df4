from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "alliance87.events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from alliance87.core import hooks
        from alliance87.events import group_links, selectors
        from alliance87.events.models import ActionItem, Document
        from alliance87.events.search import PROVIDERS

        hooks.NAVIGATION.register(
            hooks.NavEntry(_("Events"), "events:list", section="events", order=40)
        )
        hooks.PERMISSION_RULES.register(
            hooks.PermissionRule("close", ActionItem, selectors.is_action_item_owner)
        )
        # A group's meetings, and participation in events, on the groups' pages.
        hooks.GROUP_MEETINGS.register(group_links.group_meetings)
        hooks.EVENT_PARTICIPATION.register(group_links.event_participation)
        hooks.COUNTRY_PROFILE_SECTIONS.register(
            hooks.ProfileSection(
                "events",
                order=40,
                template="events/_country_section.html",
                context=selectors.country_section,
            )
        )
        # A document's file is served to those who may see the document.
        hooks.FILE_OWNERS.register(
            hooks.FileOwner(
                "events.document",
                Document.objects.visible_to,
                title="title",
                search="search_names",
            )
        )
        # After groups: meetings are linked to the groups that hold them.
        hooks.DEMO_LOADERS.register(hooks.DemoLoader("alliance87.events.demo", order=40))
        for provider in PROVIDERS:
            hooks.SEARCH_PROVIDERS.register(provider)
