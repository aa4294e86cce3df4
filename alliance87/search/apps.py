from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "alliance87.search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from alliance87.search.following import follow_writes

        # Every area has registered its providers by now: INSTALLED_APPS
        # lists search after them.
        follow_writes()
        post_migrate.connect(index_empty_kinds, sender=self, dispatch_uid="a87-search-migrate")


def index_empty_kinds(**kwargs: object) -> None:
    """After `migrate`, index the kinds that have rows but no documents:
    rows a data migration wrote (the countries) send no signal the index
    follows."""
    from alliance87.search.index import index_missing_kinds

    index_missing_kinds()
