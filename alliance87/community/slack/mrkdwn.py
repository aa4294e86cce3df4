"""
Slack's mrkdwn, as it stands in an export's `text`, turned into the Hub's
Markdown (which core/markdown.py renders and nh3 sanitises like any post).

Slack's own documentation ("Formatting text for app surfaces",
docs/slack-import.md) defines what is read here: `&`, `<` and `>` escaped
as `&amp;`, `&lt;` and `&gt;`; `<@U123>` (or `<@U123|name>`) a person,
`<#C123|name>` a channel, `<!here>`, `<!channel>`, `<!everyone>` and
`<!subteam^ID|@team>` special mentions, `<url>` and `<url|text>` links,
`*bold*`, `_italic_`, `~strike~`, `` `code` ``, ```` ```block``` ```` and
`&gt; ` quotes at the start of a line.

A person mapped to a Hub account becomes `@username`, the community's
mention (services.mentioned_users records it). Every other "@" that the
community would read as a mention (an unmapped person, `@here`, a literal
"@name" typed on Slack) is written `&#64;`, which reads "@" and names
nobody: an import never refuses a message for a mention, nor mentions
someone by chance. In code, where an entity would show as typed, a word
joiner (U+2060) follows the "@" instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from alliance87.community.services.mentions import MENTION
from alliance87.community.services.mentions import escape_markdown as escape
from alliance87.community.services.mentions import neutralise_mentions as neutralise

FENCE = re.compile(r"```(.*?)```", re.DOTALL)
INLINE_CODE = re.compile(r"`([^`\n]+)`")
ENTITY = re.compile(r"<([^<>\n]+)>")
BOLD = re.compile(r"(?<![\w*\\])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
WORD_JOINER = "\u2060"
# What would lengthen a mention's name (services.MENTION), a full stop
# that ends a sentence aside.
NAME_GOES_ON = re.compile(r"[A-Za-z0-9_+-]|\.[A-Za-z0-9_]")


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _code(text: str) -> str:
    text = _unescape(text)
    return MENTION.sub(lambda m: "@" + WORD_JOINER + m.group(1), text)


class Converter:
    """Turn mrkdwn into Markdown, given how to name a Slack person
    (`mention(user_id, label)` returns a Hub @username or None, and
    `person(user_id)` their Slack name) and a channel."""

    def __init__(
        self,
        mention: Callable[[str], str | None],
        person: Callable[[str], str],
        channel: Callable[[str], str],
    ) -> None:
        self.mention, self.person, self.channel = mention, person, channel

    def convert(self, text: str) -> str:
        text = text.replace("\r\n", "\n")
        pieces: list[str] = []
        last = 0
        for match in FENCE.finditer(text):
            pieces.append(self._inline_code_and_prose(text[last : match.start()]))
            body = _code(match.group(1)).strip("\n")
            pieces.append(f"\n\n```\n{body.replace('```', '` ` `')}\n```\n\n")
            last = match.end()
        pieces.append(self._inline_code_and_prose(text[last:]))
        return re.sub(r"\n{3,}", "\n\n", "".join(pieces)).strip()

    def _inline_code_and_prose(self, text: str) -> str:
        pieces: list[str] = []
        last = 0
        for match in INLINE_CODE.finditer(text):
            pieces.append(self._prose(text[last : match.start()]))
            pieces.append(f"`{_code(match.group(1))}`")
            last = match.end()
        pieces.append(self._prose(text[last:]))
        return "".join(pieces)

    def _prose(self, text: str) -> str:
        # Placeholders keep what is already Markdown (links, mentions)
        # out of the escaping that follows.
        kept: list[str] = []

        def keep(markdown: str) -> str:
            kept.append(markdown)
            return f"\x00{len(kept) - 1}\x00"

        def entity(match: re.Match[str]) -> str:
            markdown = self._entity(match.group(1))
            if markdown.startswith("@") and NAME_GOES_ON.match(text, match.end()):
                # "<@U1>-team": the mention must end where the name does.
                markdown += WORD_JOINER
            return keep(markdown)

        text = ENTITY.sub(entity, text)
        text = neutralise(text)
        text = BOLD.sub(r"**\1**", text)
        lines = []
        for line in text.split("\n"):
            if line.startswith("&gt;"):
                line = ">" + line[4:]
            elif re.match(r"^\s*#", line):
                line = line.replace("#", "\\#", 1)
            lines.append(line)
        # A line break on Slack is a line break here too (a hard break:
        # two spaces), except around blank lines, lists and quotes.
        out = []
        for i, line in enumerate(lines):
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if line.strip() and nxt.strip() and not re.match(r"^\s*([-*•>]|\d+[.)])\s", nxt):
                line += "  "
            out.append(line)
        text = "\n".join(out)
        return re.sub("\x00(\\d+)\x00", lambda m: kept[int(m.group(1))], text)

    def _entity(self, inner: str) -> str:
        target, _sep, label = inner.partition("|")
        if target.startswith("@"):
            username = self.mention(target[1:])
            if username:
                return f"@{username}"
            return "&#64;" + escape(label or self.person(target[1:]))
        if target.startswith("#"):
            return "#" + escape(label or self.channel(target[1:]))
        if target.startswith("!"):
            special = target[1:].split("^", 1)[0]
            if special in {"here", "channel", "everyone"}:
                return "&#64;" + special
            return escape(_unescape(label) or special)
        url = _unescape(target).replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
        if not re.match(r"^(https?|mailto):", url, re.IGNORECASE):
            return escape(_unescape(label or target))
        text = escape(_unescape(label)) if label else ""
        if not text:
            return f"<{url}>"
        return f"[{text}](<{url}>)"
