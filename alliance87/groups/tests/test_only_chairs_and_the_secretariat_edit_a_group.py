"""Only a group's current chairs and the Secretariat edit it; everyone else
gets the same 404 as for a missing page, and nothing changes."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from alliance87.core import permissions
from alliance87.groups import services
from alliance87.groups.models import ActivityStatus
from alliance87.partners.models import Person
from alliance87.testing.factories import World, make_group
from alliance87.testing.group_editing import Scene, edit_pages, snapshot, write_requests
from alliance87.testing.personas import make_chair, make_user

pytestmark = pytest.mark.django_db


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
