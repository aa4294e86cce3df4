"""Who sees what: `visible_to` on organisations and people."""

from __future__ import annotations

from typing import Any

import pytest

from alliance87.core import hooks, visibility
from alliance87.core.visibility import Visibility
from alliance87.partners.models import Organisation, Person
from alliance87.partners.services import save_organisation
from alliance87.testing.factories import make_organisation
from alliance87.testing.personas import Personas, make_user

pytestmark = pytest.mark.django_db


def make_content(personas: Personas) -> dict[tuple[str, str], Any]:
    """Return one organisation and one person at each visibility level."""
    content: dict[tuple[str, str], Any] = {}
    for level in Visibility.values:
        content["organisation", level] = make_organisation(
            f"org-{level}", f"Organisation ({level})", visibility=level
        )
        content["person", level] = Person.objects.create(
            slug=f"person-{level}",
            name=f"Person ({level})",
            organisation=personas.partner_org,
            visibility=level,
        )
    return content


def visible_organisations(user: Any) -> set[str]:
    return set(
        Organisation.objects.visible_to(user)
        .filter(slug__startswith="org-")
        .values_list("slug", flat=True)
    )


def visible_people(user: Any) -> set[str]:
    return set(
        Person.objects.visible_to(user)
        .filter(slug__startswith="person-")
        .values_list("slug", flat=True)
    )


def former_staff() -> Any:
    user = make_user("former-staff", staff=True)
    user.is_active = False
    user.save()
    return user


class TestVisibleTo:
    def test_anonymous_sees_public_organisations_only(self, personas: Personas) -> None:
        make_content(personas)
        assert visible_organisations(personas.anonymous) == {"org-public"}

    def test_anonymous_sees_public_people_only(self, personas: Personas) -> None:
        make_content(personas)
        assert visible_people(personas.anonymous) == {"person-public"}

    def test_outsider_does_not_see_partners_organisations(self, personas: Personas) -> None:
        make_content(personas)
        assert visible_organisations(personas.outsider) == {"org-public"}

    def test_outsider_does_not_see_partners_people(self, personas: Personas) -> None:
        make_content(personas)
        assert visible_people(personas.outsider) == {"person-public"}

    def test_partner_sees_partners_only_organisation(self, personas: Personas) -> None:
        make_content(personas)
        assert visible_organisations(personas.partner) == {"org-public", "org-partners"}

    def test_partner_sees_partners_only_person(self, personas: Personas) -> None:
        make_content(personas)
        assert visible_people(personas.partner) == {"person-public", "person-partners"}

    def test_secretariat_sees_every_organisation(self, personas: Personas) -> None:
        make_content(personas)
        assert visible_organisations(personas.secretariat) == {
            f"org-{level}" for level in Visibility.values
        }

    def test_secretariat_sees_every_person(self, personas: Personas) -> None:
        make_content(personas)
        assert visible_people(personas.secretariat) == {
            f"person-{level}" for level in Visibility.values
        }

    def test_inactive_staff_sees_public_only(self, personas: Personas) -> None:
        make_content(personas)
        user = former_staff()
        assert visible_organisations(user) == {"org-public"}
        assert visible_people(user) == {"person-public"}

    def test_deactivated_partner_sees_public_only(self, personas: Personas) -> None:
        make_content(personas)
        personas.partner.is_active = False
        personas.partner.save()
        assert visible_organisations(personas.partner) == {"org-public"}
        assert visible_people(personas.partner) == {"person-public"}

    def test_member_of_partner_that_lost_its_standing_sees_public_only(
        self, personas: Personas
    ) -> None:
        make_content(personas)
        personas.partner_org.is_partner = False
        save_organisation(personas.partner_org, acting_user=None)
        assert visible_organisations(personas.partner) == {"org-public"}

    def test_none_user_sees_public_only(self, personas: Personas) -> None:
        make_content(personas)
        assert visible_organisations(None) == {"org-public"}


class TestMembersLevel:
    """Organisations and people belong to no group: with no group field,
    members-level rows are for the secretariat alone."""

    def test_members_content_is_hidden_from_everyone_but_the_secretariat(
        self, personas: Personas
    ) -> None:
        content = make_content(personas)
        org = content["organisation", Visibility.MEMBERS]
        person = content["person", Visibility.MEMBERS]
        for user in (personas.anonymous, personas.outsider, personas.partner):
            assert not Organisation.objects.visible_to(user).filter(pk=org.pk).exists()
            assert not Person.objects.visible_to(user).filter(pk=person.pk).exists()
        assert Organisation.objects.visible_to(personas.secretariat).filter(pk=org.pk).exists()
        assert Person.objects.visible_to(personas.secretariat).filter(pk=person.pk).exists()

    def test_group_membership_does_not_open_content_that_has_no_group(
        self, personas: Personas
    ) -> None:
        content = make_content(personas)
        # A provider, as the groups area registers, that puts the user in
        # groups 1 to 3.
        with hooks.AUDIENCE_PROVIDERS.registered(lambda user: {"group_ids": {1, 2, 3}}):
            user = make_user("group-member")
            org = content["organisation", Visibility.MEMBERS]
            assert visibility.audience_for(user).group_ids == {1, 2, 3}
            assert not Organisation.objects.visible_to(user).filter(pk=org.pk).exists()


@pytest.mark.parametrize("label", ["report", "data", "slack"])
def test_an_upload_being_imported_is_the_secretariats_alone(
    personas: Personas, label: str
) -> None:
    """The imports' rows (visibility.SecretariatOnlyQuerySet): every row
    for the Secretariat, none for anyone else, signed in or not."""
    from alliance87.community.models import SlackImport
    from alliance87.data.models import ImportRun
    from alliance87.reports.models import ReportImport

    model: Any = {"report": ReportImport, "data": ImportRun, "slack": SlackImport}[label]
    row = model.objects.create(file_name="upload.txt")
    assert list(model.objects.visible_to(personas.secretariat)) == [row]
    for user in (personas.partner, personas.outsider, personas.anonymous, None):
        assert not model.objects.visible_to(user).exists()


def test_counts_kept_per_level_sum_the_levels_each_audience_sees_or_none():
    """A count kept per visibility level may be summed over
    `visible_levels` only where that is exactly what `visible_q` admits:
    members of a group see members-only rows by their group, which a
    level alone cannot say."""
    from alliance87.core.visibility import Audience, visible_levels

    anonymous, partner = Audience(), Audience(is_partner=True)
    secretariat = Audience(is_secretariat=True, is_partner=True)
    member = Audience(is_partner=True, group_ids=frozenset({3}))
    assert visible_levels(anonymous) == ["public"]
    assert visible_levels(partner) == ["public", "partners"]
    assert visible_levels(secretariat) == list(Visibility.values)
    # Without a group field, members-only rows are the Secretariat's.
    assert visible_levels(member) == ["public", "partners"]
    assert visible_levels(member, group_field="group") is None
    assert visible_levels(partner, group_field="group") == ["public", "partners"]
