"""Members of a group see its members-only content, through the audience
provider the groups area registers; an outsider sees nothing of it."""

from __future__ import annotations

from alliance87.core.visibility import Visibility, audience_for
from alliance87.groups.models import Activity
from alliance87.groups.services import add_member
from alliance87.testing.factories import make_group


def _members_only(world):
    private = make_group("private", "Private working group", visibility=Visibility.MEMBERS)
    Activity.objects.create(
        group=world.migration,
        title="Members-only activity",
        title_en="Members-only activity",
        visibility=Visibility.MEMBERS,
    )
    return private


def test_a_member_organisations_person_sees_members_only_content(client, personas, world):
    private = _members_only(world)
    add_member(private, organisation=personas.partner_org, acting_user=None)
    add_member(world.migration, organisation=personas.partner_org, acting_user=None)
    assert private.pk in audience_for(personas.partner).group_ids
    client.force_login(personas.partner)
    assert client.get("/en/groups/private/").status_code == 200
    assert "Members-only activity" in client.get("/en/groups/migration/").content.decode()


def test_an_outsider_does_not(client, personas, world):
    _members_only(world)
    client.force_login(personas.outsider)
    assert client.get("/en/groups/private/").status_code == 404
    assert "Members-only activity" not in client.get("/en/groups/migration/").content.decode()
    assert "Private working group" not in client.get("/en/groups/").content.decode()


def test_anonymous_does_not(client, world):
    _members_only(world)
    assert client.get("/en/groups/private/").status_code == 404
    assert "Members-only activity" not in client.get("/en/groups/migration/").content.decode()


def test_a_past_membership_no_longer_counts(personas, world):
    import datetime as dt

    from alliance87.groups.services import end_term

    private = _members_only(world)
    membership = add_member(
        private,
        organisation=personas.partner_org,
        starts_on=dt.date(2018, 1, 1),
        acting_user=None,
    )
    end_term(membership, ends_on=dt.date(2019, 1, 1), acting_user=None)
    assert private.pk not in audience_for(personas.partner).group_ids
