from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "alliance87.core"
    verbose_name = _("Hub")

    def ready(self) -> None:
        from alliance87.core import checks, invalidation, lookups

        checks.register()
        lookups.register()
        invalidation.connect_invalidation()
