"""
The open API at /api/v1/: django-ninja, OpenAPI 3.1 at
/api/v1/openapi.json, documented at /api/v1/docs (served by the Hub).

Every endpoint reads through the same selectors and `visible_to(user)`
querysets as the pages (alliance87/api/endpoints/). Every answer passes
through `around_every_call`, before ninja parses anything: it answers
conditional GETs with 304 and turns every refusal into RFC 9457 problem
details.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from alliance87.api import idempotency, services
from alliance87.api.callers import CHALLENGE, caller, caller_key, identify
from alliance87.api.endpoints import (
    campaigns,
    community,
    community_moderation,  # noqa: F401 - adds the community's other writes to community.router
    community_people,  # noqa: F401 - adds suspensions and moderators to community.router
    community_queue,  # noqa: F401 - adds the moderators' queues to community.router
    community_spaces,  # noqa: F401 - adds the Secretariat's spaces to community.router
    community_write,  # noqa: F401 - adds the community's writes to community.router
    data,
    directory,
    events,
    groups,
    library,
    news,
    pathfinders,
    record_corrections,  # noqa: F401 - adds the corrections to records.router
    record_documents,  # noqa: F401 - adds the documents to records.router
    record_rows,  # noqa: F401 - adds the recording of rows to records.router
    records,
    search,
)
from alliance87.api.http import Problem, conditional, problem_response
from alliance87.api.schemas import ProblemOut

PROBLEMS = {
    "400": "The request was not understood (a bad cursor, an unknown filter value).",
    "401": "The token is missing (for a write), unknown, expired or revoked.",
    "404": "Nothing here, or nothing the caller may see.",
    "413": "The request body is too large.",
    "422": "Parameters not understood, or a write the Hub refused.",
    "429": "Too many calls: wait for Retry-After seconds.",
}
WRITE_PROBLEMS = {
    "403": "The token may only read, or the caller may not do this here (the detail says why).",
    "409": "The object is not in the state this write needs (the detail says why).",
}


class HubNinjaAPI(NinjaAPI):
    """Ninja, with every answer other than success declared in the schema
    as problem details (application/problem+json)."""

    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(*args, **kwargs)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components["Problem"] = ProblemOut.model_json_schema()
        problem = {"$ref": "#/components/schemas/Problem"}
        for methods in schema["paths"].values():
            for method, operation in methods.items():
                declared = operation.setdefault("responses", {})
                extra = PROBLEMS if method == "get" else {**PROBLEMS, **WRITE_PROBLEMS}
                for status, description in extra.items():
                    declared[status] = {
                        "description": description,
                        "content": {"application/problem+json": {"schema": problem}},
                    }
        return schema


api = HubNinjaAPI(
    title="Alliance 8.7 Hub API",
    version="1",
    description=(
        "Read the Hub's countries, organisations, pathfinders and their roadmaps, "
        "events and their records, decisions, action items, groups, statements, "
        "library, news, country data and community, and search them all. Without a "
        "token a caller reads what the public sees."
    ),
    urls_namespace="api",
    docs_url=None,
)


def around_every_call(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            identify(request)
            if request.method in ("GET", "HEAD"):
                response = conditional(
                    request, caller_key(request), lambda: view(request, *args, **kwargs)
                )
            else:
                response = _write(request, lambda: view(request, *args, **kwargs))
        except Problem as problem:
            response = problem_response(request, problem)
        token = getattr(request, "api_token", None)
        if token is not None:
            services.record_token_use(
                token,
                method=request.method or "",
                path=request.get_full_path(),
                remote_addr=request.META.get("REMOTE_ADDR"),
                acting_user=token.user,
            )
        patch_vary_headers(response, ("Authorization",))
        return response

    return wrapper


def _write(request: HttpRequest, respond: Callable[[], HttpResponse]) -> HttpResponse:
    """Let a write through for a token that may write, once per
    Idempotency-Key."""
    user = caller(request)
    token = getattr(request, "api_token", None)
    if token is None:
        raise Problem(401, "Not signed in", "Writing needs an API token.", headers=CHALLENGE)
    if not token.may_write:
        raise Problem(
            403,
            "Read-only token",
            "This token may only read: make a token with the write scope to write.",
        )
    return idempotency.once(request, user, respond)


api.add_decorator(around_every_call, mode="view")


@api.exception_handler(Problem)
def on_problem(request: HttpRequest, exc: Problem) -> HttpResponse:
    return problem_response(request, exc)


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return problem_response(
        request, Problem(404, "Not found", "Nothing here, or nothing you may see.")
    )


@api.exception_handler(ValidationError)
def on_invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = [
        {"location": ".".join(str(p) for p in e.get("loc", ())), "message": e.get("msg", "")}
        for e in exc.errors
    ]
    return problem_response(
        request,
        Problem(422, "Invalid request", "Some parameters were not understood.", errors=errors),
    )


@api.exception_handler(DjangoValidationError)
def on_refused(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    """A service refused the write: say why, in its words."""
    return problem_response(
        request,
        Problem(
            422,
            "Refused",
            " ".join(str(m) for m in exc.messages),
            errors=[{"location": "body", "message": str(m)} for m in exc.messages],
        ),
    )


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return problem_response(request, Problem(exc.status_code, str(exc.message)))


api.add_router("", directory.router)
api.add_router("", pathfinders.router)
api.add_router("", events.router)
api.add_router("", records.router)
api.add_router("", groups.router)
api.add_router("", library.router)
api.add_router("", news.router)
api.add_router("", campaigns.router)
api.add_router("", data.router)
api.add_router("", community.router)
api.add_router("", search.router)
