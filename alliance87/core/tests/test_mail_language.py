"""Every area writes email to a person in the one language they chose for
email (`core.text.mail_language` over `hooks.MAIL_LANGUAGES`): the
community's mail settings first, then their newsletter subscription, then
what the caller knows (the language of what they wrote), then the site's."""

from __future__ import annotations

from typing import Any

import pytest

from alliance87.comms.models import Subscriber
from alliance87.community.models import Preferences
from alliance87.core.text import mail_language

pytestmark = pytest.mark.django_db


def test_the_community_mail_setting_comes_first(personas: Any) -> None:
    user = personas.partner
    Subscriber.objects.create(email=user.email, language="es", user=user)
    assert mail_language(user) == "es"
    Preferences.objects.create(user=user, language="fr")
    assert mail_language(user, default="en") == "fr"


def test_without_a_choice_the_callers_default_then_the_sites_language(personas: Any) -> None:
    assert mail_language(personas.partner, default="es") == "es"
    assert mail_language(personas.partner) == "en"
    assert mail_language(None, default="xx") == "en"
