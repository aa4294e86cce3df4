"""The record of moderation (issue 13, item 6): every decision in the
audit log under the moderator who took it, and a person's flags,
suspensions and post states in their data export."""

from __future__ import annotations

from typing import Any

import pytest
from auditlog.models import LogEntry

from alliance87.community import moderation, services
from alliance87.community.tests.moderation_support import a_thread, moderator, newcomer

pytestmark = pytest.mark.django_db


def test_every_moderation_action_is_in_the_audit_log_under_who_did_it(scene) -> None:
    mona = moderator(scene)
    nell = newcomer(scene)
    thread = a_thread(scene)
    post = services.reply(thread, acting_user=scene.secretariat, body="Reply")
    flag = moderation.flag_post(post, acting_user=nell, reason="spam")
    moderation.hide_post(post, acting_user=mona, reason="Spam")
    moderation.restore_post(post, acting_user=mona, reason="Not spam")
    held = services.reply(thread, acting_user=nell, body="Held")
    moderation.approve_post(held, acting_user=mona)
    suspension = moderation.suspend(scene.commons, nell, acting_user=mona, reason="Rude")
    moderation.lift_suspension(suspension, acting_user=mona)

    def actors(obj: Any) -> list[tuple[Any, Any]]:
        return [
            (e.actor, e.changes_dict.get("state") or e.changes_dict.get("outcome") or e.action)
            for e in LogEntry.objects.get_for_object(obj).order_by("pk")
        ]

    assert actors(flag)[0][0] == nell
    assert (mona, ["", "hidden"]) in actors(flag)
    post_steps = [a for a in actors(post) if a[0] == mona]
    assert [s for _a, s in post_steps] == [["published", "hidden"], ["hidden", "published"]]
    assert (mona, ["held", "published"]) in actors(held)
    assert [a for a, _s in actors(suspension)] == [mona, mona]


def test_a_persons_data_export_holds_their_flags_suspensions_and_post_states(scene) -> None:
    from alliance87.community.personal_data import export

    nell = newcomer(scene)
    post = a_thread(scene).posts.get()
    moderation.flag_post(post, acting_user=nell, reason="spam", note="Looks like an ad")
    moderation.suspend(scene.commons, nell, acting_user=scene.secretariat, reason="Rude")
    moderation.hide_post(post, acting_user=scene.secretariat, reason="Advertising")
    flagger = export(nell, None)
    assert [(f["reason"], f["note"], f["outcome"]) for f in flagger["flags"]] == [
        ("spam", "Looks like an ad", "hidden")
    ]
    assert [(s["space"], s["reason"]) for s in flagger["suspensions"]] == [("commons", "Rude")]
    [written] = export(scene.partner, None)["posts"]
    assert (written["state"], written["moderator_reason"]) == ("hidden", "Advertising")
