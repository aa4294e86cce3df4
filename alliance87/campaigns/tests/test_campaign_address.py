"""The Secretariat changes a campaign's address (slug); the former ones are
kept and answer with a permanent redirect to the present one, for those
who may see the campaign (a hidden campaign's former address answers 404,
as its present one does): every page of the campaign, its forms and its
reviewers' queue included, and the API's `/campaigns/{slug}`. Others may
not change it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import URLPattern, reverse

from alliance87.api.services import create_token
from alliance87.campaigns import services, urls
from alliance87.campaigns.models import Campaign, CampaignSlug
from alliance87.campaigns.tests.scene import make_scene
from alliance87.testing.personas import sign_in

pytestmark = pytest.mark.django_db

OLD = "world-day-against-child-labour"
NEW = "world-day-2027"


def client_for(user: Any) -> Client:
    client = Client()
    sign_in(client, user)
    return client


def address_url(slug: str = OLD, lang: str = "en") -> str:
    return f"/{lang}/campaigns/{slug}/address/"


def test_the_secretariat_changes_the_address_and_the_former_one_redirects(personas):
    scene = make_scene()
    secretariat = client_for(personas.secretariat)
    edit = secretariat.get(f"/en/campaigns/{OLD}/edit/").content.decode()
    assert f'href="{address_url()}"' in edit
    form = secretariat.get(address_url(lang="fr"))
    assert form.status_code == 200 and f'value="{OLD}"' in form.content.decode()
    response = secretariat.post(address_url(lang="fr"), {"slug": NEW})
    assert response.status_code == 302 and response["Location"] == f"/fr/campaigns/{NEW}/"
    scene.campaign.refresh_from_db()
    assert scene.campaign.slug == NEW
    # The former address, the page and its calendar, in any language.
    for path, target in (
        (f"/es/campaigns/{OLD}/", f"/es/campaigns/{NEW}/"),
        (f"/en/campaigns/{OLD}/?from=newsletter", f"/en/campaigns/{NEW}/?from=newsletter"),
        (f"/en/campaigns/{OLD}/activities.ics", f"/en/campaigns/{NEW}/activities.ics"),
    ):
        moved = Client().get(path)
        assert (moved.status_code, moved["Location"]) == (301, target)
    assert Client().get(f"/en/campaigns/{NEW}/").status_code == 200
    page = secretariat.get(address_url(NEW)).content.decode()
    assert f"<code>{OLD}</code>" in page
    # Audited in the name of the Secretariat member who changed it.
    entry = LogEntry.objects.get_for_object(scene.campaign).latest("pk")
    assert entry.actor == personas.secretariat
    assert entry.changes_dict["slug"] == [OLD, NEW]
    former = CampaignSlug.objects.get(slug=OLD)
    assert LogEntry.objects.get_for_object(former).get().actor == personas.secretariat


def pages_of_a_campaign() -> list[URLPattern]:
    """Every page of the campaigns' URLconf that takes a campaign's address."""
    found = [p for p in urls.urlpatterns if "slug" in p.pattern.converters]
    assert len(found) > 15
    return found


@pytest.mark.parametrize("page", pages_of_a_campaign(), ids=lambda p: p.name)
def test_every_page_of_a_campaign_follows_its_former_address(personas, page):
    # Read at the former address: sent on (301) to the same page, its
    # other parts and its query kept; a form posted there: sent on with a
    # 308, so that the browser posts it again at the present address.
    scene = make_scene()
    services.change_campaign_slug(scene.campaign, slug=NEW, acting_user=None)
    kwargs = {"pk": 999} if "pk" in page.pattern.converters else {}
    old = reverse(f"campaigns:{page.name}", kwargs={"slug": OLD, **kwargs})
    new = reverse(f"campaigns:{page.name}", kwargs={"slug": NEW, **kwargs})
    secretariat = client_for(personas.secretariat)
    read = secretariat.get(old + "?from=newsletter")
    if read.status_code == 405:  # a page that only takes a form
        assert secretariat.get(new).status_code == 405
    else:
        assert (read.status_code, read["Location"]) == (301, new + "?from=newsletter")
    posted = secretariat.post(old, {"slug": "never-taken"})
    if posted.status_code == 405:  # a page that is only read
        assert secretariat.post(new).status_code == 405
    else:
        assert (posted.status_code, posted["Location"]) == (308, new)
    scene.campaign.refresh_from_db()
    assert scene.campaign.slug == NEW  # nothing was done at the former address


def test_the_queue_and_the_forms_follow_the_former_address_for_those_who_open_them(personas):
    scene = make_scene()
    services.change_campaign_slug(scene.campaign, slug=NEW, acting_user=None)
    member, partner = client_for(scene.member), client_for(personas.partner)
    moved = member.get(f"/fr/campaigns/{OLD}/review/", follow=True)
    assert moved.redirect_chain == [(f"/fr/campaigns/{NEW}/review/", 301)]
    assert moved.status_code == 200
    moved = partner.get(f"/es/campaigns/{OLD}/submit/", follow=True)
    assert moved.redirect_chain == [(f"/es/campaigns/{NEW}/submit/", 301)]
    assert moved.status_code == 200
    # A form posted at the former address is taken at the present one.
    form = {"kind": "highlight", "title": "From the old link", "text": "Text.", "language": "en"}
    posted = partner.post(f"/en/campaigns/{OLD}/submit/", form, follow=True)
    assert posted.redirect_chain[0] == (f"/en/campaigns/{NEW}/submit/", 308)
    assert scene.campaign.submissions.get().title == "From the old link"
    # Signed out: the sign-in page first, which comes back to the former
    # address, which sends on.
    signed_out = Client().get(f"/en/campaigns/{OLD}/review/")
    assert signed_out.status_code == 302 and "/accounts/login/" in signed_out["Location"]


def test_a_hidden_campaigns_former_address_answers_404_like_its_present_one(personas):
    scene = make_scene(status="draft")
    services.change_campaign_slug(scene.campaign, slug=NEW, acting_user=personas.secretariat)
    for who in (Client(), client_for(personas.partner), client_for(personas.outsider)):
        assert who.get(f"/en/campaigns/{NEW}/").status_code == 404
        assert who.get(f"/en/campaigns/{OLD}/").status_code == 404
        assert who.get(f"/en/campaigns/{OLD}/activities.ics").status_code == 404
    # Nor do its other pages: the forms, the queue, the editing page.
    for who in (client_for(personas.partner), client_for(personas.outsider)):
        for page in ("submit/", "activities/new/", "review/", "edit/", "images/new/"):
            assert who.get(f"/en/campaigns/{OLD}/{page}").status_code == 404
        assert who.post(f"/en/campaigns/{OLD}/submit/").status_code == 404
    # Its reviewers and the Secretariat see the draft: they are redirected.
    for who in (client_for(scene.member), client_for(personas.secretariat)):
        assert who.get(f"/en/campaigns/{OLD}/")["Location"] == f"/en/campaigns/{NEW}/"
        assert who.get(f"/en/campaigns/{OLD}/edit/")["Location"] == f"/en/campaigns/{NEW}/edit/"


def test_a_members_only_campaigns_former_address_answers_404_to_others(personas):
    scene = make_scene(visibility="members")
    services.change_campaign_slug(scene.campaign, slug=NEW, acting_user=personas.secretariat)
    assert client_for(personas.partner).get(f"/en/campaigns/{OLD}/").status_code == 404
    assert client_for(scene.member).get(f"/en/campaigns/{OLD}/").status_code == 301


def api_get(path: str, user: Any = None) -> Any:
    headers = {}
    if user is not None:
        secret = create_token(user, name="t", scope="read", days=1, acting_user=user)[1]
        headers["Authorization"] = f"Bearer {secret}"
    return Client().get(f"/api/v1{path}", headers=headers)


def test_the_api_sends_a_former_address_on_to_the_present_one(personas):
    scene = make_scene()
    services.change_campaign_slug(scene.campaign, slug=NEW, acting_user=None)
    moved = api_get(f"/campaigns/{OLD}?lang=fr")
    assert (moved.status_code, moved["Location"]) == (301, f"/api/v1/campaigns/{NEW}?lang=fr")
    assert api_get(f"/campaigns/{NEW}").json()["id"] == NEW
    # Declared in the schema, with its Location.
    schema = Client().get("/api/v1/openapi.json").json()
    declared = schema["paths"]["/api/v1/campaigns/{slug}"]["get"]["responses"]["301"]
    assert "Location" in declared["headers"]


def test_the_api_answers_404_for_a_hidden_campaigns_former_address(personas):
    scene = make_scene(status="draft")
    services.change_campaign_slug(scene.campaign, slug=NEW, acting_user=None)
    for user in (None, personas.partner, personas.outsider):
        for slug in (OLD, NEW):
            refused = api_get(f"/campaigns/{slug}", user)
            assert refused.status_code == 404
            assert refused.json()["detail"] == "Nothing here, or nothing you may see."
    moved = api_get(f"/campaigns/{OLD}", scene.member)
    assert (moved.status_code, moved["Location"]) == (301, f"/api/v1/campaigns/{NEW}")


def test_a_campaign_goes_back_to_a_former_address(personas):
    scene = make_scene()
    services.change_campaign_slug(scene.campaign, slug=NEW, acting_user=personas.secretariat)
    services.change_campaign_slug(scene.campaign, slug=OLD, acting_user=personas.secretariat)
    assert Campaign.objects.get().slug == OLD
    assert list(CampaignSlug.objects.values_list("slug", flat=True)) == [NEW]
    assert Client().get(f"/en/campaigns/{OLD}/").status_code == 200
    assert Client().get(f"/en/campaigns/{NEW}/")["Location"] == f"/en/campaigns/{OLD}/"


@pytest.mark.parametrize(
    "typed, refusal",
    [
        ("", "This field is required."),
        ("world day", "Enter a valid “slug”"),
        ("new", "Another campaign has, or had, this address"),
        ("launch", "Another campaign has, or had, this address"),
        ("launch-2026", "Another campaign has, or had, this address"),
    ],
)
def test_an_address_taken_now_or_before_or_unreadable_is_refused(personas, typed, refusal):
    scene = make_scene()
    other = Campaign(
        slug="launch-2026", title_en="Launch", date=dt.date(2026, 9, 1), review_group=scene.ceag
    )
    services.save_campaign(other, acting_user=None)
    services.change_campaign_slug(other, slug="launch", acting_user=None)  # "launch-2026" former
    response = client_for(personas.secretariat).post(address_url(), {"slug": typed})
    assert response.status_code == 400
    assert refusal in response.content.decode()
    scene.campaign.refresh_from_db()
    assert scene.campaign.slug == OLD
    assert not CampaignSlug.objects.filter(campaign=scene.campaign).exists()


def test_the_service_refuses_what_the_form_would_not_send(personas):
    scene = make_scene()
    for slug, refusal in (
        ("World Day!", "letters, digits and hyphens"),
        ("x" * 121, "120 characters at most"),
    ):
        with pytest.raises(ValidationError, match=refusal):
            services.change_campaign_slug(scene.campaign, slug=slug, acting_user=None)


def test_a_new_campaign_cannot_take_a_former_address(personas):
    scene = make_scene()
    services.change_campaign_slug(scene.campaign, slug=NEW, acting_user=None)
    form = {
        "slug": OLD,
        "title_en": "Another day",
        "date": "2027-09-20",
        "review_group": str(scene.ceag.pk),
        "visibility": "public",
    }
    response = client_for(personas.secretariat).post("/en/campaigns/new/", form)
    assert response.status_code == 400
    assert "Another campaign has, or had, this address" in response.content.decode()


def test_only_the_secretariat_changes_an_address(personas):
    scene = make_scene()
    assert Client().get(address_url()).status_code == 302  # sign in first
    chair = client_for(scene.chair)  # writes the campaign, not its address
    assert (
        f'href="{address_url()}"' not in chair.get(f"/en/campaigns/{OLD}/edit/").content.decode()
    )
    for who in (chair, client_for(personas.partner), client_for(personas.outsider)):
        assert who.get(address_url()).status_code == 404
        assert who.post(address_url(), {"slug": NEW}).status_code == 404
    missing = client_for(personas.secretariat).get(address_url("no-such-campaign"))
    assert missing.status_code == 404
    assert Campaign.objects.get().slug == OLD
