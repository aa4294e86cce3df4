from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "alliance87.library"
    verbose_name = _("Library")

    def ready(self) -> None:
        from alliance87.core import hooks
        from alliance87.library import following, rules, selectors
        from alliance87.library.models import Resource, ResourceFile
        from alliance87.library.search import PROVIDERS

        hooks.NAVIGATION.register(
            hooks.NavEntry(_("Library"), "library:index", section="library", order=58)
        )
        hooks.PERMISSION_RULES.register(hooks.PermissionRule("submit", Resource, rules.may_submit))
        hooks.PERMISSION_RULES.register(hooks.PermissionRule("edit", Resource, rules.may_edit))
        # A file's search names follow its resource's meetings.
        following.follow_writes()
        # A file is served to those who may see its resource.
        hooks.FILE_OWNERS.register(
            hooks.FileOwner(
                "library.resourcefile",
                ResourceFile.objects.visible_to,
                title="resource__title",
                search="search_names",
            )
        )
        hooks.COUNTRY_PROFILE_SECTIONS.register(
            hooks.ProfileSection(
                "library",
                order=80,
                template="library/_country_section.html",
                context=selectors.country_section,
            )
        )
        hooks.PAGE_SECTIONS.register(
            hooks.PageSection(
                "event",
                "library",
                order=50,
                template="library/_page_section.html",
                context=selectors.event_section,
            )
        )
        hooks.PAGE_SECTIONS.register(
            hooks.PageSection(
                "group",
                "library",
                order=50,
                template="library/_page_section.html",
                context=selectors.group_section,
            )
        )
        # Resources and glossary terms in the site search (search/).
        for provider in PROVIDERS:
            hooks.SEARCH_PROVIDERS.register(provider)
        # After events and groups: resources are linked to them.
        hooks.DEMO_LOADERS.register(hooks.DemoLoader("alliance87.library.demo", order=50))
