"""A group's chairs edit its workplan and members through the site; the
Secretariat may too; everyone else gets the same 404 as for a missing page,
and nothing changes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from alliance87.core import permissions
from alliance87.groups import services
from alliance87.groups.models import (
    Activity,
    ActivityStatus,
    Group,
    Membership,
    NextStep,
    WorkplanArea,
    current_q,
)
from alliance87.partners.models import Organisation, Person
from alliance87.testing.factories import World, make_group
from alliance87.testing.pages import problems_of
from alliance87.testing.personas import make_chair, make_user
from alliance87.testing.translations import in_each_language

pytestmark = pytest.mark.django_db


@dataclass
class Scene:
    group: Group
    chair: Any
    area: WorkplanArea
    activity: Activity
    step: NextStep
    membership: Membership
    member_person: Person
    iom: Organisation
    unicef: Organisation
    france: Organisation


@pytest.fixture
def scene(world: World, personas) -> Scene:
    """The migration group, chaired by IOM (its named representative has an
    account), with UNICEF as a member, one area, one activity, one step."""
    for org in (world.iom, world.unicef):
        org.is_partner = True
        org.save(update_fields=["is_partner"])
    group = world.migration
    chair = make_chair(group, world.iom, "ines-chair", role="co_chair")
    area = services.save_workplan_area(
        WorkplanArea(group=group, title="Research agenda"), acting_user=None
    )
    activity = services.save_activity(
        Activity(group=group, area=area, title="Literature review"), acting_user=None
    )
    step = services.save_next_step(
        NextStep(group=group, text="Circulate the draft"), acting_user=None
    )
    member_person = Person.objects.create(
        slug="uma-unicef", name="Uma Unicef", organisation=world.unicef
    )
    membership = services.add_member(
        group, organisation=world.unicef, representatives=[member_person], acting_user=None
    )
    return Scene(
        group=group,
        chair=chair,
        area=area,
        activity=activity,
        step=step,
        membership=membership,
        member_person=member_person,
        iom=world.iom,
        unicef=world.unicef,
        france=world.france,
    )


def snapshot(group: Group) -> tuple[Any, ...]:
    """Return everything the editing pages may change, to compare."""
    return (
        list(WorkplanArea.objects.filter(group=group).values_list("pk", "title_en", "order")),
        list(
            Activity.objects.filter(group=group).values_list(
                "pk", "title_en", "area_id", "status", "percent_done", "next_steps_en"
            )
        ),
        list(Activity.owners.through.objects.values_list("activity_id", "organisation_id")),
        list(NextStep.objects.filter(group=group).values_list("pk", "text_en", "done")),
        list(
            Membership.objects.filter(group=group).values_list("pk", "organisation_id", "ends_on")
        ),
        list(Membership.representatives.through.objects.values_list("membership_id", "person_id")),
    )


def write_requests(scene: Scene) -> list[tuple[str, dict[str, Any]]]:
    """Return every write page with data that would change something."""
    base = f"/en/groups/{scene.group.slug}"
    activity = {
        "title": "Changed",
        "status": ActivityStatus.IN_PROGRESS,
        "percent_done": "40",
        "date_precision": "day",
        "visibility": "public",
        "owners": [scene.france.pk],
    }
    return [
        (f"{base}/workplan/areas/new/", {"title": "New area"}),
        (f"{base}/workplan/areas/{scene.area.pk}/edit/", {"title": "Changed"}),
        (f"{base}/workplan/activities/new/", activity),
        (f"{base}/workplan/activities/{scene.activity.pk}/edit/", activity),
        (
            f"{base}/workplan/activities/{scene.activity.pk}/progress/",
            {"status": ActivityStatus.IN_PROGRESS, "percent_done": "60"},
        ),
        (f"{base}/workplan/next-steps/new/", {"text": "New step"}),
        (f"{base}/workplan/next-steps/{scene.step.pk}/edit/", {"text": "Changed", "done": "on"}),
        (f"{base}/workplan/next-steps/{scene.step.pk}/remove/", {}),
        (f"{base}/members/", {"organisation": scene.france.pk, "role": "member"}),
        (
            f"{base}/members/{scene.membership.pk}/end/",
            {"ends_on": timezone.localdate().isoformat()},
        ),
        (f"{base}/members/{scene.membership.pk}/representatives/", {"representatives": []}),
    ]


def edit_pages(scene: Scene) -> list[str]:
    return [f"/en/groups/{scene.group.slug}/workplan/"] + [url for url, _ in write_requests(scene)]


# --- The chair -------------------------------------------------------------


def test_the_group_page_links_its_chair_to_the_editing_pages(scene: Scene, client: Client):
    client.force_login(scene.chair)
    html = client.get("/en/groups/migration/").content.decode()
    assert 'href="/en/groups/migration/workplan/"' in html
    assert "Edit the workplan" in html
    assert 'href="/en/groups/migration/members/"' in html


def test_the_group_page_offers_no_editing_to_a_partner(scene: Scene, personas, client: Client):
    client.force_login(personas.partner)
    html = client.get("/en/groups/migration/").content.decode()
    assert "Edit the workplan" not in html
    assert "/workplan/" not in html


def test_the_chair_opens_every_editing_page(scene: Scene, client: Client):
    client.force_login(scene.chair)
    for url in edit_pages(scene):
        assert client.get(url).status_code == 200, url


def test_the_chair_adds_and_renames_a_workplan_area(scene: Scene, client: Client):
    client.force_login(scene.chair)
    response = client.post("/en/groups/migration/workplan/areas/new/", {"title": "Policy advice"})
    assert response.status_code == 302
    assert response["Location"] == "/en/groups/migration/workplan/"
    area = WorkplanArea.objects.get(group=scene.group, title_en="Policy advice")
    assert area.order > scene.area.order
    client.post(
        f"/en/groups/migration/workplan/areas/{area.pk}/edit/", {"title": "Policy guidance"}
    )
    area.refresh_from_db()
    assert in_each_language(area, "title")[0] == "Policy guidance"
    page = client.get("/en/groups/migration/workplan/").content.decode()
    assert "The workplan area is saved." in page
    assert "Policy guidance" in page


def test_the_chair_adds_an_activity_with_owners_dates_status_and_percentage(
    scene: Scene, client: Client
):
    client.force_login(scene.chair)
    response = client.post(
        "/en/groups/migration/workplan/activities/new/",
        {
            "area": scene.area.pk,
            "title": "Regional consultation",
            "owners": [scene.iom.pk, scene.unicef.pk],
            "date_start": "2019-07-17",
            "date_precision": "month",
            "status": ActivityStatus.IN_PROGRESS,
            "percent_done": "25",
            "visibility": "public",
        },
    )
    assert response.status_code == 302
    activity = Activity.objects.get(title_en="Regional consultation")
    assert activity.group == scene.group
    assert activity.area == scene.area
    assert set(activity.owners.all()) == {scene.iom, scene.unicef}
    # A month is kept as its first day.
    assert activity.date_start == dt.date(2019, 7, 1)
    assert (activity.status, activity.percent_done) == (ActivityStatus.IN_PROGRESS, 25)
    assert "Regional consultation" in client.get("/en/groups/migration/").content.decode()


def test_the_chair_records_progress(scene: Scene, client: Client):
    client.force_login(scene.chair)
    response = client.post(
        f"/en/groups/migration/workplan/activities/{scene.activity.pk}/progress/",
        {"status": ActivityStatus.DONE, "percent_done": "100", "next_steps": "Publish it"},
        follow=True,
    )
    assert "The progress is recorded." in response.content.decode()
    scene.activity.refresh_from_db()
    assert scene.activity.status == ActivityStatus.DONE
    assert scene.activity.percent_done == 100
    assert in_each_language(scene.activity, "next_steps")[0] == "Publish it"


def test_the_chair_adds_edits_and_removes_next_steps(scene: Scene, client: Client):
    client.force_login(scene.chair)
    base = "/en/groups/migration/workplan/next-steps"
    client.post(f"{base}/new/", {"text": "Share the concept note"})
    assert NextStep.objects.filter(group=scene.group, text_en="Share the concept note").exists()
    client.post(f"{base}/{scene.step.pk}/edit/", {"text": "Circulate the draft", "done": "on"})
    scene.step.refresh_from_db()
    assert scene.step.done
    confirm = client.get(f"{base}/{scene.step.pk}/remove/")
    assert "Circulate the draft" in confirm.content.decode()
    assert NextStep.objects.filter(pk=scene.step.pk).exists()
    response = client.post(f"{base}/{scene.step.pk}/remove/", follow=True)
    assert "The next step is removed." in response.content.decode()
    assert not NextStep.objects.filter(pk=scene.step.pk).exists()


def test_the_chair_adds_a_member_sets_its_representatives_and_ends_a_membership(
    scene: Scene, client: Client
):
    client.force_login(scene.chair)
    response = client.post(
        "/en/groups/migration/members/",
        {"organisation": scene.france.pk, "role": "observer", "starts_on": "2020-01-01"},
        follow=True,
    )
    assert "Government of France is now a member." in response.content.decode()
    france = Membership.objects.get(group=scene.group, organisation=scene.france)
    assert france.role == "observer"

    diplomat = Person.objects.create(slug="dom", name="Dom Diplomat", organisation=scene.france)
    client.post(
        f"/en/groups/migration/members/{france.pk}/representatives/",
        {"representatives": [diplomat.pk]},
    )
    assert list(france.representatives.all()) == [diplomat]

    today = timezone.localdate()
    client.post(
        f"/en/groups/migration/members/{scene.membership.pk}/end/",
        {"ends_on": today.isoformat()},
    )
    scene.membership.refresh_from_db()
    assert scene.membership.ends_on == today
    assert not Membership.objects.filter(current_q(), pk=scene.membership.pk).exists()
    page = client.get("/en/groups/migration/members/").content.decode()
    assert f"/members/{scene.membership.pk}/end/" not in page
    assert f"/members/{france.pk}/end/" in page


# --- Everyone else ---------------------------------------------------------


@pytest.mark.parametrize(
    "who",
    [
        "chair_of_another_group",
        "member_not_chair",
        "colleague_of_the_chair",
        "partner",
        "outsider",
        "anonymous",
    ],
)
def test_everyone_else_gets_404_and_changes_nothing(
    scene: Scene, personas, client: Client, who: str
):
    if who == "chair_of_another_group":
        other = make_group("supply-chains", "Action Group on Supply Chains")
        client.force_login(make_chair(other, scene.unicef, "sam-other-chair"))
    elif who == "member_not_chair":
        # Represents UNICEF, a member of the group: a member, not a chair.
        user = make_user("uma")
        scene.member_person.user = user
        scene.member_person.save(update_fields=["user"])
        client.force_login(user)
    elif who == "colleague_of_the_chair":
        # Works for IOM, the chairing organisation, but is not named.
        user = make_user("colin-colleague")
        Person.objects.create(slug="colin", name="Colin", organisation=scene.iom, user=user)
        client.force_login(user)
    elif who != "anonymous":
        client.force_login(getattr(personas, who))
    before = snapshot(scene.group)
    for url in edit_pages(scene):
        assert client.get(url).status_code == 404, url
    for url, data in write_requests(scene):
        assert client.post(url, data).status_code == 404, url
    assert snapshot(scene.group) == before
    assert "Edit the workplan" not in client.get("/en/groups/migration/").content.decode()


def test_the_secretariat_may_edit_any_group(scene: Scene, personas, client: Client):
    client.force_login(personas.secretariat)
    for url in edit_pages(scene):
        assert client.get(url).status_code == 200, url
    response = client.post(
        f"/en/groups/migration/workplan/activities/{scene.activity.pk}/progress/",
        {"status": ActivityStatus.IN_PROGRESS, "percent_done": "30"},
    )
    assert response.status_code == 302
    scene.activity.refresh_from_db()
    assert scene.activity.percent_done == 30


def test_who_counts_as_a_chair(scene: Scene, world: World):
    """The named person of a current, confirmed term who still works for the
    chairing organisation; not their colleagues, not of another group."""
    assert permissions.may(scene.chair, "edit", scene.group)
    for obj in (scene.area, scene.activity, scene.step, scene.membership):
        assert permissions.may(scene.chair, "edit", obj), obj
    assert not permissions.may(scene.chair, "edit", world.gcg)

    hopeful = make_chair(world.gcg, world.france, "hope-candidate", confirmed=False)
    assert not permissions.may(hopeful, "edit", world.gcg)

    # The chair moves to another organisation: the term no longer counts.
    person = scene.chair.person
    person.organisation = world.australia
    person.save(update_fields=["organisation"])
    assert not permissions.may(scene.chair, "edit", scene.group)


def test_a_chair_whose_term_ended_may_no_longer_edit(scene: Scene):
    term = scene.group.chair_terms.get(person__user=scene.chair)
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    term.starts_on = yesterday - dt.timedelta(days=30)
    services.end_term(term, ends_on=yesterday, acting_user=None)
    assert not permissions.may(scene.chair, "edit", scene.group)


# --- Bad input ------------------------------------------------------------


def test_a_percentage_of_150_is_explained_and_changes_nothing(scene: Scene, client: Client):
    client.force_login(scene.chair)
    before = snapshot(scene.group)
    for url, data in [
        (
            f"/en/groups/migration/workplan/activities/{scene.activity.pk}/progress/",
            {"status": ActivityStatus.IN_PROGRESS, "percent_done": "150"},
        ),
        (
            f"/en/groups/migration/workplan/activities/{scene.activity.pk}/edit/",
            {
                "title": "Literature review",
                "status": ActivityStatus.IN_PROGRESS,
                "percent_done": "150",
                "date_precision": "day",
                "visibility": "public",
            },
        ),
    ]:
        response = client.post(url, data)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert 'class="error-summary"' in html
        assert "Give a percentage done between 0 and 100, or leave it empty." in html
    assert snapshot(scene.group) == before


@pytest.mark.parametrize(
    ("status", "percent", "message"),
    [
        (ActivityStatus.PLANNED, "50", "A planned activity has not started, so it is 0% done."),
        (ActivityStatus.DONE, "80", "An activity that is done is 100% done."),
        (ActivityStatus.IN_PROGRESS, "100", "An activity 100% done is done."),
    ],
)
def test_a_percentage_at_odds_with_the_status_is_explained(
    scene: Scene, client: Client, status: str, percent: str, message: str
):
    client.force_login(scene.chair)
    before = snapshot(scene.group)
    response = client.post(
        f"/en/groups/migration/workplan/activities/{scene.activity.pk}/progress/",
        {"status": status, "percent_done": percent},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert snapshot(scene.group) == before


def test_a_duplicate_member_is_refused_with_the_services_message(scene: Scene, client: Client):
    client.force_login(scene.chair)
    before = snapshot(scene.group)
    response = client.post(
        "/en/groups/migration/members/", {"organisation": scene.unicef.pk, "role": "member"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert "UNICEF is already a member of Action Group on Migration." in html
    assert snapshot(scene.group) == before


def test_a_representative_from_another_organisation_is_refused(scene: Scene, client: Client):
    client.force_login(scene.chair)
    outsider = Person.objects.create(slug="fred", name="Fred", organisation=scene.france)
    before = snapshot(scene.group)
    response = client.post(
        f"/en/groups/migration/members/{scene.membership.pk}/representatives/",
        {"representatives": [outsider.pk]},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert "Only people who work for UNICEF can represent it." in html
    assert snapshot(scene.group) == before
    # The service refuses it too, whoever calls it.
    with pytest.raises(ValidationError, match="does not work for UNICEF"):
        services.set_representatives(scene.membership, people=[outsider], acting_user=None)
    assert list(scene.membership.representatives.all()) == [scene.member_person]


def test_an_activity_cannot_sit_in_another_groups_area(scene: Scene, world: World):
    foreign = services.save_workplan_area(
        WorkplanArea(group=world.gcg, title="Seats"), acting_user=None
    )
    scene.activity.area = foreign
    with pytest.raises(ValidationError, match="this group's workplan areas"):
        services.save_activity(scene.activity, acting_user=None)


def test_an_area_of_another_group_is_not_found(scene: Scene, world: World, client: Client):
    foreign = services.save_workplan_area(
        WorkplanArea(group=world.gcg, title="Seats"), acting_user=None
    )
    client.force_login(scene.chair)
    url = f"/en/groups/migration/workplan/areas/{foreign.pk}/edit/"
    assert client.get(url).status_code == 404
    assert client.post(url, {"title": "Taken"}).status_code == 404
    foreign.refresh_from_db()
    assert in_each_language(foreign, "title")[0] == "Seats"


# --- Cost and accessibility -------------------------------------------------


def _queries_of(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_workplan_page_costs_the_same_queries_as_activities_grow(scene: Scene, client: Client):
    client.force_login(scene.chair)
    url = "/en/groups/migration/workplan/"
    _queries_of(client, url)  # Warm up: the session, the content type cache.
    few = _queries_of(client, url)
    for n in range(6):
        activity = services.save_activity(
            Activity(group=scene.group, area=scene.area, title=f"Activity {n}"),
            owners=[scene.iom, scene.unicef],
            acting_user=None,
        )
        assert activity.pk
    services.save_workplan_area(WorkplanArea(group=scene.group, title="Tools"), acting_user=None)
    assert _queries_of(client, url) == few


def test_the_editing_pages_meet_the_accessibility_rules(scene: Scene, client: Client):
    client.force_login(scene.chair)
    failing = {}
    for url in edit_pages(scene):
        found = problems_of(client.get(url).content.decode(), "en")
        if found:
            failing[url] = found
    assert not failing, failing
    # A form sent back with errors keeps the rules too.
    response = client.post(
        f"/en/groups/migration/members/{scene.membership.pk}/representatives/",
        {"representatives": ["999999"]},
    )
    assert not problems_of(response.content.decode(), "en")
    response = client.post("/en/groups/migration/members/", {"role": "member"})
    assert not problems_of(response.content.decode(), "en")


@pytest.mark.parametrize("area", ["²", "9" * 5000, "99999999999999999999999", "x"])
def test_a_new_activity_page_ignores_an_area_that_is_no_id(
    scene: Scene, client: Client, area: str
) -> None:
    client.force_login(scene.chair)
    response = client.get(f"/en/groups/migration/workplan/activities/new/?area={area}")
    assert response.status_code == 200
