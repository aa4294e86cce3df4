"""The fan-out and the digests read a space's people a chunk at a time
(CHUNK, in community/notify/base.py), so that 10,000 subscribers fit in
bounded memory: across chunks they reach exactly whom one pass reached
(bench/community.py measures the memory)."""

from __future__ import annotations

import pytest

from alliance87.community import notify, services
from alliance87.community.models import Level, MailState, Notification, Space, SpaceKind
from alliance87.partners.models import Person
from alliance87.testing.personas import make_user

pytestmark = pytest.mark.django_db


def colleague(scene, name: str):
    """A person of the partner persona's organisation (a partner)."""
    user = make_user(name)
    Person.objects.create(slug=name, name=name, organisation=scene.personas.partner_org, user=user)
    return user


def heard(post) -> dict[str, tuple[str, bool, str]]:
    return {
        n.user.username: (n.reason, n.digest, n.mail)
        for n in Notification.objects.filter(post=post).select_related("user")
    }


def test_a_fan_out_in_chunks_reaches_each_person_by_their_level_and_sight(
    scene, monkeypatch
) -> None:
    monkeypatch.setattr("alliance87.community.notify.fanout.CHUNK", 2)
    people = {name: colleague(scene, name) for name in ("ada", "ben", "cy", "dee", "eve", "fay")}
    levels = {
        "ada": Level.EVERYTHING,
        "ben": Level.DIGEST,
        "cy": Level.MENTIONS,  # not mentioned: nothing
        "dee": Level.NOTHING,  # mentioned, but wants nothing
        "eve": Level.DIGEST,  # mentioned: at once
        "fay": Level.DIGEST,  # deactivated below
    }
    for name, level in levels.items():
        services.set_level(scene.commons, acting_user=people[name], level=level)
    services.set_level(scene.commons, acting_user=scene.partner, level=Level.EVERYTHING)
    # The outsider (no partner) may not see the commons, whatever their level.
    services.set_level(scene.commons, acting_user=scene.outsider, level=Level.DIGEST)
    services.set_level(scene.commons, acting_user=scene.secretariat, level=Level.EVERYTHING)
    thread = services.start_thread(
        scene.commons,
        acting_user=scene.secretariat,
        title="Chunks",
        body="For @dee, @eve and @member (who may not see the commons).",
    )
    people["fay"].is_active = False
    people["fay"].save()

    ids = notify.fan_out(thread.posts.get().pk)

    post = thread.posts.get()
    assert heard(post) == {
        "ada": ("thread", False, MailState.PENDING),
        "ben": ("thread", True, MailState.NONE),
        "eve": ("mention", False, MailState.PENDING),
        "partner": ("thread", False, MailState.PENDING),
    }
    pending = Notification.objects.filter(post=post, mail=MailState.PENDING)
    assert sorted(ids) == sorted(pending.values_list("pk", flat=True))


def test_the_digest_recipients_are_read_in_chunks_each_person_once(scene, monkeypatch) -> None:
    monkeypatch.setattr("alliance87.community.notify.digests.CHUNK", 2)
    other = services.save_space(
        Space(slug="other", name="Other", kind=SpaceKind.COMMONS), acting_user=scene.secretariat
    )
    people = [colleague(scene, f"reader{n}") for n in range(5)]
    for person in people:
        services.set_level(scene.commons, acting_user=person, level=Level.DIGEST)
    services.set_level(other, acting_user=people[0], level=Level.DIGEST)  # in two spaces
    services.set_level(other, acting_user=scene.partner, level=Level.EVERYTHING)
    people[4].is_active = False
    people[4].save()

    assert list(notify.digest_recipients()) == sorted(p.pk for p in people[:4])
