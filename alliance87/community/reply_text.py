"""
The words a person wrote in an email reply: the text of the message, less
the quoted email and the signature.

Trimming errs towards keeping text. Loomio, Discourse and mailgun's talon
each lost replies by cutting at a line that only looked like a quote or a
signature, so this cuts only at:

- an attribution ("On … wrote:", "Le … a écrit :", "El … escribió:",
  broken over up to three lines) followed by a quote (lines starting with
  ">") and nothing else: a reply written between the quoted lines keeps
  everything, quotes included (they show as quotes), and a sentence of
  the reply that ends in "wrote:" stays;
- an Outlook header block ("From:/De :/De:" followed by at least two of
  "Sent/Date/To/Subject/Cc" and their French and Spanish names), or an
  "-----Original Message-----" line, after which Outlook quotes without ">";
- the signature delimiter "-- " (RFC 3676), or a bare "--" after a blank
  line with at most ten lines after it;
- a last line "Sent from my …"/"Envoyé de mon …"/"Enviado desde mi …" or
  "Get Outlook for …" in the three languages.

A closing such as "Best regards," is kept: cutting at it cut the replies
of people who start a sentence with "Thanks, …". mail-parser-reply, the
multi-language candidate, was read and left: it cuts at any line starting
with "Thanks," or "-word" (so at a list), strips every line (breaking
Markdown indentation), and its Spanish attribution never matches Gmail's.

An HTML-only message is turned into text first (`html_to_text`): block
elements become paragraphs (Gmail's line per <div> stays a line), blockquotes
become ">" lines, links keep their address.
"""

from __future__ import annotations

import re
from email.message import EmailMessage, Message
from html.parser import HTMLParser
from typing import Any

ATTRIBUTION = re.compile(
    r"^\s*(?:On|Le|El)\s.{0,400}?"
    r"(?:wrote|a\s+[ée]crit|escribi[óo]|schrieb)\s*:\s*$",
    re.IGNORECASE | re.DOTALL,
)
ORIGINAL_MESSAGE = re.compile(
    r"^\s*-{2,}\s*(?:Original Message|Message d'origine|Message original|Mensaje original|"
    r"Forwarded message|Message transféré|Mensaje reenviado)\s*-{2,}\s*$",
    re.IGNORECASE,
)
HEADER_FROM = re.compile(r"^\s*\*?(?:From|De|Von)\s*\*?\s*:\s*\*?\s*\S", re.IGNORECASE)
HEADER_OTHER = re.compile(
    r"^\s*\*?(?:Sent|Date|To|Cc|Subject|Envoy[ée]|[ÀA]|Objet|Enviado|Fecha|Para|Asunto|CC)"
    r"\s*\*?\s*:",
    re.IGNORECASE,
)
SEPARATOR = re.compile(r"^\s*[_─-]{10,}\s*$")
MOBILE_FOOTER = re.compile(
    r"^\s*(?:Sent from my .{1,60}|Sent from Outlook.{0,60}|Sent from Mail for .{1,40}|"
    r"Get Outlook for .{1,40}|Envoy[ée] de mon .{1,60}|Envoy[ée] depuis mon .{1,60}|"
    r"Obtenir Outlook pour .{1,40}|Enviado desde mi .{1,60}|Obtener Outlook para .{1,40})\s*$",
    re.IGNORECASE,
)
MAX_SIGNATURE_LINES = 10


def _only_quotes(lines: list[str]) -> bool:
    """Return whether `lines` hold a quote and nothing else but blanks."""
    quoted = [line.lstrip().startswith(">") for line in lines if line.strip()]
    return bool(quoted) and all(quoted)


def _attribution_at(lines: list[str], i: int) -> int:
    """Return how many lines (1 to 3) starting at `i` make an attribution,
    0 if none does."""
    if not re.match(r"^\s*(?:On|Le|El)\s", lines[i], re.IGNORECASE):
        return 0
    for size in (1, 2, 3):
        if i + size > len(lines):
            break
        joined = " ".join(line.strip() for line in lines[i : i + size])
        if any(line.lstrip().startswith(">") for line in lines[i : i + size]):
            break
        if ATTRIBUTION.match(joined):
            return size
    return 0


def _outlook_header_at(lines: list[str], i: int) -> bool:
    if not HEADER_FROM.match(lines[i]):
        return False
    following = [line for line in lines[i + 1 : i + 7] if line.strip()]
    return sum(1 for line in following[:5] if HEADER_OTHER.match(line)) >= 2


def _quote_start(lines: list[str]) -> int:
    """Return the index of the first line of the quoted email, or
    len(lines) when there is none to cut."""
    for i, line in enumerate(lines):
        if ORIGINAL_MESSAGE.match(line):
            return i
        if _outlook_header_at(lines, i):
            # Outlook's line of underscores above its header block.
            before = i - 1
            while before >= 0 and not lines[before].strip():
                before -= 1
            return before if before >= 0 and SEPARATOR.match(lines[before]) else i
        size = _attribution_at(lines, i)
        if size and _only_quotes(lines[i + size :]):
            return i
    return len(lines)


def _signature_start(lines: list[str]) -> int:
    for i, line in enumerate(lines):
        if line == "-- " or line == "--\u00a0":
            return i
        if (
            line.strip() == "--"
            and (i == 0 or not lines[i - 1].strip())
            and len([x for x in lines[i + 1 :] if x.strip()]) <= MAX_SIGNATURE_LINES
        ):
            return i
    return len(lines)


def trim(text: str) -> str:
    """Return `text` less the quoted email, the signature and a mobile
    footer."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = lines[: _quote_start(lines)]
    lines = lines[: _signature_start(lines)]
    while lines and not lines[-1].strip():
        lines.pop()
    # A trailing quote without an attribution (the client wrote none).
    while lines and (not lines[-1].strip() or lines[-1].lstrip().startswith(">")):
        lines.pop()
    if lines and MOBILE_FOOTER.match(lines[-1]):
        lines.pop()
    return "\n".join(line.rstrip() for line in lines).strip("\n").strip()


# --- The text of a message ----------------------------------------------------------

BLOCK = {
    "address",
    "article",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tr",
    "ul",
}
SKIPPED = {"head", "script", "style", "title", "template"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.line = ""
        self.depth = 0  # of blockquotes
        self.skipping = 0
        self.pre = 0
        self.href: list[str | None] = []

    def _flush(self) -> None:
        text = self.line if self.pre else " ".join(self.line.split())
        prefix = "> " * self.depth
        for part in text.split("\n"):
            self.lines.append((prefix + part).rstrip())
        self.line = ""

    def _break(self) -> None:
        if self.line.strip() or self.pre:
            self._flush()
        elif self.lines and self.lines[-1].strip("> "):
            self.lines.append(("> " * self.depth).rstrip())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:
            self.skipping += 1
        elif tag in BLOCK:
            self._break()
            if tag == "blockquote":
                self.depth += 1
            elif tag == "pre":
                self.pre += 1
            elif tag == "li":
                self.line += "- "
        elif tag == "a":
            self.href.append(dict(attrs).get("href"))

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCK:
            self._break()
            if tag == "blockquote":
                self.depth = max(0, self.depth - 1)
            elif tag == "pre":
                self.pre = max(0, self.pre - 1)
        elif tag == "a" and self.href:
            href = self.href.pop()
            if href and href.startswith(("http://", "https://")) and href not in self.line:
                self.line += f" <{href}>"

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.line += data


def html_to_text(html: str) -> str:
    """Return the text of an HTML email, blockquotes as ">" lines."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    if parser.line.strip():
        parser._flush()
    lines = parser.lines
    while lines and not lines[-1].strip("> "):
        lines.pop()
    return "\n".join(lines).strip()


def _decoded(part: Message) -> str:
    try:
        content: Any = part.get_content()  # type: ignore[attr-defined]
        if isinstance(content, str):
            return content
    except (LookupError, UnicodeError, ValueError, AssertionError):
        pass
    # An unknown or lying charset: read the bytes as UTF-8, replacing what
    # is not.
    payload = part.get_payload(decode=True)
    return payload.decode("utf-8", errors="replace") if isinstance(payload, bytes) else ""


def message_text(message: EmailMessage) -> str | None:
    """Return the text of a message: its text/plain body, else its HTML
    body as text; None when it has neither."""
    try:
        part = message.get_body(preferencelist=("plain", "html"))
    except (KeyError, ValueError, AttributeError, IndexError):
        part = None
    if part is None:
        return None
    text = _decoded(part)
    if part.get_content_subtype() == "html":
        text = html_to_text(text)
    return text.replace("\x00", "")
