from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "alliance87.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from alliance87.accounts import audit, ratelimits, roles
        from alliance87.core import hooks

        ratelimits.use_shared_store()

        roles.register_core_roles()
        audit.register_models()
        # Last: demo accounts take roles in what the other areas created.
        hooks.DEMO_LOADERS.register(hooks.DemoLoader("alliance87.accounts.demo", order=90))
