"""A thread, or one of its posts, becomes an action item of a meeting or a
library resource (community/conversions.py): who may, what it links, and
what it never shows to whom."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.test import Client

from alliance87.community import conversions, moderation, services
from alliance87.community.models import Conversion, Space, SpaceKind
from alliance87.core.dates import ReportedDate
from alliance87.core.models import Citation
from alliance87.core.visibility import Visibility
from alliance87.events.models import ActionItem
from alliance87.library import services as library
from alliance87.library.models import Resource, ResourceStatus
from alliance87.testing.factories import make_event

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def meeting(scene: Any, slug: str = "gcg-9", **values: Any) -> Any:
    return make_event(
        slug,
        acting_user=scene.secretariat,
        date=values.pop("date", ReportedDate(dt.date(2026, 3, 2))),
        title=values.pop("title", "Ninth GCG meeting"),
        **values,
    )


def thread_in(space: Space, author: Any, title: str = "Fair recruitment fees") -> Any:
    return services.start_thread(
        space,
        acting_user=author,
        title=title,
        body="Employers should pay **all** recruitment fees.\n\nA second paragraph.",
    )


def action_url(thread: Any) -> str:
    return f"{thread.get_absolute_url()}action-item/"


def resource_url(thread: Any) -> str:
    return f"{thread.get_absolute_url()}resource/"


def action_form(event: Any, **values: Any) -> dict[str, Any]:
    return {
        "event": event.pk,
        "text": "Draft a note on recruitment fees",
        "owner_note": "Migration Action Group",
        "due_precision": "day",
        "visibility": "partners",
        **values,
    }


# Action items ---------------------------------------------------------------


def test_the_secretariat_turns_a_thread_into_an_action_item_that_cites_it(scene) -> None:
    event = meeting(scene)
    thread = thread_in(scene.commons, scene.partner)
    secretariat = client_for(scene.secretariat)
    page = secretariat.get(thread.get_absolute_url()).content.decode()
    assert action_url(thread) in page
    form = secretariat.get(action_url(thread)).content.decode()
    assert "Ninth GCG meeting" in form and "Fair recruitment fees" in form
    # The commons is for partners: nothing wider is offered.
    assert 'value="public"' not in form

    response = secretariat.post(action_url(thread), action_form(event))
    assert response.status_code == 302
    assert response["Location"] == thread.get_absolute_url() + "#outcomes"
    item = ActionItem.objects.get()
    assert (item.event, item.text, item.visibility) == (
        event,
        "Draft a note on recruitment fees",
        "partners",
    )
    conversion = Conversion.objects.get()
    assert (conversion.thread, conversion.post, conversion.action_item) == (thread, None, item)
    assert conversion.made_by == scene.secretariat
    # The action item cites the thread by its address, and no title.
    citation = Citation.objects.get(object_id=item.pk, content_type__model="actionitem")
    assert citation.url == settings.SITE_URL.rstrip("/") + thread.get_absolute_url()
    assert citation.source_title == ""
    event_page = client_for(scene.partner).get(event.get_absolute_url()).content.decode()
    assert f'id="action-{item.pk}"' in event_page
    assert f'href="{citation.url}"' in event_page
    # The thread shows it to whoever may see the action item.
    thread_page = client_for(scene.partner).get(thread.get_absolute_url()).content.decode()
    assert "What this thread became" in thread_page
    assert f'href="{item.get_absolute_url()}"' in thread_page


def test_one_post_becomes_an_action_item_citing_that_post(scene) -> None:
    event = meeting(scene)
    thread = thread_in(scene.commons, scene.partner)
    reply = services.reply(thread, acting_user=scene.partner, body="I'll draft it.")
    secretariat = client_for(scene.secretariat)
    page = secretariat.get(thread.get_absolute_url()).content.decode()
    assert f"{action_url(thread)}?post={reply.pk}" in page
    response = secretariat.post(
        f"{action_url(thread)}?post={reply.pk}", action_form(event, post=reply.pk)
    )
    assert response.status_code == 302
    item = ActionItem.objects.get()
    assert Conversion.objects.get().post == reply
    citation = Citation.objects.get(object_id=item.pk, content_type__model="actionitem")
    assert citation.url.endswith(f"{thread.get_absolute_url()}#post-{reply.pk}")
    # A post of another thread, or no post at all, is not found.
    other = thread_in(scene.commons, scene.partner, "Another")
    assert secretariat.get(f"{action_url(other)}?post={reply.pk}").status_code == 404
    assert secretariat.get(f"{action_url(thread)}?post=x").status_code == 404


def test_who_may_not_record_the_meeting_sees_no_button_and_is_refused(scene) -> None:
    event = meeting(scene)
    group_thread = thread_in(scene.group_space, scene.member)
    commons_thread = thread_in(scene.commons, scene.partner)
    for user, thread in (
        (scene.member, group_thread),
        (scene.partner, commons_thread),
        (scene.outsider, commons_thread),
    ):
        client = client_for(user)
        page = client.get(thread.get_absolute_url())
        if page.status_code == 200:
            assert action_url(thread) not in page.content.decode()
        assert client.get(action_url(thread)).status_code == 404
        assert client.post(action_url(thread), action_form(event)).status_code == 404
    anonymous = client_for(None).post(action_url(commons_thread), action_form(event))
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    assert not ActionItem.objects.exists() and not Conversion.objects.exists()


def test_the_service_refuses_who_may_not_record_the_meeting(scene) -> None:
    event = meeting(scene)
    thread = thread_in(scene.commons, scene.partner)
    with pytest.raises(ValidationError, match="may not record"):
        conversions.turn_into_action_item(
            thread,
            acting_user=scene.partner,
            event=event,
            text="A step",
            owner_note="ILO",
            visibility="partners",
        )
    assert not ActionItem.objects.exists()


def test_an_action_item_is_never_wider_than_the_thread(scene) -> None:
    event = meeting(scene)
    thread = thread_in(scene.group_space, scene.member)
    secretariat = client_for(scene.secretariat)
    response = secretariat.post(action_url(thread), action_form(event, visibility="public"))
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    with pytest.raises(ValidationError, match="seen by fewer people"):
        conversions.turn_into_action_item(
            thread,
            acting_user=scene.secretariat,
            event=event,
            text="A step",
            owner_note="ILO",
            visibility="partners",
        )
    # Nothing half-written: no action item, no citation, no conversion.
    assert not ActionItem.objects.exists() and not Conversion.objects.exists()
    assert not Citation.objects.filter(content_type__model="actionitem").exists()
    # As narrow as the space, it is recorded; the group's members do not
    # see a members-only row of the record (the Secretariat's), nor its card.
    response = secretariat.post(action_url(thread), action_form(event, visibility="members"))
    assert response.status_code == 302
    member_page = client_for(scene.member).get(thread.get_absolute_url()).content.decode()
    assert "What this thread became" not in member_page
    assert "Draft a note on recruitment fees" not in member_page
    secretariat_page = secretariat.get(thread.get_absolute_url()).content.decode()
    assert "Draft a note on recruitment fees" in secretariat_page


def test_bad_input_is_refused_with_a_message_and_changes_nothing(scene) -> None:
    event = meeting(scene)
    thread = thread_in(scene.commons, scene.partner)
    secretariat = client_for(scene.secretariat)
    for bad in (
        action_form(event, owner_note=""),  # no owner
        action_form(event, text=""),
        {**action_form(event), "event": "999999"},
        {**action_form(event), "event": "x"},
        action_form(event, due="31/02/2026"),
    ):
        response = secretariat.post(action_url(thread), bad)
        assert response.status_code == 400, bad
    assert not ActionItem.objects.exists() and not Conversion.objects.exists()
    # The owner's absence is the service's sentence, shown on the form.
    response = secretariat.post(action_url(thread), action_form(event, owner_note=""))
    assert "Name the owner of the action item." in response.content.decode()


def test_a_thread_becomes_an_action_item_of_a_meeting_once(scene) -> None:
    event = meeting(scene)
    thread = thread_in(scene.commons, scene.partner)
    secretariat = client_for(scene.secretariat)
    assert secretariat.post(action_url(thread), action_form(event)).status_code == 302
    again = secretariat.post(action_url(thread), action_form(event))
    assert again.status_code == 400
    assert "already became an action item of that meeting" in again.content.decode()
    assert ActionItem.objects.count() == 1
    # Another meeting is another action item.
    other = meeting(scene, "gcg-10", title="Tenth GCG meeting")
    assert secretariat.post(action_url(thread), action_form(other)).status_code == 302
    assert ActionItem.objects.count() == 2


def test_the_card_follows_the_action_item_and_its_meeting(scene) -> None:
    draft = meeting(scene, "gcg-10", title="Tenth GCG meeting", publish=False)
    thread = thread_in(scene.commons, scene.partner)
    conversions.turn_into_action_item(
        thread,
        acting_user=scene.secretariat,
        event=draft,
        text="Plan the venue",
        owner_note="Secretariat",
        visibility="partners",
    )
    page = client_for(scene.partner).get(thread.get_absolute_url()).content.decode()
    assert "Plan the venue" not in page and "Tenth GCG meeting" not in page
    assert (
        "Plan the venue"
        in client_for(scene.secretariat).get(thread.get_absolute_url()).content.decode()
    )
    # Deleting the action item deletes the link.
    ActionItem.objects.get().delete()
    assert not Conversion.objects.exists()


def test_a_hidden_thread_becomes_nothing(scene) -> None:
    event = meeting(scene)
    thread = thread_in(scene.commons, scene.partner)
    moderation.hide_post(
        thread.posts.get(), acting_user=scene.secretariat, reason="Off topic sample"
    )
    secretariat = client_for(scene.secretariat)
    assert secretariat.get(action_url(thread)).status_code == 404
    assert secretariat.get(resource_url(thread)).status_code == 404
    with pytest.raises(ValidationError, match="not shown"):
        conversions.turn_into_action_item(
            thread,
            acting_user=scene.secretariat,
            event=event,
            text="A step",
            owner_note="ILO",
            visibility="partners",
        )


# Library resources ----------------------------------------------------------


def resource_form(**values: Any) -> dict[str, Any]:
    return {
        "title": "Who pays recruitment fees",
        "resource_type": "other",
        "summary": "Employers should pay all recruitment fees.",
        "language": "en",
        **values,
    }


def test_a_partner_turns_a_thread_into_a_submission_for_review(scene) -> None:
    thread = thread_in(scene.commons, scene.partner)
    partner = client_for(scene.partner)
    page = partner.get(thread.get_absolute_url()).content.decode()
    assert resource_url(thread) in page
    assert action_url(thread) not in page
    form = partner.get(resource_url(thread)).content.decode()
    # The summary is the opening post's words, without its markup.
    assert "Employers should pay all recruitment fees. A second paragraph." in form
    response = partner.post(resource_url(thread), resource_form(language="fr"))
    assert response.status_code == 302
    resource = Resource.objects.get()
    assert resource.status == ResourceStatus.SUBMITTED
    assert resource.submitted_by == scene.partner
    assert resource.visibility == Visibility.PARTNERS and resource.group is None
    assert resource.title_fr == "Who pays recruitment fees"  # type: ignore[attr-defined]
    assert resource.url_language == "fr"
    assert resource.url.endswith(f"/fr/community/commons/{thread.pk}/")
    assert Conversion.objects.get().resource == resource
    # The thread shows it to its submitter (a submission), marked as such.
    page = partner.get(thread.get_absolute_url()).content.decode()
    assert "What this thread became" in page and "Submitted for review" in page
    assert "Who pays recruitment fees" in page
    # Twice is refused.
    again = partner.post(resource_url(thread), resource_form())
    assert (
        again.status_code == 400 and "already became a library resource" in again.content.decode()
    )
    assert Resource.objects.count() == 1


def test_the_thread_shows_the_resource_once_it_is_visible(
    scene, django_capture_on_commit_callbacks
) -> None:
    square = services.save_space(
        Space(slug="square", name="Square", kind=SpaceKind.COMMONS, visibility="public"),
        acting_user=scene.secretariat,
    )
    thread = thread_in(square, scene.partner)
    resource = conversions.turn_into_resource(thread, acting_user=scene.partner, **resource_form())
    assert resource.visibility == Visibility.PUBLIC
    anonymous = client_for(None).get(thread.get_absolute_url()).content.decode()
    assert "Who pays recruitment fees" not in anonymous
    assert "What this thread became" not in anonymous
    # Published, committed: the page cached for visitors is read again.
    with django_capture_on_commit_callbacks(execute=True):
        library.publish_resource(resource, acting_user=scene.secretariat)
    anonymous = client_for(None).get(thread.get_absolute_url()).content.decode()
    assert "Who pays recruitment fees" in anonymous
    assert f'href="{resource.get_absolute_url()}"' in anonymous


def test_a_members_only_thread_never_becomes_a_public_resource_by_itself(scene) -> None:
    thread = thread_in(scene.group_space, scene.member)
    secretariat = client_for(scene.secretariat)
    response = secretariat.post(resource_url(thread), resource_form())
    assert response.status_code == 302
    resource = Resource.objects.get()
    # A draft, for the group's members once published.
    assert resource.status == ResourceStatus.DRAFT
    assert (resource.visibility, resource.group) == (Visibility.MEMBERS, scene.group)
    library.publish_resource(resource, acting_user=scene.secretariat)
    for outsider in (None, scene.partner, scene.outsider):
        assert client_for(outsider).get(resource.get_absolute_url()).status_code == 404
        assert not Resource.objects.visible_to(outsider).exists()
    assert client_for(scene.member).get(resource.get_absolute_url()).status_code == 200


def test_who_may_not_add_to_the_library_sees_no_button_and_is_refused(scene) -> None:
    # The group's member reads the thread but is no partner.
    thread = thread_in(scene.group_space, scene.member)
    member = client_for(scene.member)
    assert resource_url(thread) not in member.get(thread.get_absolute_url()).content.decode()
    assert member.get(resource_url(thread)).status_code == 404
    assert member.post(resource_url(thread), resource_form()).status_code == 404
    # A partner who does not see the members-only thread: not found either.
    partner = client_for(scene.partner)
    assert partner.post(resource_url(thread), resource_form()).status_code == 404
    with pytest.raises(ValidationError):
        conversions.turn_into_resource(thread, acting_user=scene.member, **resource_form())
    with pytest.raises(ValidationError):
        conversions.turn_into_resource(thread, acting_user=scene.partner, **resource_form())
    assert not Resource.objects.exists() and not Conversion.objects.exists()


def test_bad_resource_input_is_refused_with_a_message(scene) -> None:
    thread = thread_in(scene.commons, scene.partner)
    partner = client_for(scene.partner)
    for bad in (
        resource_form(title=""),
        resource_form(language="xx"),
        resource_form(resource_type="novel"),
        resource_form(title="x" * 301),
    ):
        assert partner.post(resource_url(thread), bad).status_code == 400, bad
    with pytest.raises(ValidationError, match="language"):
        conversions.turn_into_resource(
            thread, acting_user=scene.partner, **resource_form(language="xx")
        )
    assert not Resource.objects.exists() and not Conversion.objects.exists()


# Finding an older meeting ---------------------------------------------------


def test_an_older_meeting_is_found_by_a_search_and_recorded(scene, monkeypatch) -> None:
    monkeypatch.setattr("alliance87.community.forms.MEETINGS_OFFERED", 2)
    old = meeting(
        scene, "gcg-3", title="Third GCG meeting", date=ReportedDate(dt.date(2019, 5, 6))
    )
    meeting(scene, "gcg-8", title="Eighth GCG meeting")
    meeting(scene, "gcg-9", title="Ninth GCG meeting")
    thread = thread_in(scene.commons, scene.partner)
    secretariat = client_for(scene.secretariat)
    # The latest two are offered: the third meeting is not, nor taken.
    form = secretariat.get(action_url(thread)).content.decode()
    assert "Ninth GCG meeting" in form and "Third GCG meeting" not in form
    assert 'name="meeting"' in form and 'method="get"' in form
    assert secretariat.post(action_url(thread), action_form(old)).status_code == 400
    assert not ActionItem.objects.exists()
    # Searched for (any word of its title, any case), it is offered, and
    # the form posts back to the search's address.
    found = secretariat.get(f"{action_url(thread)}?meeting=THIRD+gcg").content.decode()
    assert "Third GCG meeting" in found and "Ninth GCG meeting" not in found
    assert 'value="THIRD gcg"' in found
    response = secretariat.post(f"{action_url(thread)}?meeting=third", action_form(old))
    assert response.status_code == 302
    assert ActionItem.objects.get().event == old


def test_a_search_keeps_the_post_and_says_when_nothing_matches(scene) -> None:
    meeting(scene)
    thread = thread_in(scene.commons, scene.partner)
    reply = services.reply(thread, acting_user=scene.partner, body="I'll draft it.")
    secretariat = client_for(scene.secretariat)
    page = secretariat.get(f"{action_url(thread)}?post={reply.pk}").content.decode()
    assert f'<input type="hidden" name="post" value="{reply.pk}">' in page
    nothing = secretariat.get(f"{action_url(thread)}?post={reply.pk}&meeting=zzz-none")
    assert nothing.status_code == 200
    assert "No meeting you may record matches “zzz-none”." in nothing.content.decode()
    # Odd input is a search like any other, never an error.
    for odd in ("%00", "x" * 5000, "%25", "'"):
        assert secretariat.get(f"{action_url(thread)}?meeting={odd}").status_code == 200


def test_who_may_not_record_finds_no_meeting_by_searching(scene) -> None:
    meeting(scene)
    thread = thread_in(scene.commons, scene.partner)
    for user in (scene.partner, scene.outsider):
        response = client_for(user).get(f"{action_url(thread)}?meeting=ninth")
        assert response.status_code == 404
        assert "Ninth GCG meeting" not in response.content.decode()
