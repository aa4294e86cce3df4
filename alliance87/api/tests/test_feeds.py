"""Atom and RSS feeds: what the public sees, narrowed as asked, found
from the pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from alliance87.core.dates import ReportedDate
from alliance87.events import services as events
from alliance87.testing.factories import make_event, make_group
from alliance87.testing.personas import Personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings(personas: Personas) -> dict[str, object]:
    gcg = make_group("gcg", "Global Coordinating Group")
    held = make_event(
        "gcg-9", acting_user=personas.secretariat, date=ReportedDate(dt.date(2024, 3, 1))
    )
    held.groups.add(gcg)
    elsewhere = make_event(
        "other-1", acting_user=personas.secretariat, date=ReportedDate(dt.date(2024, 4, 1))
    )
    draft = make_event("gcg-draft", acting_user=personas.secretariat, publish=False)
    draft.groups.add(gcg)
    for event, text in ((held, "Adopt the GCG workplan"), (elsewhere, "Hold a forum")):
        events.record_decision(event, acting_user=personas.secretariat, text=text)
    events.record_decision(draft, acting_user=personas.secretariat, text="Secret draft decision")
    return {"gcg": gcg}


@pytest.mark.parametrize("suffix", ["atom", "rss"])
def test_a_feed_reader_follows_the_gcgs_decisions(meetings: object, suffix: str) -> None:
    response = Client().get(f"/en/feeds/decisions.{suffix}?group=gcg")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Adopt the GCG workplan" in body
    assert "Hold a forum" not in body
    assert "Secret draft decision" not in body


def test_the_events_feed_holds_published_public_events_only(
    meetings: object, personas: Personas
) -> None:
    client = Client()
    client.force_login(personas.secretariat)  # a session changes nothing
    body = client.get("/en/feeds/events.atom").content.decode()
    assert "gcg-9" in body and "other-1" in body
    assert "gcg-draft" not in body


def test_an_unknown_scope_is_404_not_an_empty_feed(meetings: object) -> None:
    for query in ("?group=nope", "?country=zzz", "?theme=nope", "?country=toolong"):
        assert Client().get(f"/en/feeds/events.atom{query}").status_code == 404, query


def test_the_library_feed_answers(meetings: object) -> None:
    response = Client().get("/en/feeds/library.rss?country=npl")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")


def test_pages_announce_their_feeds(meetings: object) -> None:
    client = Client()
    for page, feed in [
        ("/en/events/", "/en/feeds/events.atom"),
        ("/en/events/decisions/", "/en/feeds/decisions.atom"),
        ("/en/library/", "/en/feeds/library.rss"),
        ("/en/groups/gcg/", "/en/feeds/decisions.atom?group=gcg"),
        ("/en/countries/npl/", "/en/feeds/events.rss?country=npl"),
    ]:
        body = client.get(page).content.decode()
        head = body[: body.index("</head>")]
        assert f'href="{feed}"' in head, page


@pytest.mark.parametrize("suffix", ["atom", "rss"])
def test_the_news_feed_holds_live_public_posts_narrowed_by_country_and_found_from_the_list(
    personas: Personas, suffix: str
) -> None:
    from alliance87.comms import services as comms
    from alliance87.comms.models import Post, PostStatus
    from alliance87.countries.models import Country

    nepal = Country.objects.get(iso3="NPL")

    def post(slug: str, title: str, **values: Any) -> None:
        status = values.pop("status", PostStatus.PUBLISHED)
        countries = values.pop("countries", None)
        comms.save_post(
            Post(slug=slug, kind="news", status=status, title_en=title, **values),
            acting_user=None,
            links=comms.PostLinks(countries=countries),
        )

    post("kathmandu", "Kathmandu forum", countries=[nepal])
    post("elsewhere", "Elsewhere forum")
    post("only-french", "", title_fr="Forum en français")
    post("partners", "Partners memo", visibility="partners")
    post("draft", "Draft memo", status=PostStatus.DRAFT)
    post("later", "Later memo", publish_at=dt.datetime(2999, 1, 1, tzinfo=dt.UTC))
    client = Client()
    client.force_login(personas.secretariat)  # a feed shows the public's, whoever asks
    body = client.get(f"/en/feeds/news.{suffix}").content.decode()
    assert "Kathmandu forum" in body and "Elsewhere forum" in body
    assert "Forum en français" in body
    for hidden in ("Partners memo", "Draft memo", "Later memo"):
        assert hidden not in body
    narrowed = client.get(f"/en/feeds/news.{suffix}?country=npl").content.decode()
    assert "Kathmandu forum" in narrowed and "Elsewhere forum" not in narrowed
    assert client.get(f"/en/feeds/news.{suffix}?country=zzz").status_code == 404
    page = client.get("/en/news/").content.decode()
    assert f'href="/en/feeds/news.{suffix}"' in page


@pytest.mark.parametrize(
    ("page", "feed"),
    [
        ("/en/events/", "/en/feeds/events.atom"),
        ("/en/events/?country=npl", "/en/feeds/events.atom?country=npl"),
        ("/en/events/decisions/", "/en/feeds/decisions.atom"),
        ("/en/library/?country=npl&type=report", "/en/feeds/library.atom?country=npl"),
        ("/en/news/?country=npl", "/en/feeds/news.atom?country=npl"),
        # A filter the page refuses (no such country) narrows no feed.
        ("/en/news/?country=zzz", "/en/feeds/news.atom"),
        ("/en/countries/npl/", "/en/feeds/news.atom?country=npl"),
        ("/en/groups/gcg/", "/en/feeds/decisions.atom?group=gcg"),
    ],
)
def test_each_page_announces_the_feeds_narrowed_as_it_is(
    meetings: object, page: str, feed: str
) -> None:
    body = Client().get(page).content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in body
    assert f'href="{feed}"' in body
    assert Client().get(feed).status_code == 200
