from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "alliance87.partners"
    verbose_name = _("Partners")

    def ready(self) -> None:
        from alliance87.core import navigation
        from alliance87.core.visibility import register_audience_provider
        from alliance87.partners.selectors import partner_standing

        register_audience_provider(partner_standing)
        navigation.register(_("Partners"), "partners:list", section="partners", order=60)
