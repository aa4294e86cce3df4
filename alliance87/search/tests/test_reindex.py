"""`alliance87 reindex` rebuilds the index from the rows, whatever it held."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from alliance87.search.models import SearchDocument
from alliance87.testing.factories import make_statement

pytestmark = pytest.mark.django_db


def test_reindex_rebuilds_a_stale_index() -> None:
    make_statement()  # not committed: the index has not followed it
    SearchDocument.objects.create(kind="gone", object_id=1, level="public", title_en="Stale")
    out = StringIO()
    call_command("reindex", stdout=out)
    assert "Indexed" in out.getvalue()
    assert SearchDocument.objects.filter(kind="statement").count() == 1
    assert not SearchDocument.objects.filter(kind="gone").exists()
    assert SearchDocument.objects.filter(kind="country").count() > 190
