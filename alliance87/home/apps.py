from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The home page: it reads several areas, so it lives above them all
    rather than in core, which imports none."""

    name = "alliance87.home"
    verbose_name = _("Home")
