"""The demo's safeguarding officer: visibly a demo account, designated,
of no organisation; loading twice changes nothing; no report is made."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from alliance87.demo.loading import LoadReport
from alliance87.partners.models import Person
from alliance87.safeguarding import demo
from alliance87.safeguarding.models import Report, is_officer

pytestmark = pytest.mark.django_db


def test_the_demo_designates_one_visible_demo_officer_once() -> None:
    first = LoadReport()
    demo.load(first)
    officer = get_user_model().objects.get(email="safeguarding@demo.alliance87.example")
    assert "(demo account)" in officer.get_full_name()
    assert is_officer(officer)
    assert not Person.objects.filter(user=officer).exists()
    assert first.changed
    again = LoadReport()
    demo.load(again)
    assert not again.changed
    assert not Report.objects.exists()
