"""Trimming an email reply to the words its author wrote: real client
formats in English, French and Spanish, and the texts that only look like
quotes or signatures, which must be kept whole (community/reply_text.py)."""

from __future__ import annotations

import pytest

from alliance87.community.reply_text import html_to_text, trim

REPLY = "Yes, Tuesday works.\n\nWe will bring the draft."

CLIENTS = {
    "gmail-en": (
        "On Mon, Dec 7, 2026 at 10:15 AM Ana García <ana@example.org> wrote:\n"
        "\n> Can we meet on Tuesday?\n>\n> Ana\n"
    ),
    "gmail-en-line-broken": (
        "On Mon, Dec 7, 2026 at 10:15 AM Ana García <\nana@example.org> wrote:\n\n> Tuesday?\n"
    ),
    "apple-mail-en": (
        "> On 7 Dec 2026, at 10:15, Ana García <ana@example.org> wrote:\n>\n> Tuesday?\n"
    ),
    "apple-mail-en-unquoted-attribution": (
        "On 7 Dec 2026, at 10:15, Ana García <ana@example.org> wrote:\n\n> Tuesday?\n"
    ),
    "outlook-en": (
        "________________________________\n"
        "From: Ana García <ana@example.org>\n"
        "Sent: Monday, December 7, 2026 10:15 AM\n"
        "To: Hub <reply+x@reply.example.org>\n"
        "Subject: Re: [Migration] Meeting\n\n"
        "Can we meet on Tuesday?\n"
    ),
    "outlook-en-bold": (
        "*From:* Ana García <ana@example.org>\n"
        "*Sent:* Monday, December 7, 2026 10:15\n"
        "*To:* Hub\n"
        "*Subject:* Meeting\n\nTuesday?\n"
    ),
    "outlook-original-message": (
        "-----Original Message-----\n"
        "From: Ana\nSent: Monday\nTo: Hub\nSubject: Meeting\n\nTuesday?\n"
    ),
    "gmail-fr": (
        "Le lun. 7 déc. 2026 à 10:15, Ana García <ana@example.org> a écrit :\n\n> Mardi ?\n"
    ),
    "gmail-fr-line-broken": (
        "Le lun. 7 déc. 2026 à 10:15, Ana García <ana@example.org> a\nécrit :\n\n> Mardi ?\n"
    ),
    "apple-mail-fr": (
        "> Le 7 déc. 2026 à 10:15, Ana García <ana@example.org> a écrit :\n> Mardi ?\n"
    ),
    "outlook-fr": (
        "De : Ana García <ana@example.org>\n"
        "Envoyé : lundi 7 décembre 2026 10:15\n"
        "À : Hub\n"
        "Objet : Réunion\n\nMardi ?\n"
    ),
    "outlook-fr-message-d-origine": (
        "-----Message d'origine-----\n"
        "De : Ana\nEnvoyé : lundi\nÀ : Hub\nObjet : Réunion\n\nMardi ?\n"
    ),
    "gmail-es": (
        "El lun, 7 dic 2026 a las 10:15, Ana García (<ana@example.org>) escribió:\n\n> ¿Martes?\n"
    ),
    "gmail-es-line-broken": (
        "El lun, 7 dic 2026 a las 10:15, Ana García (<\n"
        "ana@example.org>) escribió:\n\n> ¿Martes?\n"
    ),
    "apple-mail-es": (
        "El 7 dic 2026, a las 10:15, Ana García <ana@example.org> escribió:\n> ¿Martes?\n"
    ),
    "outlook-es": (
        "De: Ana García <ana@example.org>\n"
        "Enviado: lunes, 7 de diciembre de 2026 10:15\n"
        "Para: Hub\n"
        "Asunto: Reunión\n\n¿Martes?\n"
    ),
    "thunderbird-signature-then-quote": (
        "-- \nMo Member\nMember NGO, Geneva\n\n"
        "On 07/12/2026 10:15, Ana García wrote:\n> Tuesday?\n"
    ),
}


@pytest.mark.parametrize("client", sorted(CLIENTS))
def test_the_quoted_email_of_each_client_is_left_out(client: str) -> None:
    assert trim(f"{REPLY}\n\n{CLIENTS[client]}") == REPLY


@pytest.mark.parametrize(
    "footer",
    [
        "Sent from my iPhone",
        "Envoyé de mon iPhone",
        "Enviado desde mi iPhone",
        "Get Outlook for Android",
        "Obtenir Outlook pour iOS",
        "Obtener Outlook para Android",
    ],
)
def test_a_mobile_footer_is_left_out(footer: str) -> None:
    assert trim(f"{REPLY}\n\n{footer}\n\n{CLIENTS['gmail-en']}") == REPLY


def test_a_signature_after_the_delimiter_is_left_out() -> None:
    assert trim(f"{REPLY}\n-- \nMo Member\n+41 22 000 00 00") == REPLY
    assert trim(f"{REPLY}\n\n--\nMo Member") == REPLY  # the space lost by a client


def test_crlf_line_ends_are_read() -> None:
    assert trim(f"{REPLY}\n\n{CLIENTS['gmail-en']}".replace("\n", "\r\n")) == REPLY


@pytest.mark.parametrize(
    "text",
    [
        # A sentence that ends like an attribution, with no quote after it.
        "On Monday the minister wrote:\nthe plan is adopted.",
        "The report says what the minister wrote:",
        # Closings and lists that other trimmers cut at.
        "Thanks, that helps.\n\nBest regards,\nMo",
        "Next steps:\n- draft\n- review\n-- not a signature, a dash in text",
        # A Markdown heading underlined with dashes, and indented code.
        "Agenda\n--\n\n    indented code\n\nend",
        "From: the field.\nTo be continued.",
        # A reply written between the quoted lines keeps everything.
        "On Mon, Ana wrote:\n> Tuesday?\nYes.\n> Room?\nThree.",
    ],
)
def test_text_that_only_looks_like_a_quote_or_signature_is_kept(text: str) -> None:
    assert trim(text) == text


def test_a_trailing_quote_without_an_attribution_is_left_out() -> None:
    assert trim(f"{REPLY}\n\n> Tuesday?\n> Ana") == REPLY


def test_a_message_that_is_only_a_quote_is_empty() -> None:
    assert trim(CLIENTS["gmail-en"]) == ""


def test_html_blockquotes_become_quotes_and_scripts_go() -> None:
    html = (
        "<html><head><style>p{}</style></head><body><p>One &amp; two</p>"
        "<ul><li>a</li><li>b</li></ul><blockquote><p>quoted</p>"
        "<blockquote>deeper</blockquote></blockquote><script>x()</script></body></html>"
    )
    assert html_to_text(html) == "One & two\n\n- a\n\n- b\n\n> quoted\n>\n> > deeper"
