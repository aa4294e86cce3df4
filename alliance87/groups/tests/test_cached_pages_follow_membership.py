"""A signed-in member's cached group page follows their standing: once
their organisation's membership ends, the members-only workplan leaves their
page on the next request, though nothing the page lists changed."""

from __future__ import annotations

from typing import Any

from pytest_django import DjangoCaptureOnCommitCallbacks

from alliance87.core.visibility import Visibility
from alliance87.groups.models import Activity, Group, GroupKind, Membership
from alliance87.groups.services import save_activity, save_group
from alliance87.testing.personas import make_member


def test_a_former_member_is_not_served_the_members_copy(
    client: Any,
    personas: Any,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    sec = personas.secretariat
    with django_capture_on_commit_callbacks(execute=True):
        group = Group(slug="gcg", name="Global Coordinating Group", kind=GroupKind.GCG)
        group = save_group(group, acting_user=sec)
        member = make_member(group, acting_user=sec)
        title = "An activity for members only"
        activity = Activity(group=group, title=title, title_en=title)
        activity.visibility = Visibility.MEMBERS
        save_activity(activity, acting_user=sec)
    client.force_login(member)
    client.get("/en/groups/gcg/")  # sets the CSRF cookie: not kept
    assert title in client.get("/en/groups/gcg/").content.decode()
    assert client.get("/en/groups/gcg/")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        Membership.objects.filter(group=group).delete()
    response = client.get("/en/groups/gcg/")
    assert response["X-Page-Cache"] == "miss"
    assert title not in response.content.decode()
