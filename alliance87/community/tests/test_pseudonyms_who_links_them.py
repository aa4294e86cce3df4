"""Pseudonyms (issue 13, item 7): who may link one to its account. The
moderators see the pseudonym only and suspend its author unnamed; only the
Secretariat sees who is behind it, each look audited; a safeguarding
officer reads a report about a post under it with the pseudonym alone.
(test_pseudonyms.py: who may, the name, how posts are signed and shown.)"""

from __future__ import annotations

from typing import Any

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.test import Client

from alliance87.community import inbound, moderation, pseudonyms, reply_address, services
from alliance87.community.models import InboundMessage, Pseudonym, Suspension
from alliance87.community.tests.reply_by_email_support import DOMAIN, reply_mail
from alliance87.community.tests.survivors import (
    client_of,
    leaks,
    pseudonymous_thread,
    survivor,
)
from alliance87.partners.models import Person
from alliance87.partners.services import save_person
from alliance87.safeguarding import services as safeguarding
from alliance87.testing.personas import make_user, verified

pytestmark = pytest.mark.django_db


# --- Moderators -------------------------------------------------------------------------


def moderator(scene: Any) -> Any:
    user = make_user("mona")
    save_person(
        Person(
            slug="mona", name="Mona Moderator", organisation=scene.personas.partner_org, user=user
        ),
        acting_user=scene.secretariat,
    )
    services.set_moderator(scene.commons, user, acting_user=scene.secretariat)
    return user


def test_moderators_see_the_pseudonym_only_and_suspend_its_author_unnamed(scene) -> None:
    user = survivor(scene)
    mona = moderator(scene)
    thread = pseudonymous_thread(scene, user)
    post = thread.posts.get()
    moderation.flag_post(post, acting_user=scene.partner, reason="abusive")
    client = client_of(mona)
    for url in (
        f"/en/community/{scene.commons.slug}/queue/",
        f"/en/community/posts/{post.pk}/moderate/",
    ):
        text = client.get(url).content.decode()
        assert "Quiet River" in text
        assert leaks(text, user) == [], url
    assert (
        "Who is behind it"
        not in client.get(f"/en/community/posts/{post.pk}/moderate/").content.decode()
    )
    response = client.post(
        f"/en/community/{scene.commons.slug}/suspensions/",
        {"post": post.pk, "reason": "Abusive words"},
    )
    assert response.status_code == 302
    suspension = Suspension.objects.get(user=user)
    assert suspension.pseudonym_id == post.pseudonym_id
    listed = client.get(f"/en/community/{scene.commons.slug}/suspensions/").content.decode()
    assert "Quiet River" in listed and leaks(listed, user) == []
    again = type(user).objects.get(pk=user.pk)  # a new request's account
    with pytest.raises(ValidationError):
        services.reply(thread, acting_user=again, body="Suspended", under_pseudonym=True)


def test_a_moderator_behind_a_pseudonym_is_not_told_apart_when_refused(scene) -> None:
    user = survivor(scene)
    thread = pseudonymous_thread(scene, user)
    services.set_moderator(scene.commons, user, acting_user=scene.secretariat)
    with pytest.raises(ValidationError) as refused:
        moderation.suspend(
            scene.commons,
            user,
            acting_user=scene.secretariat,
            reason="R",
            pseudonym=thread.pseudonym,
        )
    assert "moderator" not in " ".join(refused.value.messages)


# --- The Secretariat's look -----------------------------------------------------------


def test_only_the_secretariat_sees_who_is_behind_a_pseudonym_and_each_look_is_audited(
    scene,
) -> None:
    user = survivor(scene)
    mona = moderator(scene)
    thread = pseudonymous_thread(scene, user)
    pseudonym = Pseudonym.objects.get(user=user)
    reveal = f"/en/community/pseudonyms/{pseudonym.pk}/"
    for person in (scene.partner, scene.member, scene.outsider, mona, user):
        client = client_of(person)
        assert client.get("/en/community/pseudonyms/").status_code == 404
        assert client.get(reveal).status_code == 404
        assert client.post(reveal).status_code == 404
        with pytest.raises(ValidationError):
            pseudonyms.reveal(pseudonym, acting_user=person)
    assert Client().post(reveal).status_code == 302  # to the sign-in page
    accesses = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Pseudonym), action=LogEntry.Action.ACCESS
    )
    assert not accesses.exists()
    client = client_of(scene.secretariat)
    listed = client.get("/en/community/pseudonyms/").content.decode()
    assert "Quiet River" in listed and leaks(listed, user) == []
    # Asking is no look: only the button is.
    assert leaks(client.get(reveal).content.decode(), user) == []
    assert not accesses.exists()
    shown = client.post(reveal).content.decode()
    assert user.email in shown and "Survivors" in shown
    entry = accesses.get()
    assert entry.actor == scene.secretariat and entry.object_pk == str(pseudonym.pk)
    # The moderation page links the Secretariat to the look.
    page = client.get(f"/en/community/posts/{thread.posts.get().pk}/moderate/").content.decode()
    assert reveal in page


# --- Safeguarding -----------------------------------------------------------------------


def test_a_safeguarding_officer_reads_a_report_about_the_post_under_the_pseudonym(scene) -> None:
    user = survivor(scene)
    officer = make_user("olu")
    safeguarding.designate_officer(officer, acting_user=scene.secretariat)
    thread = pseudonymous_thread(scene, user)
    report = safeguarding.file_report(
        reporter=scene.partner,
        category="other",
        what_happened="Worried about them",
        post=thread.posts.get(),
        acting_user=scene.partner,
    )
    assert report.pseudonymous and report.subject_name == "Quiet River"
    text = client_of(officer).get(f"/en/safeguarding/reports/{report.pk}/").content.decode()
    assert "Quiet River" in text and "ask the Secretariat" in text
    assert leaks(text, user) == []


# --- The back office ----------------------------------------------------------------------


def test_the_back_office_names_the_pseudonym_of_a_reply_emailed_under_it(scene, settings) -> None:
    """An email received at a reply address and posted under a pseudonym
    shows the pseudonym, linked to the Secretariat's audited look, and
    neither its list, its page nor a filter names the account."""

    settings.REPLY_EMAIL_DOMAIN = DOMAIN
    user = verified(survivor(scene))
    thread = pseudonymous_thread(scene, user)
    to = reply_address.reply_address(user, thread)
    assert inbound.receive(reply_mail(to, user.email, "Thank you all")).status == "posted"
    record = InboundMessage.objects.get()
    assert record.post.pseudonym_id is not None and record.user == user
    scene.secretariat.is_superuser = True
    scene.secretariat.save()
    client = client_of(scene.secretariat)
    listing = client.get("/admin/community/inboundmessage/").content.decode()
    assert "Quiet River" in listing and leaks(listing, user) == []
    assert f"/en/community/pseudonyms/{record.post.pseudonym_id}/" in listing
    page = client.get(f"/admin/community/inboundmessage/{record.pk}/change/")
    assert page.status_code == 200
    assert leaks(page.content.decode(), user) == []
    for lookup in (f"user={user.pk}", f"user__id__exact={user.pk}", "post__author=1"):
        filtered = client.get(f"/admin/community/inboundmessage/?{lookup}")
        assert filtered.status_code == 400, lookup
    accesses = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Pseudonym), action=LogEntry.Action.ACCESS
    )
    assert not accesses.exists()


def test_the_back_office_names_the_account_of_a_reply_emailed_under_its_name(
    scene, settings
) -> None:

    settings.REPLY_EMAIL_DOMAIN = DOMAIN
    verified(scene.partner)
    thread = services.start_thread(
        scene.commons, acting_user=scene.secretariat, title="Open", body="Hello"
    )
    to = reply_address.reply_address(scene.partner, thread)
    assert inbound.receive(reply_mail(to, scene.partner.email, "Signed")).status == "posted"
    scene.secretariat.is_superuser = True
    scene.secretariat.save()
    listing = client_of(scene.secretariat).get("/admin/community/inboundmessage/")
    assert scene.partner.username in listing.content.decode()
