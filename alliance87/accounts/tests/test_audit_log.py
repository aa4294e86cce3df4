from __future__ import annotations

from typing import Any

from auditlog.models import LogEntry
from django.test import Client

from alliance87.partners.models import Organisation
from alliance87.partners.services import save_organisation


def test_every_change_is_recorded_with_before_and_after(accounts: Any) -> None:
    org = accounts.partner_org
    org.website = "https://www.ituc-csi.org/"
    save_organisation(org, acting_user=accounts.secretariat)
    entry = LogEntry.objects.get_for_object(org).filter(action=LogEntry.Action.UPDATE).first()
    assert entry is not None
    assert entry.changes_dict["website"] == ["", "https://www.ituc-csi.org/"]


def test_a_change_through_the_site_names_its_author(client: Client, accounts: Any) -> None:
    from alliance87.testing.personas import totp_code

    client.post(
        "/en/accounts/login/",
        {"login": accounts.secretariat.email, "password": "correct horse battery staple 8.7"},
    )
    client.post("/en/accounts/2fa/authenticate/", {"code": totp_code()})
    org = Organisation.objects.get(slug="applicant-ngo")
    response = client.post(
        f"/admin/partners/organisation/{org.pk}/change/",
        {
            "slug": org.slug,
            "name_en": "Applicant NGO (renamed)",
            "stakeholder_type": "civil_society",
            "visibility": "public",
            "people-TOTAL_FORMS": "0",
            "people-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    entry = LogEntry.objects.get_for_object(org).order_by("-timestamp").first()
    assert entry is not None and entry.actor == accounts.secretariat


def test_history_page_is_for_the_secretariat_only(client: Client, accounts: Any) -> None:
    org = accounts.partner_org
    org.website = "https://www.ituc-csi.org/"
    save_organisation(org, acting_user=None)
    url = f"/en/account/history/partners.organisation/{org.pk}/"
    client.force_login(accounts.partner)
    assert client.get(url).status_code == 404
    client.force_login(accounts.secretariat)
    # The secretariat passed its second factor when signing in for real;
    # force_login stands for that here.
    response = client.get(url)
    assert response.status_code == 200
    assert b"https://www.ituc-csi.org/" in response.content
