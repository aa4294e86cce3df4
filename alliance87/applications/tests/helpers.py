from __future__ import annotations

import time
from typing import Any

from django.core import signing

from alliance87.applications.forms import SALT

URL = "/en/apply/"


def token(age: float = 10) -> str:
    """Return the form's signed timestamp, issued `age` seconds ago."""
    return signing.dumps({"t": time.time() - age}, salt=SALT)


def form_data(**values: Any) -> dict[str, Any]:
    data = {
        "kind": "partner",
        "organisation_name": "Freedom Network",
        "stakeholder_type": "civil_society",
        "country": "",
        "group": "",
        "seat": "",
        "contact_name": "Ana Example",
        "email": "ana@example.org",
        "message": "We work on forced labour in fisheries.",
        "website": "",
        "started": token(),
    }
    data.update(values)
    return data
