"""The event page's short lists (objectives, documents, organisers,
countries, themes, presenters, linked events) are read in one query with
their parent; each still shows only what its reader may see."""

from __future__ import annotations

import datetime as dt

import pytest

from alliance87.core.dates import ReportedDate
from alliance87.core.models import Theme
from alliance87.countries.models import Country
from alliance87.events import services
from alliance87.partners.models import Person
from alliance87.testing.factories import make_event, make_organisation

D = dt.date
pytestmark = pytest.mark.django_db

PUBLIC = ["Public objective", "Public annex", "Open Organiser", "Nepal", "Linked forum"]
PARTNERS = ["Partners objective", "Partners annex", "Quiet Organiser", "Pat Presenter"]
SECRETARIAT = ["Secretariat objective", "Secretariat annex", "Draft forum"]


@pytest.fixture
def page_event(personas, gcg):
    sec = personas.secretariat
    open_org = make_organisation("open-org", "Open Organiser")
    quiet_org = make_organisation("quiet-org", "Quiet Organiser", visibility="partners")
    event = make_event(
        "gcg-4",
        acting_user=sec,
        series=gcg,
        number=4,
        date=ReportedDate(D(2019, 4, 1)),
        countries=[Country.objects.get(iso3="NPL")],
    )
    services.save_event(
        event,
        acting_user=sec,
        organisers=[open_org, quiet_org],
        themes=list(Theme.objects.all()[:1]),
        regions=["asia_pacific"],
    )
    for level in ("public", "partners", "secretariat"):
        label = level.capitalize()
        services.add_objective(event, acting_user=sec, text=f"{label} objective", visibility=level)
        services.attach_document(
            event,
            acting_user=sec,
            kind="annex",
            title=f"{label} annex",
            url=f"https://example.org/{level}",
            visibility=level,
        )
    presenter = Person.objects.create(slug="pat-presenter", name="Pat Presenter")
    services.add_agenda_item(
        event,
        acting_user=sec,
        number="I",
        title="Opening",
        presenter_organisations=[open_org, quiet_org],
        presenter_people=[presenter],
    )
    forum = make_event(
        "forum", acting_user=sec, title="Linked forum", date=ReportedDate(D(2019, 9, 1))
    )
    draft = make_event(
        "draft",
        acting_user=sec,
        title="Draft forum",
        date=ReportedDate(D(2019, 9, 2)),
        publish=False,
    )
    services.link_events(event, forum, acting_user=sec)
    services.link_events(draft, event, acting_user=sec)
    return event


@pytest.mark.parametrize(
    ("who", "sees", "does_not_see"),
    [
        ("anonymous", PUBLIC, PARTNERS + SECRETARIAT),
        ("outsider", PUBLIC, PARTNERS + SECRETARIAT),
        ("partner", PUBLIC + PARTNERS, SECRETARIAT),
        ("secretariat", PUBLIC + PARTNERS + SECRETARIAT, []),
    ],
)
def test_each_reader_sees_their_share(who, sees, does_not_see, client, personas, page_event):
    user = getattr(personas, who)
    if user.is_authenticated:
        client.force_login(user)
    page = client.get("/en/events/gcg-4/").content.decode()
    for text in sees:
        assert text in page, (who, text)
    for text in does_not_see:
        assert text not in page, (who, text)


def test_lists_are_in_the_readers_language(client, page_event):
    page = client.get("/fr/events/gcg-4/").content.decode()
    assert "Népal" in page
    # Text never written in French falls back to English.
    assert "Public objective" in page and "Public annex" in page
