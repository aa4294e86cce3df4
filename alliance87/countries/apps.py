from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CountriesConfig(AppConfig):
    name = "alliance87.countries"
    verbose_name = _("Countries")

    def ready(self) -> None:
        from alliance87.core import hooks
        from alliance87.countries.search import PROVIDER

        hooks.NAVIGATION.register(
            hooks.NavEntry(_("Countries"), "countries:list", section="countries", order=20)
        )
        hooks.SEARCH_PROVIDERS.register(PROVIDER)
