from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class PathfindersConfig(AppConfig):
    name = "alliance87.pathfinders"
    verbose_name = _("Pathfinder countries")

    def ready(self) -> None:
        from alliance87.core import navigation
        from alliance87.countries import profile
        from alliance87.pathfinders import rules, selectors

        rules.register_rules()
        if apps.is_installed("alliance87.accounts"):
            from alliance87.pathfinders import roles

            roles.register_role()
        navigation.register(
            _("Pathfinder countries"), "pathfinders:index", section="pathfinders", order=30
        )
        profile.register_section(
            "pathfinder",
            order=10,
            template="pathfinders/_country_section.html",
            context=selectors.country_section,
        )
