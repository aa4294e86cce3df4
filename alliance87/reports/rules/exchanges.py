"""
Question-and-answer exchanges: who asked, what, who answered, what.

Two shapes: passages marked "Q:" and "A:" (rule `qa_markers`), and prose
("ITUC asked whether ...", "OECD ... and asked if ...", rule
`asked_in_prose`). An answer is a passage marked "A:" (`answer_marker`),
a sentence whose speaker responds, explains, clarifies or confirms
(`answered_verb`), or the next sentence, when another party speaks right
after an unanswered question (`answer_next_speaker`). Several askers in
one "Q:" passage get one exchange each, with the answer they share. An
exchange ends at a paragraph break or when another party starts a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from alliance87.reports.proposal import Exchange, Party, Source
from alliance87.reports.rules.base import Context, Sentence, clean, sentences

_VERBS = (
    r"asked|enquired|inquired|wanted to know|questioned|wondered|pointed out|called for|"
    r"expressed|raised|noted|suggested|offered|responded|answered|replied|explained|clarified|"
    r"confirmed|reaffirmed|added|considered|considers|agreed|said|stressed|highlighted|"
    r"informed|recalled|was pleased|were pleased|welcomed|supported|thanked|emphasi[sz]ed|"
    r"indicated|proposed|requested|encouraged|acknowledged|underlined|reminded|notified|"
    r"presented|gave|shared|announced|reported|briefed|introduced"
)
SUBJECT = re.compile(
    r"^(?:[QA]:\s*)?(?P<subj>(?:[Tt]he\s+)?[A-Z][\w.’'&-]*(?:\s+(?:of|for|on|and|the|from|"
    r"[A-Z][\w.’'&-]*|\d[\w.]*)){0,7}?)\s+(?:then\s+|also\s+|further\s+|therefore\s+)?"
    r"(?P<verb>" + _VERBS + r")\b"
)
_QUESTION_VERBS = {"asked", "enquired", "inquired", "wanted to know", "questioned", "wondered"}
_ANSWER_VERBS = {"responded", "answered", "replied", "explained", "clarified", "confirmed"}
_ASKS_LATER = re.compile(r"\b(?:and|then)\s+asked\b|,\s*asking\b|\band wanted to know\b")


def subject(ctx: Context, sentence_text: str) -> tuple[str, str] | None:
    """Return the party that speaks in a sentence and its verb, when the
    sentence opens with someone who can speak ("The IOE asked")."""
    m = SUBJECT.match(sentence_text)
    if not m or not ctx.directory.is_party(m.group("subj")):
        return None
    return " ".join(m.group("subj").split()), m.group("verb")


@dataclass
class _Open:
    asked_by: Party
    asked_name: str
    q_start: int
    q_end: int
    rule: str
    answered_by: Party | None = None
    answered_name: str | None = None
    a_start: int | None = None
    a_end: int | None = None
    answer_rule: str | None = None


def exchanges(ctx: Context) -> list[Exchange]:
    """Find the exchanges of each agenda item's section (or of the whole
    text when the report has no sections)."""
    found: list[Exchange] = []
    spans: list[tuple[int, int, str | None]] = [(s.start, s.end, s.number) for s in ctx.sections]
    spans = spans or [(0, len(ctx.text), None)]
    for start, end, number in spans:
        found.extend(_in_passage(ctx, sentences(ctx.text, start, end), number))
    return found


def _in_passage(ctx: Context, sents: list[Sentence], number: str | None) -> list[Exchange]:
    done: list[_Open] = []
    pending: list[_Open] = []
    mode: str | None = None  # "q" while asking, "a" while answering
    previous_end = sents[0].start if sents else 0

    def close() -> None:
        nonlocal pending, mode
        done.extend(pending)
        pending = []
        mode = None

    for s in sents:
        gap = ctx.text[previous_end : s.start]
        previous_end = s.end
        paragraph_break = bool(re.search(r"\n[ \t]*\n", gap))
        q_marker = s.text.startswith("Q:")
        a_marker = s.text.startswith("A:")
        speaker = subject(ctx, s.text)
        asks = speaker is not None and (
            q_marker or speaker[1] in _QUESTION_VERBS or bool(_ASKS_LATER.search(s.text))
        )
        if asks and speaker:
            if mode == "a" or q_marker:
                close()
            pending.append(
                _Open(
                    ctx.directory.party(speaker[0]),
                    speaker[0],
                    s.start,
                    s.end,
                    "qa_markers" if q_marker else "asked_in_prose",
                )
            )
            mode = "q"
            continue
        if a_marker or (
            mode == "q"
            and speaker is not None
            and speaker[0] not in {p.asked_name for p in pending}
            # Across a paragraph break only one who answers answers.
            and (not paragraph_break or speaker[1] in _ANSWER_VERBS)
        ):
            if mode == "a" and a_marker:
                close()
            if not pending:
                continue
            if a_marker:
                rule = "answer_marker"
            elif speaker and speaker[1] in _ANSWER_VERBS:
                rule = "answered_verb"
            else:
                rule = "answer_next_speaker"
            for p in pending:
                p.answered_by = ctx.directory.party(speaker[0]) if speaker else None
                p.answered_name = speaker[0] if speaker else None
                p.a_start, p.a_end, p.answer_rule = s.start, s.end, rule
            mode = "a"
            continue
        if mode == "q":
            if paragraph_break and not q_marker:
                close()
                continue
            pending[-1].q_end = s.end
        elif mode == "a":
            other_speaker = (
                speaker is not None and s.line_start and speaker[0] != pending[0].answered_name
            )
            if paragraph_break or other_speaker:
                close()
                continue
            for p in pending:
                p.a_end = s.end
    close()
    return [
        Exchange(
            agenda_number=number,
            asked_by=p.asked_by,
            question=clean(ctx.text[p.q_start : p.q_end]),
            answered_by=p.answered_by,
            answer=clean(ctx.text[p.a_start : p.a_end]) if p.a_start is not None else None,
            source=Source(p.q_start, p.a_end if p.a_end is not None else p.q_end),
            rule=p.rule + (f"+{p.answer_rule}" if p.answer_rule else ""),
        )
        for p in done
    ]
