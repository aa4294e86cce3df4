from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "alliance87.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from alliance87.accounts import audit, ratelimits, roles

        ratelimits.use_shared_store()

        roles.register_core_roles()
        audit.register_models()
