"""
A group its chair edits through the site, for the tests of group editing:
the scene, what the editing pages may change, and the requests that would
change it.
"""

from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from alliance87.groups import services
from alliance87.groups.models import (
    Activity,
    ActivityStatus,
    Group,
    Membership,
    NextStep,
    WorkplanArea,
)
from alliance87.partners.models import Organisation, Person
from alliance87.testing.factories import World
from alliance87.testing.personas import make_chair


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


def make_scene(world: World) -> Scene:
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
