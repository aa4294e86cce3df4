"""
Writes sent with an `Idempotency-Key` header write once.

The first call's answer is kept with the key (per caller), in the same
transaction as its write; a retry with the same key and the same request
gets that answer again (`Idempotent-Replayed: true`) and writes nothing;
the same key with another request is refused (422). Two calls racing with
one key: the second's write is undone and it answers with the first's. A
429 (too many calls) is not kept: the retry is tried again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse

from alliance87.api import services
from alliance87.api.http import PROBLEM_TYPE, Problem
from alliance87.api.models import IdempotentRequest

MAX_KEY = 200


def _digest(request: HttpRequest) -> str:
    digest = hashlib.sha256(b"|".join([(request.method or "").encode(), request.path.encode()]))
    if request.method == "POST" and request.content_type == "multipart/form-data":
        # A file may be larger than Django keeps a body in memory
        # (DATA_UPLOAD_MAX_MEMORY_SIZE): the fields, then each file's name
        # and content, read as Django stored it.
        digest.update(json.dumps(sorted(request.POST.lists())).encode())
        for name, uploads in sorted(request.FILES.lists()):
            for upload in uploads:
                digest.update(json.dumps([name, upload.name]).encode())
                for chunk in upload.chunks():
                    digest.update(chunk)
                upload.seek(0)
    else:
        digest.update(b"|" + request.body)
    return digest.hexdigest()


def _replay(kept: IdempotentRequest, digest: str) -> HttpResponse:
    if kept.request_digest != digest:
        raise Problem(
            422,
            "Idempotency-Key reused",
            "This key was used for another request; use a new key for a new request.",
        )
    content_type = PROBLEM_TYPE if kept.status >= 400 else "application/json"
    response = HttpResponse(kept.body, status=kept.status, content_type=content_type)
    response["Idempotent-Replayed"] = "true"
    return response


def once(request: HttpRequest, user: Any, respond: Callable[[], HttpResponse]) -> HttpResponse:
    """Answer a write, at most once per Idempotency-Key."""
    key = request.META.get("HTTP_IDEMPOTENCY_KEY", "").strip()
    if not key:
        return respond()
    if len(key) > MAX_KEY:
        raise Problem(400, "Idempotency-Key too long", f"At most {MAX_KEY} characters.")
    digest = _digest(request)
    kept = IdempotentRequest.objects.filter(user=user, key=key).first()
    if kept is not None:
        return _replay(kept, digest)
    try:
        with transaction.atomic():
            response = respond()
            # A 429 is no answer to keep: the same request, retried
            # after Retry-After, must be tried again.
            if response.status_code < 500 and response.status_code != 429:
                services.remember_answer(
                    user=user,
                    key=key,
                    request_digest=digest,
                    status=response.status_code,
                    body=response.content.decode(),
                    acting_user=user,
                )
    except IntegrityError:
        kept = IdempotentRequest.objects.filter(user=user, key=key).first()
        if kept is None:
            raise
        return _replay(kept, digest)
    return response
