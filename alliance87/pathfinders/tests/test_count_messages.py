"""Messages that count say "1 action", not "1 actions" (issue 10, item 11)."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from alliance87.pathfinders.selectors import actions_csv
from alliance87.testing.factories import make_pathfinder, make_roadmap
from alliance87.testing.personas import make_focal_point, make_user

pytestmark = pytest.mark.django_db


def test_one_action_changed_is_said_in_the_singular(client: Client) -> None:
    roadmap = make_roadmap(make_pathfinder("CHL"), actions=2)
    rows = list(csv.DictReader(io.StringIO(actions_csv(make_user("reader"), roadmap))))
    rows[0].update(status="in_progress", percent_done="40", new_progress_note="Survey designed")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    client.force_login(make_focal_point("CHL"))
    response = client.post(
        f"/en/pathfinders/chl/roadmaps/{roadmap.pk}/upload/",
        {"file": SimpleUploadedFile("a.csv", out.getvalue().encode())},
        follow=True,
    )
    page = response.content.decode()
    assert "1 action changed, 1 progress note added." in page
    assert "1 actions" not in page
