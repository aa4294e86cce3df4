"""The API's documentation page, rendered by the Hub from the OpenAPI
schema: no script, no third-party host."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alliance87.api import selectors, services
from alliance87.api.api import api
from alliance87.api.forms import TokenForm


def _type_of(schema: dict[str, Any]) -> str:
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    if "anyOf" in schema:
        return " | ".join(_type_of(s) for s in schema["anyOf"] if s.get("type") != "null")
    return str(schema.get("type", ""))


# What a body's example puts for a required field, by its type.
PLACEHOLDERS: dict[str, Any] = {"string": "...", "integer": 1, "boolean": True, "number": 1}


def _body_fields(schema: dict[str, Any], op: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the fields of the operation's JSON body, if it takes one."""
    body = op.get("requestBody", {}).get("content", {}).get("application/json", {})
    ref = body.get("schema", {}).get("$ref", "")
    model = schema.get("components", {}).get("schemas", {}).get(ref.rsplit("/", 1)[-1], {})
    required = set(model.get("required", []))
    return [
        {
            "name": name,
            "where": "body",
            "required": name in required,
            "type": _type_of(field) or field.get("$ref", "").rsplit("/", 1)[-1],
            "description": field.get("description", ""),
        }
        for name, field in model.get("properties", {}).items()
    ]


def _curl(method: str, url: str, fields: list[dict[str, Any]]) -> str:
    """Return a curl command line calling the operation."""
    if method == "get":
        return f"curl -s '{url}'"
    # A required field's placeholder by its type, or its first choice.
    firsts = {f["name"]: f["type"].split(" | ")[0] for f in fields if f["required"]}
    example = {name: PLACEHOLDERS.get(first, first) for name, first in firsts.items()}
    data = f" -H 'Content-Type: application/json' -d '{json.dumps(example)}'" if fields else ""
    return f"curl -s -X {method.upper()} -H 'Authorization: Bearer a87_...'{data} '{url}'"


def operations(base_url: str = "") -> list[dict[str, Any]]:
    """Return every operation of the schema, in the schema's order, with
    its parameters (a JSON body's fields too) and a curl command calling
    it at `base_url` (the Hub's address)."""
    schema = api.get_openapi_schema()
    found = []
    for path, methods in schema["paths"].items():
        for method, op in methods.items():
            parameters = [
                {
                    "name": p["name"],
                    "where": p["in"],
                    "required": p.get("required", False),
                    "type": _type_of(p.get("schema", {})),
                    "description": p.get("description")
                    or p.get("schema", {}).get("description", ""),
                }
                for p in op.get("parameters", [])
            ]
            fields = _body_fields(schema, op)
            example = path.replace("{iso3}", "npl").replace("{slug}", "<slug>")
            found.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": parameters + fields,
                    "anchor": op.get("operationId", ""),
                    "example": _curl(method, f"{base_url}{example}", fields),
                }
            )
    return found


def docs(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "api/docs.html",
        {
            "operations": operations(request.build_absolute_uri("/").rstrip("/")),
            "schema_url": request.build_absolute_uri(reverse("api:openapi-json")),
            "base_url": request.build_absolute_uri("/api/v1"),
        },
    )


def docs_redirect(request: HttpRequest) -> HttpResponse:
    return HttpResponseRedirect(reverse("api-docs"))


def _no_store(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True, max_age=0)
    return response


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request: HttpRequest) -> HttpResponse:
    """List the caller's tokens (the Secretariat's: everyone's) and make
    one; a new token's secret is shown on the answer to the POST, once."""
    form = TokenForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, secret = services.create_token(
                request.user,
                name=form.cleaned_data["name"],
                scope=form.cleaned_data["scope"],
                days=form.cleaned_data["days"],
                acting_user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            form = TokenForm()
    response = render(
        request,
        "api/tokens.html",
        {
            "form": form,
            "secret": secret,
            "tokens": list(selectors.tokens_for(request.user)),
            "docs_url": reverse("api-docs"),
        },
    )
    return _no_store(response)


@login_required
@require_POST
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = selectors.get_token_for_user(request.user, pk)
    services.revoke_token(token, acting_user=request.user)
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("api-tokens")
