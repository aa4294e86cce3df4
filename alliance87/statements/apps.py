from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatementsConfig(AppConfig):
    name = "alliance87.statements"
    verbose_name = _("Statements")

    def ready(self) -> None:
        from alliance87.core import permissions
        from alliance87.statements.models import Statement
        from alliance87.statements.selectors import may_endorse

        permissions.register("endorse", Statement, may_endorse)
