from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Meeting reports read into a proposed record (issue 11).

    The area holds no model: it reads a report and proposes data, which a
    person reviews before the events services save it.
    """

    name = "alliance87.reports"
    verbose_name = _("Report import")
