"""A group edit the services refuse is explained on the page and changes
nothing; an id that is no id is ignored."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from alliance87.groups import services
from alliance87.groups.models import ActivityStatus, WorkplanArea
from alliance87.partners.models import Person
from alliance87.testing.factories import World
from alliance87.testing.group_editing import Scene, snapshot
from alliance87.testing.translations import in_each_language

pytestmark = pytest.mark.django_db


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


@pytest.mark.parametrize("area", ["²", "9" * 5000, "99999999999999999999999", "x"])
def test_a_new_activity_page_ignores_an_area_that_is_no_id(
    scene: Scene, client: Client, area: str
) -> None:
    client.force_login(scene.chair)
    response = client.get(f"/en/groups/migration/workplan/activities/new/?area={area}")
    assert response.status_code == 200
