"""@org:<slug> names an organisation in a post: recorded once, refused when
the author may not see it or the Hub has none, shown as a link to its page
only to readers who may see it, and heard of by its people as a mention is,
by their level for the space."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from alliance87.community import notify, services
from alliance87.community.models import (
    Level,
    MailState,
    Mention,
    Notification,
    OrganisationMention,
    Post,
    Reason,
    Space,
    SpaceKind,
    Thread,
)
from alliance87.core.visibility import Visibility
from alliance87.partners.models import Person
from alliance87.testing.factories import make_organisation
from alliance87.testing.personas import make_user

pytestmark = pytest.mark.django_db


def page_of(user: Any, thread: Thread) -> str:
    client = Client()
    if user.is_authenticated:
        client.force_login(user)
    response = client.get(thread.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def public_space(scene: Any) -> Space:
    return services.save_space(
        Space(slug="open", name="Open", kind=SpaceKind.COMMONS, visibility=Visibility.PUBLIC),
        acting_user=scene.secretariat,
    )


def test_a_mention_is_recorded_and_links_to_the_organisations_page(scene) -> None:
    thread = services.start_thread(
        scene.commons,
        acting_user=scene.partner,
        title="T",
        body="Thanks to @org:ituc and @org:ITUC, again.",
    )
    post = thread.posts.get()
    assert [m.organisation.slug for m in OrganisationMention.objects.filter(post=post)] == ["ituc"]
    assert not Mention.objects.filter(post=post).exists()
    page = page_of(scene.partner, thread)
    assert (
        'Thanks to <a href="/en/partners/ituc/" rel="noopener noreferrer nofollow">'
        "@International Trade Union Confederation</a> and"
    ) in page


def test_a_reader_who_may_not_see_the_organisation_reads_the_text_written(scene) -> None:
    make_organisation("quiet-ngo", "Quiet NGO", visibility=Visibility.PARTNERS)
    thread = services.start_thread(
        public_space(scene), acting_user=scene.partner, title="T", body="Ask @org:quiet-ngo."
    )
    assert '<a href="/en/partners/quiet-ngo/"' in page_of(scene.partner, thread)
    for reader in (scene.outsider, scene.personas.anonymous):
        page = page_of(reader, thread)
        assert "<p>Ask @org:quiet-ngo.</p>" in page
        assert "Quiet NGO" not in page and "/partners/quiet-ngo/" not in page


def test_an_unknown_organisation_refuses_the_post_with_its_name(scene) -> None:
    with pytest.raises(ValidationError) as refused:
        services.start_thread(
            scene.commons, acting_user=scene.partner, title="T", body="See @org:nowhere-org"
        )
    assert refused.value.message_dict["body"][0].startswith(
        "No organisation on the Hub has the address @org:nowhere-org."
    )
    assert not Thread.objects.exists()


def test_an_organisation_hidden_from_the_author_is_refused_as_an_unknown_one(scene) -> None:
    make_organisation("inner-circle", "Inner circle", visibility=Visibility.SECRETARIAT)
    with pytest.raises(ValidationError) as refused:
        services.start_thread(
            scene.commons, acting_user=scene.partner, title="T", body="See @org:inner-circle"
        )
    assert refused.value.message_dict["body"][0].startswith(
        "No organisation on the Hub has the address @org:inner-circle."
    )
    # The Secretariat sees it, and may name it.
    thread = services.start_thread(
        scene.commons, acting_user=scene.secretariat, title="T", body="See @org:inner-circle"
    )
    assert OrganisationMention.objects.filter(post__thread=thread).count() == 1
    # The partner reads the text, not a link to a page they may not open.
    assert "<p>See @org:inner-circle</p>" in page_of(scene.partner, thread)


def test_the_form_shows_the_refusal_beside_the_text_and_keeps_it(scene) -> None:
    client = Client()
    client.force_login(scene.partner)
    response = client.post(
        "/en/community/commons/new/",
        {"kind": "discussion", "title": "T", "body": "Hello @org:nowhere-org"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_body_error"' in page and "@org:nowhere-org" in page
    assert "@org: and the last part of its page" in page  # the hint


def test_people_and_organisations_are_told_apart(scene) -> None:
    thread = services.start_thread(
        scene.commons,
        acting_user=scene.secretariat,
        title="T",
        body="@partner: please ask @org:ituc, or email a@example.org",
    )
    post = thread.posts.get()
    assert [m.user for m in Mention.objects.filter(post=post)] == [scene.partner]
    assert OrganisationMention.objects.filter(post=post).count() == 1


def test_a_mention_in_code_is_not_linked(scene) -> None:
    thread = services.start_thread(
        scene.commons, acting_user=scene.partner, title="T", body="Write `@org:ituc` to name it."
    )
    assert "<code>@org:ituc</code>" in page_of(scene.partner, thread)


def test_an_edit_that_names_an_organisation_records_it(scene) -> None:
    post = services.start_thread(
        scene.commons, acting_user=scene.partner, title="T", body="Hello"
    ).posts.get()
    services.edit_post(post, acting_user=scene.partner, body="Hello @org:applicant-ngo")
    assert OrganisationMention.objects.get(post=post).organisation.slug == "applicant-ngo"
    history = Client()
    history.force_login(scene.partner)
    page = history.get(f"/en/community/posts/{post.pk}/history/").content.decode()
    assert '<a href="/en/partners/applicant-ngo/"' in page


# --- Notifications ------------------------------------------------------------------


def person_of(org: Any, username: str) -> Any:
    user = make_user(username)
    Person.objects.create(slug=username, name=username.title(), organisation=org, user=user)
    return user


def test_the_people_of_a_named_organisation_hear_of_it_by_their_level(scene) -> None:
    ituc = scene.personas.partner_org
    everything, digest, nothing = (person_of(ituc, n) for n in ("evy", "dig", "nob"))
    services.set_level(scene.commons, acting_user=digest, level=Level.DIGEST)
    services.set_level(scene.commons, acting_user=nothing, level=Level.NOTHING)
    services.set_level(scene.commons, acting_user=everything, level=Level.EVERYTHING)
    thread = services.start_thread(
        scene.commons, acting_user=scene.secretariat, title="T", body="Over to @org:ituc."
    )
    post = thread.posts.get()
    notify.fan_out(post.pk)
    rows = {n.user: n for n in Notification.objects.filter(post=post)}
    # The partner persona has not joined the space: a mention reaches them at once.
    assert rows[scene.partner].reason == Reason.ORGANISATION
    assert rows[scene.partner].mail == MailState.PENDING
    assert rows[everything].reason == Reason.ORGANISATION
    assert rows[everything].mail == MailState.PENDING
    assert rows[digest].digest and rows[digest].mail == MailState.NONE
    assert nothing not in rows
    message = notify.compose(rows[scene.partner])
    assert "mentioned your organisation in “T”:" in message.body


def test_the_people_of_a_named_organisation_who_may_not_see_the_space_hear_nothing(
    scene,
) -> None:
    # The outsider's organisation is not a partner: they do not see the commons.
    thread = services.start_thread(
        scene.commons, acting_user=scene.partner, title="T", body="Hello @org:applicant-ngo"
    )
    notify.fan_out(thread.posts.get().pk)
    assert not Notification.objects.filter(user=scene.outsider).exists()


def test_a_person_named_and_whose_organisation_is_named_hears_of_it_once(scene) -> None:
    post = services.start_thread(
        scene.commons, acting_user=scene.secretariat, title="T", body="@partner and @org:ituc"
    ).posts.get()
    notify.fan_out(post.pk)
    assert [(n.user, n.reason) for n in Notification.objects.filter(post=post)] == [
        (scene.partner, Reason.MENTION)
    ]


def test_the_author_does_not_hear_of_naming_their_own_organisation(scene) -> None:
    post = services.start_thread(
        scene.commons, acting_user=scene.partner, title="T", body="We at @org:ituc"
    ).posts.get()
    notify.fan_out(post.pk)
    assert not Notification.objects.filter(user=scene.partner).exists()
    assert Post.objects.count() == 1
