from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Meeting reports read into a proposed record, reviewed by the
    Secretariat and saved as a draft event (issue 11)."""

    name = "alliance87.reports"
    verbose_name = _("Report import")

    def ready(self) -> None:
        from alliance87.core import hooks
        from alliance87.core.visibility import is_secretariat

        hooks.NAVIGATION.register(
            hooks.NavEntry(
                _("Import a report"),
                "reports:start",
                section="reports",
                order=75,
                visible=is_secretariat,
            )
        )
