"""Naming a pseudonym in a post (@"Quiet River", community/pseudonym_mentions.py):
the person behind it hears of the post, and nothing anyone else reads,
receives or is answered tells who that is."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from alliance87.api.services import create_token
from alliance87.community import moderation, notify, pseudonyms, services
from alliance87.community.models import (
    Level,
    MailState,
    Mention,
    Notification,
    Post,
    PseudonymMention,
    Reason,
    Thread,
)
from alliance87.community.tests.survivors import (
    client_of,
    leaks,
    pseudonymous_thread,
    survivor,
)
from alliance87.partners.models import Person
from alliance87.partners.services import save_person

pytestmark = pytest.mark.django_db


def told(user: Any, post: Post) -> list[str]:
    return list(Notification.objects.filter(user=user, post=post).values_list("reason", flat=True))


def reply_naming(thread: Thread, user: Any, body: str) -> Post:
    posted = services.reply(thread, acting_user=user, body=body)
    notify.fan_out(posted.pk)
    return posted


def refusal(thread: Thread, user: Any, body: str) -> str:
    with pytest.raises(ValidationError) as caught:
        services.reply(thread, acting_user=user, body=body)
    return " ".join(caught.value.messages)


def test_a_pseudonym_named_in_its_thread_tells_the_person_behind_it(scene, settings) -> None:
    settings.REPLY_EMAIL_DOMAIN = "reply.example.org"
    user = survivor(scene)
    thread = pseudonymous_thread(scene, user)
    posted = reply_naming(thread, scene.partner, 'Thank you, @"quiet  RIVER".')
    assert list(PseudonymMention.objects.filter(post=posted).values_list("pseudonym__name")) == [
        ("Quiet River",)
    ]
    # What is recorded is the pseudonym: no mention of the account.
    assert not Mention.objects.filter(post=posted).exists()
    row = Notification.objects.get(user=user, post=posted)
    assert (row.reason, row.mail) == (Reason.PSEUDONYM, MailState.PENDING)
    email = notify.compose(row)
    assert email.to == [user.email]
    assert "mentioned your pseudonym" in email.body
    assert "signed as your last post in the thread was" in email.body
    inbox = client_of(user).get("/en/community/inbox/").content.decode()
    assert "Your pseudonym was mentioned" in inbox


def test_what_others_read_and_receive_shows_nothing_of_the_account(scene) -> None:
    user = survivor(scene)
    services.join_space(scene.commons, acting_user=scene.secretariat)
    thread = pseudonymous_thread(scene, user)
    posted = reply_naming(thread, scene.partner, 'Thank you, @"Quiet River".')
    _token, secret = create_token(
        scene.outsider, name="test", scope="read", days=1, acting_user=None
    )
    api = {"Authorization": f"Bearer {secret}"}
    slug = scene.commons.slug
    for reader in (scene.partner, scene.outsider):
        for url in (
            thread.get_absolute_url(),
            f"/en/community/posts/{posted.pk}/history/",
            f"/api/v1/community/spaces/{slug}/threads/{thread.pk}/posts",
        ):
            response = client_of(reader).get(url, headers=api if "/api/" in url else {})
            assert response.status_code in (200, 404), url
            assert leaks(response.content.decode(), user) == [], url
    # The others told of the reply: by the reply, never by the mention.
    others = Notification.objects.filter(post=posted).exclude(user=user)
    assert {row.reason for row in others} == {Reason.REPLY}
    for row in others:
        assert leaks(notify.compose(row).message().as_string(), user) == []


def test_a_person_named_by_name_and_by_pseudonym_is_told_once_as_named(scene) -> None:
    user = survivor(scene)
    thread = pseudonymous_thread(scene, user)
    posted = reply_naming(thread, scene.partner, f'@{user.username} and @"Quiet River"')
    assert told(user, posted) == [Reason.MENTION]


def test_the_person_behind_is_not_told_of_their_own_post(scene) -> None:
    user = survivor(scene)
    thread = pseudonymous_thread(scene, user)
    posted = services.reply(thread, acting_user=user, body='As @"Quiet River" said')
    notify.fan_out(posted.pk)
    assert told(user, posted) == []


def test_a_pseudonym_not_shown_in_the_thread_is_refused_in_the_same_words(scene) -> None:
    user = survivor(scene)
    thread = pseudonymous_thread(scene, user)
    elsewhere = services.start_thread(
        scene.commons, acting_user=scene.partner, title="Elsewhere", body="No pseudonym here"
    )
    # "Quiet River" writes on the Hub, but not in `elsewhere`; "Nobody Here"
    # was never chosen; in a new thread no pseudonym writes yet.
    refused = {
        name: refusal(where, scene.partner, f'Hello @"{name}"').replace(name, "NAME")
        for name, where in (
            ("Quiet River", elsewhere),
            ("Nobody Here", elsewhere),
            ("Nobody Else", thread),
        )
    }
    with pytest.raises(ValidationError) as caught:
        services.start_thread(
            scene.commons, acting_user=scene.partner, title="New", body='@"Quiet River"'
        )
    refused["new thread"] = " ".join(caught.value.messages).replace("Quiet River", "NAME")
    assert len(set(refused.values())) == 1, refused
    assert "No one writes in this thread under the pseudonym" in refused["new thread"]


def test_a_pseudonym_whose_only_post_is_hidden_is_refused_to_whom_cannot_read_it(
    scene,
) -> None:
    user = survivor(scene)
    thread = services.start_thread(
        scene.commons, acting_user=scene.partner, title="Ask", body="A question"
    )
    pseudonyms.choose_pseudonym(acting_user=user, name="Quiet River")
    hidden = services.reply(thread, acting_user=user, body="Mine", under_pseudonym=True)
    moderation.hide_post(hidden, acting_user=scene.secretariat, reason="Off topic")
    as_never_chosen = refusal(thread, scene.partner, '@"Nobody Here"').replace("Nobody Here", "N")
    assert refusal(thread, scene.partner, '@"Quiet River"').replace("Quiet River", "N") == (
        as_never_chosen
    )
    # The Secretariat, which reads the hidden post, may name it.
    services.reply(thread, acting_user=scene.secretariat, body='@"Quiet River"')


def _post_reply(scene: Any, thread: Thread) -> tuple[int, str, int]:
    client = client_of(scene.partner)
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            f"/en/community/{scene.commons.slug}/{thread.pk}/reply/",
            {"body": 'Thanks, @"Quiet River"'},
        )
    location = response.headers.get("Location", "").split("#")[0]
    # The fan-out, which runs in the background after the answer.
    notify.fan_out(Post.objects.filter(author=scene.partner).latest("created", "pk").pk)
    return response.status_code, location, len(queries)


def test_the_author_is_answered_alike_whoever_is_behind_and_whether_they_are_told(
    scene,
) -> None:
    """Told, at the level "nothing", gone from the survivor-led
    organisation, or with an account closed: the author's answer (status,
    address, queries) is the same."""
    user = survivor(scene)
    thread = pseudonymous_thread(scene, user)
    # The partner's first reply joins them to the space: not compared.
    services.reply(thread, acting_user=scene.partner, body="Joining in")
    answers = [_post_reply(scene, thread)]
    services.set_level(scene.commons, acting_user=user, level=Level.NOTHING)
    answers.append(_post_reply(scene, thread))
    person = Person.objects.get(user=user)
    person.organisation = None
    save_person(person, acting_user=scene.secretariat)
    answers.append(_post_reply(scene, thread))
    user.is_active = False
    user.save(update_fields=["is_active"])
    answers.append(_post_reply(scene, thread))
    assert answers[0][0] == 302
    assert len(set(answers)) == 1, answers
    replies = list(Post.objects.filter(thread=thread, author=scene.partner))[1:]
    # Told the first time only (then "nothing", then closed); nothing else
    # differs for anyone but them.
    assert [told(user, p) for p in replies] == [[Reason.PSEUDONYM], [], [], []]


def test_the_back_office_lists_no_notification_that_ties_an_account_to_a_pseudonym(
    scene,
) -> None:
    user = survivor(scene)
    thread = pseudonymous_thread(scene, user)
    named = reply_naming(thread, scene.partner, '@"Quiet River"')
    reply_naming(thread, user, "An ordinary reply, @partner")
    opening = thread.posts.order_by("created", "pk")[0]
    moderation.hide_post(opening, acting_user=scene.secretariat, reason="Off topic")
    assert told(user, named) == [Reason.PSEUDONYM]
    assert told(user, opening) == [Reason.HIDDEN]
    scene.secretariat.is_superuser = True
    scene.secretariat.save()
    listing = client_of(scene.secretariat).get("/admin/community/notification/")
    assert listing.status_code == 200
    text = listing.content.decode()
    assert "You were mentioned" in text  # the partner's, named by name
    assert user.username not in text
    for row in Notification.objects.filter(user=user):
        page = client_of(scene.secretariat).get(f"/admin/community/notification/{row.pk}/change/")
        assert page.status_code == 302, row.reason  # "not found", to the index
