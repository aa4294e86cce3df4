from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PathfindersConfig(AppConfig):
    name = "alliance87.pathfinders"
    verbose_name = _("Pathfinder countries")

    def ready(self) -> None:
        from alliance87.core import hooks
        from alliance87.pathfinders import roles, rules, selectors
        from alliance87.pathfinders.search import PROVIDERS, focal_standing

        rules.register_rules()
        for provider in PROVIDERS:
            hooks.SEARCH_PROVIDERS.register(provider)
        hooks.SEARCH_AUDIENCE.register(focal_standing)
        roles.register_role()
        hooks.NAVIGATION.register(
            hooks.NavEntry(
                _("Pathfinder countries"), "pathfinders:index", section="pathfinders", order=30
            )
        )
        hooks.COUNTRY_PROFILE_SECTIONS.register(
            hooks.ProfileSection(
                "pathfinder",
                order=10,
                template="pathfinders/_country_section.html",
                context=selectors.country_section,
            )
        )
        hooks.DEMO_LOADERS.register(hooks.DemoLoader("alliance87.pathfinders.demo", order=10))
