"""
What the Hub's own mail server found of a reply's sender: its
Authentication-Results headers (RFC 8601), read for the From's domain.

A sender can write any header, Authentication-Results included, so only
those stamped by a server the Hub trusts count: their authserv-id (the
first word of the header) is one of REPLY_EMAIL_AUTHSERV_IDS; every other
one is ignored. That server must remove, before it adds its own, any
Authentication-Results that claims its authserv-id (RFC 8601, section 5).
Several trusted headers (one per filter: DKIM, SPF, DMARC) are read
together, and a DMARC "fail" wins over a "pass", so that a header a
sender slipped in cannot turn the server's DMARC failure into a pass.

The verdict on the From's domain:

- "fail": a DMARC result "fail" for it; or, where DMARC did not decide
  (no result, "none", an error), DKIM and SPF were both reported and
  neither passed for that domain (the same test DMARC makes: a DKIM
  signature "pass" whose header.d is the From's domain or a parent or
  child of it, an SPF "pass" whose smtp.mailfrom is);
- "pass": DMARC "pass", or an aligned DKIM or SPF pass;
- "none": no trusted header, or one that decides nothing.

Alignment is judged without the public suffix list: a domain aligns with
itself, its parents and its subdomains, never with a sibling. That can
only miss a pass (news.example.org signed by mail.example.org), never
align two registrants' domains; servers that report DMARC decide
themselves. A small parser of our own: authres (PyPI) has had no release
since 2019 and would still leave the verdict to write.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Verdict(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    NONE = "none"


@dataclass(frozen=True)
class Result:
    """One method's result in an Authentication-Results header."""

    method: str  # lower case: "dkim", "spf", "dmarc", ...
    result: str  # lower case: "pass", "fail", ...
    properties: dict[str, str] = field(default_factory=dict)  # "header.d": "example.org"


@dataclass(frozen=True)
class Header:
    authserv_id: str  # lower case
    results: tuple[Result, ...]


@dataclass(frozen=True)
class Finding:
    """The verdict on a message's From domain, and the trusted results read."""

    verdict: Verdict
    summary: str = ""  # e.g. "dmarc=fail dkim=none spf=softfail", for records
    trusted: bool = False  # whether any trusted header was found


# --- Parsing (RFC 8601 section 2.2) -------------------------------------------------


def _tokens(value: str) -> list[str]:
    """Split a header value into words, quoted strings (unquoted), ";",
    "=" and "/", dropping comments (nested parentheses) and whitespace."""
    tokens: list[str] = []
    word: list[str] = []
    depth = 0
    i = 0

    def flush() -> None:
        if word:
            tokens.append("".join(word))
            word.clear()

    while i < len(value):
        char = value[i]
        if depth:
            if char == "\\":
                i += 1
            elif char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
        elif char == "(":
            flush()
            depth = 1
        elif char == '"':
            flush()
            quoted: list[str] = []
            i += 1
            while i < len(value) and value[i] != '"':
                if value[i] == "\\" and i + 1 < len(value):
                    i += 1
                quoted.append(value[i])
                i += 1
            tokens.append("".join(quoted))
        elif char in ";=/":
            flush()
            tokens.append(char)
        elif char.isspace():
            flush()
        else:
            word.append(char)
        i += 1
    flush()
    return tokens


def _resinfo(tokens: list[str]) -> Result | None:
    """Read `method[/version] = result [reason=...] [ptype.property=value]...`."""
    if len(tokens) < 3:
        return None
    method = tokens[0].lower()
    rest = tokens[1:]
    if rest[0] == "/" and len(rest) >= 2:  # a method version
        rest = rest[2:]
    if len(rest) < 2 or rest[0] != "=":
        return None
    result, rest = rest[1].lower(), rest[2:]
    properties: dict[str, str] = {}
    while len(rest) >= 3 and rest[1] == "=":
        key, value, rest = rest[0].lower(), rest[2], rest[3:]
        if key != "reason":
            properties.setdefault(key, value)
    return Result(method, result, properties)


def parse(value: str) -> Header | None:
    """Return the header `value` holds, or None when it is no
    Authentication-Results at all (never raises)."""
    segments: list[list[str]] = [[]]
    for token in _tokens(value):
        if token == ";":
            segments.append([])
        else:
            segments[-1].append(token)
    head = segments[0]
    if not head or head[0] in "=/":
        return None
    results: list[Result] = []
    for segment in segments[1:]:
        if segment == ["none"] or not segment:
            continue
        read = _resinfo(segment)
        if read is not None:
            results.append(read)
    return Header(head[0].lower(), tuple(results))


# --- The verdict ----------------------------------------------------------------------


def domain_of(value: str) -> str:
    """Return the domain of an address, "@domain" or bare domain."""
    return value.rpartition("@")[2].strip().strip(".").lower()


def aligned(domain: str, from_domain: str) -> bool:
    """Whether `domain` is `from_domain`, a parent or a subdomain of it
    (relaxed alignment without the public suffix list, see the docstring)."""
    if not domain or not from_domain:
        return False
    if domain == from_domain:
        return True
    longer, shorter = sorted((domain, from_domain), key=len, reverse=True)
    # A parent must keep a dot of its own: "org" aligns with nothing.
    return "." in shorter and longer.endswith("." + shorter)


def _dkim_domain(result: Result) -> str:
    return domain_of(result.properties.get("header.d") or result.properties.get("header.i", ""))


def judge(headers: Iterable[str], from_domain: str, trusted_ids: Iterable[str]) -> Finding:
    """Return the verdict the trusted headers among `headers` give on
    `from_domain` (see the module's docstring)."""
    trusted = {t.strip().lower() for t in trusted_ids if t.strip()}
    results: list[Result] = []
    found = False
    for value in headers:
        header = parse(value)
        if header is None or header.authserv_id not in trusted:
            continue
        found = True
        results += [r for r in header.results if r.method in {"dmarc", "dkim", "spf"}]
    summary = " ".join(f"{r.method}={r.result}" for r in results)[:200]
    if not found:
        return Finding(Verdict.NONE)
    from_domain = from_domain.lower()
    dmarc = [
        r.result
        for r in results
        if r.method == "dmarc"
        and domain_of(r.properties.get("header.from", from_domain)) == from_domain
    ]
    dkim = [r for r in results if r.method == "dkim"]
    spf = [r for r in results if r.method == "spf"]
    dkim_pass = any(r.result == "pass" and aligned(_dkim_domain(r), from_domain) for r in dkim)
    spf_pass = any(
        r.result == "pass"
        and aligned(domain_of(r.properties.get("smtp.mailfrom", "")), from_domain)
        for r in spf
    )
    if "fail" in dmarc:
        verdict = Verdict.FAIL
    elif "pass" in dmarc or dkim_pass or spf_pass:
        verdict = Verdict.PASS
    elif dkim and spf:
        verdict = Verdict.FAIL  # both reported, neither for the From's domain
    else:
        verdict = Verdict.NONE
    return Finding(verdict, summary, trusted=True)
