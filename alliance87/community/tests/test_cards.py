"""Links to Hub objects in posts become cards, for what the reader may see."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from alliance87.community import services
from alliance87.community.cards import hub_target
from alliance87.community.models import Space, SpaceKind
from alliance87.core.dates import ReportedDate
from alliance87.core.visibility import Visibility
from alliance87.events import services as events
from alliance87.pathfinders.selectors.detail import PRINT_PAGE_SIZE
from alliance87.testing.factories import (
    actions_of,
    make_event,
    make_group,
    make_pathfinder,
    make_roadmap,
)

pytestmark = pytest.mark.django_db


def test_a_link_to_a_hub_page_is_known_in_any_language_and_address_form(settings) -> None:
    settings.SITE_URL = "https://hub.example.org"
    assert hub_target("/fr/groups/migration/") == ("groups:detail", "migration")
    assert hub_target("https://hub.example.org/en/events/gcg-4/") == ("events:detail", "gcg-4")
    assert hub_target("https://elsewhere.example/en/events/gcg-4/") is None
    assert hub_target("/en/community/") is None


def test_a_card_shows_what_the_reader_may_see_and_nothing_else(scene) -> None:
    make_group("hidden-group", "Hidden group title", visibility=Visibility.SECRETARIAT)
    thread = services.start_thread(
        scene.commons,
        acting_user=scene.partner,
        title="T",
        body="See [our group](/en/groups/migration/) and [that](/en/groups/hidden-group/).",
    )
    partner = Client()
    partner.force_login(scene.partner)
    page = partner.get(thread.get_absolute_url()).content.decode()
    assert 'class="card"' in page and "Action Group on Migration" in page
    assert "Hidden group title" not in page
    secretariat = Client()
    secretariat.force_login(scene.secretariat)
    assert "Hidden group title" in secretariat.get(thread.get_absolute_url()).content.decode()


# Decisions, action items and roadmap actions: rows of their parent's page,
# linked by its address and the row's fragment.


def _thread_linking(scene: Any, *hrefs: str) -> Any:
    body = " ".join(f"[link {n}]({href})" for n, href in enumerate(hrefs))
    return services.start_thread(scene.commons, acting_user=scene.partner, title="T", body=body)


def _meeting(scene: Any, slug: str, **values: Any) -> Any:
    return make_event(
        slug, acting_user=scene.secretariat, date=ReportedDate(dt.date(2026, 3, 2)), **values
    )


def _page(user: Any, thread: Any) -> str:
    client = Client()
    if user is not None:
        client.force_login(user)
    response = client.get(thread.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_a_link_to_a_row_of_a_page_is_known_by_its_fragment() -> None:
    assert hub_target("/fr/events/gcg-4/#decision-12") == ("decision", "12")
    assert hub_target("/en/events/gcg-4/#action-7") == ("actionitem", "7")
    assert hub_target("/en/countries/npl/#pf-action-3") == ("roadmapaction", "3")
    assert hub_target("/es/pathfinders/npl/roadmaps/2/print/#pf-action-3") == (
        "roadmapaction",
        "3",
    )
    # Any other fragment is the page itself; a row id too long is no id.
    assert hub_target("/en/events/gcg-4/#agenda") == ("events:detail", "gcg-4")
    assert hub_target("/en/events/gcg-4/#decision-" + "9" * 30) == ("events:detail", "gcg-4")
    assert hub_target("/en/groups/migration/#decision-12") == ("groups:detail", "migration")


def test_decision_and_action_item_cards_follow_their_visibility(scene) -> None:
    public = _meeting(scene, "gcg-9", title="Ninth GCG meeting")
    decision = events.record_decision(
        public, acting_user=scene.secretariat, text="The Group adopts its workplan."
    )
    item = events.record_action_item(
        public, acting_user=scene.secretariat, text="Circulate the draft", owner_note="ILO"
    )
    partners_only = events.record_decision(
        public,
        acting_user=scene.secretariat,
        text="A decision for partners only.",
        visibility=Visibility.PARTNERS,
    )
    draft = _meeting(scene, "gcg-10", publish=False)
    in_draft = events.record_action_item(
        draft, acting_user=scene.secretariat, text="Plan the draft meeting", owner_note="ILO"
    )
    thread = _thread_linking(
        scene,
        f"/en/events/gcg-9/#decision-{decision.pk}",
        f"/en/events/gcg-9/#action-{item.pk}",
        f"/en/events/gcg-9/#decision-{partners_only.pk}",
        f"/en/events/gcg-10/#action-{in_draft.pk}",
    )
    # The commons is for partners: the partner reads it.
    page = _page(scene.partner, thread)
    assert "The Group adopts its workplan." in page
    assert f'href="/en/events/gcg-9/#decision-{decision.pk}"' in page
    assert "Circulate the draft" in page and f'href="/en/events/gcg-9/#action-{item.pk}"' in page
    assert "A decision for partners only." in page
    # A draft meeting's rows are the Secretariat's only: no card, no text.
    assert "Plan the draft meeting" not in page
    assert "Plan the draft meeting" in _page(scene.secretariat, thread)


def test_a_row_card_shows_nothing_to_a_reader_who_may_not_see_it(scene) -> None:
    # A public space, so that an anonymous visitor reads the thread.
    square = services.save_space(
        Space(slug="square", name="Square", kind=SpaceKind.COMMONS, visibility="public"),
        acting_user=scene.secretariat,
    )
    event = _meeting(scene, "gcg-9")
    hidden = events.record_decision(
        event,
        acting_user=scene.secretariat,
        text="A decision for partners only.",
        visibility=Visibility.PARTNERS,
    )
    shown = events.record_action_item(
        event, acting_user=scene.secretariat, text="A public step", owner_note="ILO"
    )
    thread = services.start_thread(
        square,
        acting_user=scene.partner,
        title="T",
        body=(
            f"[a](/en/events/gcg-9/#decision-{hidden.pk}) [b](/en/events/gcg-9/#action-{shown.pk})"
        ),
    )
    page = _page(None, thread)
    assert "A public step" in page
    assert "A decision for partners only." not in page
    assert page.count('class="card"') == 1


def test_a_row_is_known_from_every_page_that_lists_it() -> None:
    assert hub_target("/en/events/decisions/#decision-12") == ("decision", "12")
    assert hub_target("/fr/events/action-items/?state=all#action-7") == ("actionitem", "7")
    assert hub_target("/en/events/gcg-4/record/#decision-12") == ("decision", "12")
    assert hub_target("/es/events/gcg-4/record/#action-7") == ("actionitem", "7")
    # The register lists decisions, the tracker action items: no other row.
    assert hub_target("/en/events/decisions/#action-7") is None
    assert hub_target("/en/events/action-items/#decision-12") is None
    # Those pages are no object's own: without a row, no card.
    assert hub_target("/en/events/decisions/") is None
    assert hub_target("/en/events/gcg-4/record/") is None


def test_register_tracker_and_record_links_are_cards_of_what_the_reader_may_see(
    scene,
) -> None:
    square = services.save_space(
        Space(slug="square", name="Square", kind=SpaceKind.COMMONS, visibility="public"),
        acting_user=scene.secretariat,
    )
    event = _meeting(scene, "gcg-9", title="Ninth GCG meeting")
    decision = events.record_decision(
        event, acting_user=scene.secretariat, text="The Group adopts its workplan."
    )
    item = events.record_action_item(
        event, acting_user=scene.secretariat, text="Circulate the draft", owner_note="ILO"
    )
    hidden = events.record_decision(
        event,
        acting_user=scene.secretariat,
        text="A decision for partners only.",
        visibility=Visibility.PARTNERS,
    )
    hidden_item = events.record_action_item(
        event,
        acting_user=scene.secretariat,
        text="A step for partners only",
        owner_note="ILO",
        visibility=Visibility.PARTNERS,
    )
    thread = services.start_thread(
        square,
        acting_user=scene.partner,
        title="T",
        body=" ".join(
            f"[link {n}]({href})"
            for n, href in enumerate(
                (
                    f"/en/events/decisions/#decision-{decision.pk}",
                    f"/en/events/action-items/?state=all#action-{item.pk}",
                    f"/en/events/gcg-9/record/#decision-{hidden.pk}",
                    f"/en/events/action-items/#action-{hidden_item.pk}",
                )
            )
        ),
    )
    anonymous = _page(None, thread)
    assert "The Group adopts its workplan." in anonymous
    assert "Circulate the draft" in anonymous
    # The card leads to the row on its meeting's page.
    assert f'href="/en/events/gcg-9/#decision-{decision.pk}"' in anonymous
    assert f'href="/en/events/gcg-9/#action-{item.pk}"' in anonymous
    # What the reader may not see is neither carded nor named.
    assert "A decision for partners only." not in anonymous
    assert "A step for partners only" not in anonymous
    assert anonymous.count('class="card"') == 2
    partner = _page(scene.partner, thread)
    assert "A decision for partners only." in partner
    assert "A step for partners only" in partner
    assert partner.count('class="card"') == 4


def test_the_decisions_register_marks_each_row_for_its_links(scene) -> None:
    event = _meeting(scene, "gcg-9")
    decision = events.record_decision(
        event, acting_user=scene.secretariat, text="The Group adopts its workplan."
    )
    page = Client().get("/en/events/decisions/").content.decode()
    assert f'id="decision-{decision.pk}"' in page


def test_roadmap_action_cards_follow_their_roadmap(scene) -> None:
    pathfinder = make_pathfinder("NPL")
    adopted = make_roadmap(pathfinder, actions=1, title="Adopted roadmap")
    draft = make_roadmap(pathfinder, actions=1, title="Draft roadmap", status="draft")
    (shown,) = actions_of(adopted)
    (hidden,) = actions_of(draft)
    thread = _thread_linking(
        scene,
        f"/en/countries/npl/#pf-action-{shown.pk}",
        f"/en/pathfinders/npl/roadmaps/{draft.pk}/print/#pf-action-{hidden.pk}",
    )
    page = _page(scene.partner, thread)
    assert "Adopted roadmap" in page and shown.get_absolute_url() in page
    assert "Draft roadmap" not in page
    assert page.count('class="card"') == 1
    assert "Draft roadmap" in _page(scene.secretariat, thread)


def test_a_roadmap_action_link_lands_on_the_page_that_holds_it(scene) -> None:
    pathfinder = make_pathfinder("NPL")
    roadmap = make_roadmap(pathfinder, actions=PRINT_PAGE_SIZE + 2)
    last = actions_of(roadmap)[-1]
    response = Client().get(last.get_absolute_url())
    assert response.status_code == 200
    assert f'id="pf-action-{last.pk}"' in response.content.decode()
    first = actions_of(roadmap)[0]
    page = Client().get(first.get_absolute_url()).content.decode()
    assert f'id="pf-action-{first.pk}"' in page
    # An unknown action, or a bad one, is the first page.
    printed = f"/en/pathfinders/npl/roadmaps/{roadmap.pk}/print/"
    assert Client().get(f"{printed}?action=x").status_code == 200
    assert Client().get(f"{printed}?action=999999").status_code == 200
