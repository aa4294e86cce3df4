from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "alliance87.community"
    verbose_name = _("Community")

    def ready(self) -> None:
        from alliance87.community import personal_data, rules
        from alliance87.community.search import PROVIDERS
        from alliance87.core import hooks

        hooks.NAVIGATION.register(
            hooks.NavEntry(_("Community"), "community:index", section="community", order=59)
        )
        rules.register_rules()
        hooks.PERSONAL_DATA.register(
            hooks.PersonalData("community", personal_data.export, personal_data.erase)
        )
        for provider in PROVIDERS:
            hooks.SEARCH_PROVIDERS.register(provider)
        hooks.DEMO_LOADERS.register(hooks.DemoLoader("alliance87.community.demo", order=95))
