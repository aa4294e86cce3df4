"""Pseudonyms (issue 13, item 7): members of survivor-led organisations may
post under a pseudonym that only the Secretariat can link to their account.
Who may, the name's rules, the choice per thread and per post, every way a
post leaves the Hub showing the pseudonym and nothing of the account,
personal data and erasure (the moderators' pages, the Secretariat's audited
look and a safeguarding report: test_pseudonyms_who_links_them.py). (The
visibility matrix's kind `pseudonym` asks every page, list, search and API
answer as every persona.)"""

from __future__ import annotations

import json
from email.message import EmailMessage
from email.utils import make_msgid

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance87.accounts import personal_data as account_data
from alliance87.accounts import services as accounts
from alliance87.api.services import create_token
from alliance87.community import (
    inbound,
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
)
from alliance87.community.tests.survivors import (
    client_of,
    leaks,
    pseudonymous_thread,
    survivor,
)
from alliance87.partners.models import Person
from alliance87.partners.services import save_person
from alliance87.search.index import rebuild
from alliance87.testing.personas import verified

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
