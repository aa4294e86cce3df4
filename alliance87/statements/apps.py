from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatementsConfig(AppConfig):
    name = "alliance87.statements"
    verbose_name = _("Statements")

    def ready(self) -> None:
        from alliance87.core import hooks
        from alliance87.statements import counts
        from alliance87.statements.models import Statement
        from alliance87.statements.search import PROVIDER
        from alliance87.statements.selectors import may_endorse

        hooks.NAVIGATION.register(
            hooks.NavEntry(_("Statements"), "statements:list", section="statements", order=55)
        )
        hooks.PERMISSION_RULES.register(hooks.PermissionRule("endorse", Statement, may_endorse))
        hooks.DEMO_LOADERS.register(hooks.DemoLoader("alliance87.statements.demo", order=30))
        hooks.SEARCH_PROVIDERS.register(PROVIDER)
        counts.follow_writes()
