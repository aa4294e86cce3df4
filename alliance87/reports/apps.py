from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """Meeting reports read into a proposed record (issue 11).

    The area holds no model: it reads a report and proposes data, which a
    person reviews before the events services save it.
    """

    name = "alliance87.reports"
    # Shown nowhere (no model, no admin): not a string for the catalogues,
    # whose every change the other branches would have to merge.
    verbose_name = "Report import"
