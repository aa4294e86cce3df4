from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "alliance87.applications"
    verbose_name = _("Applications")

    def ready(self) -> None:
        from alliance87.applications.models import Application
        from alliance87.core import hooks, permissions

        # Only the Secretariat reviews (it may do everything); say so here,
        # so that no later default opens the review to anyone else.
        hooks.PERMISSION_RULES.register(
            hooks.PermissionRule("review", Application, lambda user, application: False)
        )

        # Those who review applications see the list to review; everyone
        # else (visitors, partners, members) may apply.
        def may_review(user: object) -> bool:
            return permissions.may(user, "review", Application)

        hooks.NAVIGATION.register(
            hooks.NavEntry(
                _("Apply"),
                "applications:apply",
                section="apply",
                order=70,
                visible=lambda user: not may_review(user),
            )
        )
        hooks.NAVIGATION.register(
            hooks.NavEntry(
                _("Applications"),
                "applications:review-list",
                section="applications",
                order=70,
                visible=may_review,
            )
        )
        # Applications are sent before any account exists: a person's are
        # found by their address.
        hooks.PERSONAL_DATA.register(
            hooks.PersonalData("applications_from_your_address", applications_of)
        )


def applications_of(user: object, person: object) -> list[dict[str, object]]:
    from alliance87.accounts.personal_data import row
    from alliance87.applications.models import Application

    email = getattr(user, "email", "") or ""
    if not email:
        return []
    return [row(a) for a in Application.objects.filter(email__iexact=email).order_by("pk")]
