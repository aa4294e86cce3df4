"""Pseudonyms (issue 13, item 7): members of survivor-led organisations may
post under a pseudonym that only the Secretariat can link to their account.
Who may, the name's rules, the choice per thread and per post, every way a
post leaves the Hub showing the pseudonym and nothing of the account, the
moderators' pages, the Secretariat's audited look, a safeguarding report,
personal data and erasure. (The visibility matrix's kind `pseudonym` asks
every page, list, search and API answer as every persona.)"""

from __future__ import annotations

import json
from email.message import EmailMessage
from email.utils import make_msgid
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance87.accounts import personal_data as account_data
from alliance87.accounts import services as accounts
from alliance87.api.services import create_token
from alliance87.community import (
    inbound,
    moderation,
    notify,
    pseudonyms,
    reply_address,
    services,
)
from alliance87.community.models import (
    Notification,
    Post,
    Preferences,
    Pseudonym,
    Suspension,
)
from alliance87.community.tests.survivors import (
    client_of,
    leaks,
    pseudonymous_thread,
    survivor,
)
from alliance87.partners.models import Person
from alliance87.partners.services import save_person
from alliance87.safeguarding import services as safeguarding
from alliance87.search.index import rebuild
from alliance87.testing.personas import make_user, verified

pytestmark = pytest.mark.django_db


# --- Who may, and the name ------------------------------------------------------------


def test_a_member_of_a_survivor_led_organisation_chooses_a_pseudonym(scene) -> None:
    user = survivor(scene)
    assert pseudonyms.may_use_pseudonym(user)
    response = client_of(user).post("/en/community/pseudonym/", {"name": "  Quiet   River "})
    assert response.status_code == 302
    assert Pseudonym.objects.get(user=user).name == "Quiet River"
    # Changed: the posts follow the new name.
    pseudonyms.choose_pseudonym(acting_user=user, name="Still Water")
    assert Pseudonym.objects.get(user=user).name == "Still Water"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Qu", "3 to 40 characters"),
        ("x" * 41, "3 to 40 characters"),
        ("@quiet", "letters, digits"),
        ("<b>Quiet</b>", "letters, digits"),
        ("1234", "letters, digits"),
        ("The Secretariat", "role of the Hub"),
        ("Amara speaks", "your own name"),
        ("partner", "name of someone on the Hub"),
        ("quiet river", "already posts under this pseudonym"),
    ],
)
def test_a_pseudonym_is_refused_with_a_message_that_says_why(scene, name, message) -> None:
    other = survivor(scene, "bisi")
    pseudonyms.choose_pseudonym(acting_user=other, name="Quiet River")
    user = survivor(scene)
    with pytest.raises(ValidationError) as refused:
        pseudonyms.choose_pseudonym(acting_user=user, name=name)
    assert message in " ".join(refused.value.messages)
    response = client_of(user).post("/en/community/pseudonym/", {"name": name})
    assert response.status_code == 400
    assert not Pseudonym.objects.filter(user=user).exists()


def test_someone_not_in_a_survivor_led_organisation_cannot_post_under_a_pseudonym(
    scene,
) -> None:
    for person in (scene.partner, scene.member, scene.outsider, scene.secretariat):
        assert not pseudonyms.offer(person).may_use
        assert not pseudonyms.may_use_pseudonym(person)
        with pytest.raises(ValidationError):
            pseudonyms.choose_pseudonym(acting_user=person, name="Hidden Voice")
        assert (
            client_of(person)
            .post("/en/community/pseudonym/", {"name": "Hidden Voice"})
            .status_code
            == 404
        )
    with pytest.raises(ValidationError) as refused:
        services.start_thread(
            scene.commons, acting_user=scene.partner, title="T", body="B", under_pseudonym=True
        )
    assert "survivor-led organisation" in " ".join(refused.value.messages)
    # The forms offer nothing to choose.
    page = client_of(scene.partner).get(f"/en/community/{scene.commons.slug}/new/")
    assert "under_pseudonym" not in page.content.decode()
    assert not Pseudonym.objects.exists()


def test_leaving_the_survivor_led_organisation_stops_new_pseudonymous_posts(scene) -> None:
    user = survivor(scene)
    thread = pseudonymous_thread(scene, user)
    person = Person.objects.get(user=user)
    person.organisation = scene.personas.partner_org  # moves to a partner that is not one
    save_person(person, acting_user=scene.secretariat)
    assert not pseudonyms.may_use_pseudonym(user)
    with pytest.raises(ValidationError):
        services.reply(thread, acting_user=user, body="Again", under_pseudonym=True)
    # A reply by email (no choice said) is refused rather than signed with
    # their name in a thread they wrote in under the pseudonym.
    with pytest.raises(ValidationError) as refused:
        services.reply(thread, acting_user=user, body="By email")
    assert "may no longer use" in " ".join(refused.value.messages)
    # What they wrote stays under the pseudonym; the thread page says what
    # a reply would now be signed with, and offers no pseudonym.
    page = client_of(user).get(thread.get_absolute_url()).content.decode()
    assert "Quiet River" in page
    assert "may no longer use" in page
    assert 'name="under_pseudonym"' not in page
    assert Post.objects.filter(thread=thread, pseudonym__isnull=False).count() == 1


# --- Per thread, per post -------------------------------------------------------------


def test_the_choice_is_made_per_thread_and_per_post(scene) -> None:
    user = survivor(scene)
    thread = pseudonymous_thread(scene, user)
    assert thread.pseudonym is not None
    client = client_of(user)
    # The reply form offers the pseudonym, ticked as the last post here was.
    page = client.get(thread.get_absolute_url()).content.decode()
    assert 'name="under_pseudonym"' in page
    assert 'name="under_pseudonym" id="id_under_pseudonym" checked' in page or (
        "checked" in page.split('name="under_pseudonym"')[1][:80]
    )
    client.post(f"{thread.get_absolute_url()}reply/", {"body": "Signed with my name"})
    client.post(
        f"{thread.get_absolute_url()}reply/",
        {"body": "Under it again", "under_pseudonym": "on"},
    )
    signed = dict(Post.objects.filter(thread=thread).values_list("body", "pseudonym_id"))
    assert signed["Signed with my name"] is None
    assert signed["Under it again"] == thread.pseudonym_id
    # A new thread under their own name.
    other = services.start_thread(scene.commons, acting_user=user, title="Named", body="Me")
    assert other.pseudonym is None and other.posts.get().pseudonym is None


def test_a_reply_by_email_is_signed_as_the_last_post_in_the_thread(scene) -> None:
    user = survivor(scene)
    thread = pseudonymous_thread(scene, user)
    by_mail = services.reply(thread, acting_user=user, body="From my phone")
    assert by_mail.pseudonym_id == thread.pseudonym_id
    named = services.start_thread(scene.commons, acting_user=user, title="Named", body="Me")
    assert services.reply(named, acting_user=user, body="From my phone").pseudonym_id is None


# --- Every way a post is shown ----------------------------------------------------------


def test_every_way_out_shows_the_pseudonym_and_nothing_of_the_account(scene) -> None:
    user = survivor(scene)
    services.join_space(scene.commons, acting_user=scene.partner)
    thread = pseudonymous_thread(scene, user)
    post = thread.posts.get()
    services.reply(thread, acting_user=user, body="A reply, @partner", under_pseudonym=True)
    reply_post = Post.objects.filter(thread=thread).latest("created", "pk")
    services.edit_post(post, acting_user=user, body="Words I rewrote under a pseudonym")
    rebuild()
    reader = client_of(scene.partner)
    slug = scene.commons.slug
    pages = {
        "thread": thread.get_absolute_url(),
        "space": f"/en/community/{slug}/",
        "history": f"/en/community/posts/{post.pk}/history/",
        "inbox": "/en/community/inbox/",
        "search": "/en/search/?q=rewrote",
        "flag": f"/en/community/posts/{post.pk}/flag/",
        "api-threads": f"/api/v1/community/spaces/{slug}/threads",
        "api-thread": f"/api/v1/community/spaces/{slug}/threads/{thread.pk}",
        "api-posts": f"/api/v1/community/spaces/{slug}/threads/{thread.pk}/posts",
    }
    notify.fan_out(post.pk)
    notify.fan_out(reply_post.pk)
    _token, secret = create_token(
        scene.partner, name="test", scope="read", days=1, acting_user=None
    )
    api = {"Authorization": f"Bearer {secret}"}
    for name, url in pages.items():
        response = reader.get(url, headers=api if url.startswith("/api/") else {})
        assert response.status_code == 200, name
        text = response.content.decode()
        if name != "search":
            assert "Quiet River" in text, name
        assert leaks(text, user) == [], name
    assert "rewrote" in reader.get(pages["search"]).content.decode()
    # The email at once (a reply, a mention) and the digest.
    for row in Notification.objects.filter(user=scene.partner):
        email = notify.compose(row)
        message = email.message().as_string()
        assert "Quiet River" in email.body
        assert leaks(message, user) == []
    prefs = notify.preferences_of(scene.partner)
    items = list(
        Notification.objects.filter(user=scene.partner).select_related(
            "post__author", "post__pseudonym", "post__thread__space"
        )
    )
    digest = notify.digest_message(
        Preferences.objects.get(pk=prefs.pk), items, timezone.now(), timezone.now()
    )
    assert "Quiet River" in digest.body
    assert leaks(digest.message().as_string(), user) == []


def test_the_author_sees_which_of_their_posts_are_under_their_pseudonym(scene) -> None:
    user = survivor(scene)
    thread = pseudonymous_thread(scene, user)
    own = client_of(user).get(thread.get_absolute_url()).content.decode()
    assert "Your pseudonym" in own
    assert (
        "Your pseudonym"
        not in client_of(scene.partner).get(thread.get_absolute_url()).content.decode()
    )


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


# --- Personal data ----------------------------------------------------------------------


def test_the_data_export_gives_the_pseudonym_and_marks_the_posts_under_it(scene) -> None:
    user = survivor(scene)
    pseudonymous_thread(scene, user)
    data = json.loads(json.dumps(account_data.collect(user), default=str))
    community = data["community"]
    assert community["pseudonym"]["name"] == "Quiet River"
    assert [p["under_pseudonym"] for p in community["posts"]] == [True]
    assert "Quiet River" not in json.dumps(account_data.collect(scene.partner), default=str)


def test_erasure_takes_the_pseudonym_away_and_its_posts_stay_unsigned(scene) -> None:
    user = survivor(scene)
    thread = pseudonymous_thread(scene, user)
    erasure = accounts.request_erasure(user, acting_user=user)
    accounts.erase(erasure, acting_user=scene.secretariat)
    assert not Pseudonym.objects.exists()
    post = thread.posts.get()
    assert post.author is None and post.pseudonym is None
    page = client_of(scene.partner).get(thread.get_absolute_url()).content.decode()
    assert "A former participant" in page and "Quiet River" not in page


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=st.text(max_size=60))
def test_any_name_typed_is_taken_or_refused_with_a_message_never_an_error(scene, name) -> None:
    user = Person.objects.filter(slug="fuzz-person").first()
    account = user.user if user else survivor(scene, "fuzz")
    response = client_of(account).post("/en/community/pseudonym/", {"name": name})
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert 'id="id_name_error"' in response.content.decode()


def test_an_emailed_reply_keeps_the_pseudonym_and_is_bounced_once_it_may_not(
    scene, settings
) -> None:
    settings.REPLY_EMAIL_DOMAIN = "reply.hub.test"
    user = survivor(scene)
    verified(user)
    thread = pseudonymous_thread(scene, user)
    to = f"reply+{reply_address.make_token(user, thread)}@reply.hub.test"

    def mail(body: str) -> bytes:
        message = EmailMessage()
        message["From"] = f"Someone <{user.email}>"
        message["To"] = to
        message["Subject"] = "Re: What helped me"
        message["Message-ID"] = make_msgid(domain="mail.example.org")
        message.set_content(body)
        return bytes(message)

    posted = inbound.receive(mail("From my phone"))
    assert posted.status == "posted" and posted.post_id is not None
    assert Post.objects.get(pk=posted.post_id).pseudonym_id == thread.pseudonym_id
    person = Person.objects.get(user=user)
    person.organisation = scene.personas.partner_org  # a partner, not survivor-led
    save_person(person, acting_user=scene.secretariat)
    refused = inbound.receive(mail("After I left"))
    assert refused.refused and refused.bounced
    assert "may no longer use" in refused.detail
    assert not Post.objects.filter(body__contains="After I left").exists()
