from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DataConfig(AppConfig):
    name = "alliance87.data"
    label = "data"
    verbose_name = _("Data")

    def ready(self) -> None:
        from alliance87.core import hooks
        from alliance87.core.visibility import is_secretariat
        from alliance87.data import rules, selectors
        from alliance87.data.models import GovernmentReply

        hooks.PERMISSION_RULES.register(
            hooks.PermissionRule("reply", GovernmentReply, rules.may_reply)
        )

        hooks.NAVIGATION.register(
            hooks.NavEntry(_("Data"), "data:index", section="data", order=56)
        )
        hooks.NAVIGATION.register(
            hooks.NavEntry(
                _("Import figures"),
                "data:import",
                section="data",
                order=76,
                visible=is_secretariat,
            )
        )
        hooks.COUNTRY_PROFILE_SECTIONS.register(
            hooks.ProfileSection(
                "data",
                order=20,
                template="data/_country_section.html",
                context=selectors.country_section,
            )
        )

        # After the directory: the importer finds countries by name.
        hooks.DEMO_LOADERS.register(hooks.DemoLoader("alliance87.data.demo", order=60))
