from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "alliance87.applications"
    verbose_name = _("Applications")

    def ready(self) -> None:
        from alliance87.applications.models import Application
        from alliance87.core import hooks

        # Only the Secretariat reviews (it may do everything); say so here,
        # so that no later default opens the review to anyone else.
        hooks.PERMISSION_RULES.register(
            hooks.PermissionRule("review", Application, lambda user, application: False)
        )
