from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "alliance87.events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from alliance87.core import navigation, permissions
        from alliance87.countries import profile
        from alliance87.events import selectors
        from alliance87.events.models import ActionItem

        navigation.register(_("Events"), "events:list", section="events", order=40)
        permissions.register("close", ActionItem, selectors.is_action_item_owner)
        if apps.is_installed("alliance87.groups"):
            from alliance87.events import group_links
            from alliance87.groups import analytics, meetings

            meetings.register_provider(group_links.group_meetings)
            analytics.register_event_participation_provider(group_links.event_participation)
        profile.register_section(
            "events",
            order=40,
            template="events/_country_section.html",
            context=selectors.country_section,
        )
