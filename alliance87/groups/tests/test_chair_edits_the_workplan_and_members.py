"""A group's chair edits its workplan and its members through the site."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from alliance87.groups.models import (
    Activity,
    ActivityStatus,
    Membership,
    NextStep,
    WorkplanArea,
    current_q,
)
from alliance87.partners.models import Person
from alliance87.testing.group_editing import Scene, edit_pages
from alliance87.testing.translations import in_each_language

pytestmark = pytest.mark.django_db


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
