"""
Drive Debian's Chromium through Playwright, and audit the pages it shows.

The browser is the one the system package manager installs
(`/usr/bin/chromium`, `make chromium`): Playwright's own browser builds are
downloads this project does not depend on. Every request that leaves the
Hub's host is refused and recorded, so that a page which fetches a font,
a script or an image from elsewhere fails its test.

axe-core (bundled by axe-playwright-python) checks the WCAG 2.2 A and AA
rules. axe runs in the page, so it needs JavaScript; pages seen with
JavaScript off are checked for function instead (they render, forms
submit).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Headless, and quiet: no sandbox (CI runs as root), no background
# requests to Google's services, which the request guard would report.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The WCAG 2.2 A and AA rules, as axe tags them; best practices are left
# out on purpose (they are advice, not the standard the Hub promises).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def launch(playwright: Any) -> Any:
    """Start the system Chromium, headless."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@dataclass
class RequestGuard:
    """Refuse every request whose host is not the Hub's; remember them."""

    host: str
    refused: list[str] = field(default_factory=list)

    def install(self, context: Any) -> None:
        context.route("**/*", self._route)

    def _route(self, route: Any) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about") or parts.netloc == self.host:
            route.continue_()
        else:
            self.refused.append(url)
            route.abort()


def axe_violations(page: Any) -> list[str]:
    """Return one line per WCAG A/AA rule the page breaks, with its nodes."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    results = Axe().run(page, options=options)
    lines = []
    for violation in results.response["violations"]:
        targets = "; ".join(
            " ".join(str(t) for t in node["target"]) for node in violation["nodes"][:5]
        )
        lines.append(f"{violation['id']} ({len(violation['nodes'])}): {targets}")
    return lines


def horizontal_overflow(page: Any) -> int:
    """Return by how many CSS pixels the page is wider than the window."""
    return int(page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))


def wide_elements(page: Any, limit: int = 3) -> list[str]:
    """Return the innermost elements that reach, or whose text reaches, past
    the window's right edge."""
    return list(
        page.evaluate(
            """limit => {
              const past = e => e.getBoundingClientRect().right > window.innerWidth + 1
                || e.scrollWidth > e.clientWidth + 1
                   && getComputedStyle(e).overflowX === 'visible';
              return Array.from(document.querySelectorAll('body *'))
                .filter(e => past(e) && !Array.from(e.children).some(past))
                .slice(0, limit)
                .map(e => e.outerHTML.slice(0, 160));
            }""",
            limit,
        )
    )


def small_text(page: Any, minimum: float = 10) -> list[str]:
    """Return the visible texts drawn smaller than `minimum` CSS pixels.

    An SVG's text is measured as drawn: its font size times the scale at
    which the drawing is shown (a chart shrunk to a phone's width shrinks
    its labels).
    """
    return list(
        page.evaluate(
            """minimum => Array.from(document.querySelectorAll('body *'))
              .filter(e => e.getClientRects().length && Array.from(e.childNodes)
                .some(n => n.nodeType === 3 && n.textContent.trim()))
              .map(e => {
                let size = parseFloat(getComputedStyle(e).fontSize);
                if (e instanceof SVGGraphicsElement) {
                  const m = e.getScreenCTM();
                  size *= Math.hypot(m.a, m.b);
                }
                return [size, e];
              })
              .filter(([size, e]) => size < minimum
                && !e.closest('.visually-hidden, [aria-hidden=true]'))
              .slice(0, 3)
              .map(([size, e]) => `${size.toFixed(1)}px: ${e.textContent.trim().slice(0, 40)}`)""",
            minimum,
        )
    )


def broken_references(page: Any) -> list[str]:
    """Return the ids that ARIA attributes or in-page links name in vain.

    axe passes an aria-describedby whose ids are partly missing, and a link
    to "#" in an error summary: a screen reader then reads no hint, and the
    link leads nowhere.
    """
    return list(
        page.evaluate(
            """() => {
              const missing = id => !document.getElementById(id);
              const aria = Array.from(document.querySelectorAll(
                  '[aria-describedby], [aria-labelledby]'))
                .flatMap(e => ['aria-describedby', 'aria-labelledby']
                  .flatMap(a => (e.getAttribute(a) || '').split(/\\s+/).filter(Boolean))
                  .filter(missing)
                  .map(id => `${e.getAttribute('name') || e.tagName}: ${id}`));
              const links = Array.from(document.querySelectorAll('main a[href^="#"]'))
                .map(a => decodeURIComponent(a.getAttribute('href').slice(1)))
                .filter(id => !id || missing(id))
                .map(id => `link to #${id}`);
              return aria.concat(links);
            }"""
        )
    )


def sign_in(
    page: Any, base_url: str, email: str, password: str, code: Callable[[], str] | None = None
) -> None:
    """Sign in through the sign-in page as a person would, second factor too.

    `code` gives the current TOTP code when the page asks for it (a code
    read earlier may have expired).
    """
    page.goto(f"{base_url}/en/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_load_state()
    if "/2fa/authenticate/" in page.url:
        assert code is not None, f"{email} must give a second factor"
        page.locator("input[name=code]").fill(code())
        page.get_by_role("button", name="Sign in", exact=True).click()
        page.wait_for_load_state()


def follow(page: Any, *links: str, start: str = "/en/") -> None:
    """Open `start` and follow the links named, in order, as a person
    clicks through: the prelude of every journey."""
    page.goto(start)
    for name in links:
        page.get_by_role("link", name=name, exact=True).first.click()
