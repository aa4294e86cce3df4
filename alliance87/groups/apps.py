from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GroupsConfig(AppConfig):
    name = "alliance87.groups"
    verbose_name = _("Groups")

    def ready(self) -> None:
        from alliance87.core import hooks
        from alliance87.groups import roles, rules
        from alliance87.groups.search import PROVIDERS
        from alliance87.groups.selectors import group_standing, group_standings

        # "Chair of this group" decides every write to a group's workplan
        # and members.
        rules.register_rules()

        # Members of a group see its members-only content, Hub-wide.
        hooks.AUDIENCE_PROVIDERS.register(hooks.BatchedAudience(group_standing, group_standings))
        roles.register_roles()
        hooks.NAVIGATION.register(
            hooks.NavEntry(_("Groups"), "groups:list", section="groups", order=50)
        )
        hooks.DEMO_LOADERS.register(hooks.DemoLoader("alliance87.groups.demo", order=20))
        for provider in PROVIDERS:
            hooks.SEARCH_PROVIDERS.register(provider)
