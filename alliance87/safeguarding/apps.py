from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SafeguardingConfig(AppConfig):
    name = "alliance87.safeguarding"
    verbose_name = _("Safeguarding")

    def ready(self) -> None:
        from alliance87.core import hooks
        from alliance87.safeguarding import personal_data, roles, sections
        from alliance87.safeguarding.models import CONFIDENTIAL

        roles.register_role()
        sections.register_sections()
        hooks.PERSONAL_DATA.register(
            hooks.PersonalData(
                "safeguarding",
                personal_data.export,
                personal_data.erase,
                covers=tuple(CONFIDENTIAL),
            )
        )
        # After accounts' demo accounts (order 90): the demo officer is one.
        hooks.DEMO_LOADERS.register(hooks.DemoLoader("alliance87.safeguarding.demo", order=96))
        keep_out_of_the_audit_log()


def keep_out_of_the_audit_log() -> None:
    """Take the safeguarding models out of django-auditlog.

    accounts.audit registers every model of the Hub, and its entries (the
    fields before and after) are read by the Secretariat in the back office
    and on the history pages. A report, its handling and its log are for
    the safeguarding officers only: they keep their own log
    (models.LogEntry), which nobody else reads. accounts is installed
    before safeguarding, so its registration has run by now.
    """
    from auditlog.registry import auditlog

    from alliance87.safeguarding.models import CONFIDENTIAL

    for model in CONFIDENTIAL:
        if auditlog.contains(model):
            auditlog.unregister(model)
