from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class GroupsConfig(AppConfig):
    name = "alliance87.groups"
    verbose_name = _("Groups")

    def ready(self) -> None:
        from alliance87.core import navigation
        from alliance87.core.visibility import register_audience_provider
        from alliance87.groups import rules
        from alliance87.groups.selectors import group_standing

        # "Chair of this group" decides every write to a group's workplan
        # and members.
        rules.register_rules()

        # Members of a group see its members-only content, Hub-wide.
        register_audience_provider(group_standing)
        if apps.is_installed("alliance87.accounts"):
            from alliance87.groups import roles

            roles.register_roles()
        navigation.register(_("Groups"), "groups:list", section="groups", order=50)
