"""Name fields that hold more than one name, and the names they hold.

A payment's name field is often more than a name: two parties (``KIM JONG SIK /
ACME TRADING LTD``), an alias (``Kim Jong Sik (aka Kim Chong Sik)``), someone
paid through another (``ACME LTD FAO KIM JONG SIK``, ``c/o``, ``ATTN``, ``on
behalf of``), a trading name (``t/a``, ``dba``).  Scored as one name, the listed
name inside it drowns in the other words (``KIM JONG SIK / ACME TRADING LTD``
against ``KIM Jong Sik``: no hit).  So ``parts`` cuts such a field where a
separator stands (a slash, semicolon or vertical bar) or a word that introduces
another name, and each part of two letters or more is searched as a name of its
own beside the whole (``names.readings``).  A comma is no separator (``KIM, Jong
Sik`` is one name), but two or more may end a name before its address (``KIM JONG
SIK, PYONGYANG, DPRK``): the text before the first comma and before the second are
searched too.  Brackets are no separators: in a company's name they hold what
tells it from its parent (``Bank of China (Hong Kong) Limited``), so the whole is
searched as written; but in a screened person's name they also hold a role or a remark
(``KIM JONG SIK (DIRECTOR)``) or another name (``RI PYONG CHOL (LEE BYONG CHUL)``),
so the field without them is searched too, and what a bracket holds when it is a
name of two words or more.  A listed name's brackets are the list's own writing:
its parts are not cut there (``Hong Kong`` is no listed name).
"""

from __future__ import annotations

import re

# Words that introduce another name in a name field (matched case-insensitively,
# as words, not joined by a hyphen (YK-AKA), their dots optional): also known as,
# formerly known as, care of (c/o: written out, it is as often a company's words),
# for the attention of, attention, trading as, doing business as, on behalf of,
# for further credit, in favour of.
_INTRODUCERS = (
    r"a\.?k\.?a\.?",
    r"f\.?k\.?a\.?",
    r"n\.?k\.?a\.?",
    r"also known as",
    r"formerly known as",
    r"formerly",
    r"c/o",
    r"f\.?a\.?o\.?",
    r"attn\.?",
    r"attention",
    r"t/a",
    r"trading as",
    r"d/b/a",
    r"d\.b\.a\.?",
    r"dba",
    r"o\.?b\.?o\.?",
    r"on behalf of",
    r"f\.?f\.?c\.?",
    r"for further credit(?: to| of)?",
    r"in favou?r of",
)
# A slash between two single letters is an abbreviation (S/A, the Brazilian
# sociedade anonima), not a separator.
_SEPARATORS = re.compile(
    r"\s*(?:[;|]|(?<![\w-])(?:" + "|".join(_INTRODUCERS) + r")(?![\w-])|(?<!\b\w)/|/(?!\w\b))\s*",
    re.IGNORECASE,
)

# Stripped from around a part: spaces, and brackets left open by a cut
# ("Kim Jong Sik (aka Kim Chong Sik)").
_AROUND = " \t()[]{}"
# Commas in a part from which what follows the name may be an address.
ADDRESS_MIN_COMMAS = 2
# A part with fewer letters than this is no name.
MIN_PART_LETTERS = 2
# A bracket's content searched as a name of its own has this many words or more:
# one word is a role, a remark or a place (DIRECTOR, MR, SCHWEIZ).
BRACKET_NAME_MIN_WORDS = 2
_BRACKETED = re.compile(r"[(\[{]([^()\[\]{}]*)[)\]}]")

# What a payment's name field adds after a name to tell its party (matched
# case-insensitively, in brackets or not): a vessel's IMO number (IMO 9123456, IMO
# NO. 9123456: seven digits), a birth date (DOB 1968, D.O.B. 12/05/1968, born
# 1968), an account (A/C 40817810099910004312, ACCT NO 1234-5678, IBAN
# DE89370400440532013000).  The field without them is searched beside the whole:
# the listed name has none of them (``KIM JONG SIK DOB 1968`` scored 81 against
# KIM Jong Sik, ``DAVENPORT IMO 9123456`` 67 against the vessel DAVENPORT).
_IMO = r"imo(?:\s*(?:no|nr|number|n°|#))?\.?\s*[:#.-]?\s*(\d{7})"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE = (
    r"(?:\d{4}(?:[./-]\d{1,2}){0,2}"
    rf"|\d{{1,2}}[./ -](?:\d{{1,2}}|{_MONTH})[./ -]\d{{2,4}}"
    rf"|{_MONTH}\s*\d{{4}})"
)
_BIRTH = rf"(?:d\.?o\.?b\.?|date of birth|born|b\.)\s*[:.-]?\s*{_DATE}"
_ACCOUNT = (
    r"(?:a/c|acc(?:oun)?t?|iban)(?:\s*(?:no|nr|number|#))?\.?\s*[:#.-]?\s*"
    r"[a-z]{0,4}\d[\d -]{3,}\d"
)
_ANNOTATIONS = re.compile(
    rf"[(\[]?\s*(?<![\w/-])(?:{_IMO}|{_BIRTH}|{_ACCOUNT})(?![\w-])\s*[)\]]?", re.IGNORECASE
)
_IMO_NUMBER = re.compile(rf"(?<![\w-]){_IMO}(?![\w-])", re.IGNORECASE)
_BIRTH_DATE = re.compile(rf"(?<![\w/-]){_BIRTH}(?![\w-])", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def parts(text: str, *, screened: bool = True, brackets: bool = True) -> tuple[str, ...]:
    """The names a field holds when it holds more than one (or one amid separators,
    or, when ``screened``, before an address or, with ``brackets``, beside brackets),
    in order; () when it is one name.  A listed name has no address, and its
    brackets are its own: its commas order it (``KNOWLES, JR., Samuel``).  A
    company's brackets tell it from its parent and its sisters (``Bank of China
    (Hong Kong) Limited`` is not the one of Australia): the caller who knows a
    company's name (``names.normalise``: a legal form) asks for no ``brackets``."""
    if screened and (bare := without_annotations(text)) != text:
        return tuple(dict.fromkeys((bare, *parts(bare, brackets=brackets))))
    pieces = _SEPARATORS.split(text.strip())
    found = [p.strip(_AROUND) for p in pieces] if len(pieces) >= 2 else []
    for piece in pieces if screened else ():
        found += _before_address(piece.strip(_AROUND))
        found += _beside_brackets(piece.strip()) if brackets else []
    return tuple(
        dict.fromkeys(
            p for p in found if p != text and sum(c.isalpha() for c in p) >= MIN_PART_LETTERS
        )
    )


def without_annotations(text: str) -> str:
    """``text`` without the IMO numbers, birth dates and accounts a payment's name
    field may add to a name (``_ANNOTATIONS``); ``text`` itself when it has none."""
    if not any(c.isdigit() for c in text):
        return text
    bare = _ANNOTATIONS.sub(" ", text)
    return text if bare == text else " ".join(bare.split()).strip(" ,;")


def imo_numbers(text: str) -> tuple[str, ...]:
    """The IMO numbers written in a name field (``IMO 9123456``), as ``IMO9123456``."""
    if "imo" not in text.lower():
        return ()
    return tuple(dict.fromkeys("IMO" + number for number in _IMO_NUMBER.findall(text)))


def birth_year(text: str) -> int | None:
    """The year of the first birth date written in a name field with four digits
    (``KIM JONG SIK DOB 12/05/1968``: 1968), else None."""
    if not any(c.isdigit() for c in text):
        return None
    for found in _BIRTH_DATE.finditer(text):
        year = _YEAR.search(found.group())
        if year is not None:
            return int(year.group())
    return None


def _beside_brackets(text: str) -> list[str]:
    """A field with brackets in Latin letters inside (``RI PYONG CHOL (LEE BYONG
    CHUL)``): the text without them, and each bracket's content of
    ``BRACKET_NAME_MIN_WORDS`` words or more."""
    inside = _BRACKETED.findall(text)
    if not inside or not all(content.isascii() for content in inside):
        # In Hangul, kanji and Han characters a bracket holds the legal form ((주),
        # (株)): one name, read whole and as its English name (``company_words``).
        return []
    outside = " ".join(_BRACKETED.sub(" ", text).split())
    names = [content.strip() for content in inside]
    return [outside] + [n for n in names if len(n.split()) >= BRACKET_NAME_MIN_WORDS]


def _before_address(text: str) -> list[str]:
    """A name and what follows it after two commas or more (``KIM JONG SIK,
    PYONGYANG, DPRK``): the text up to the first comma and up to the second, one of
    which is the name (``KIM, Jong Sik, Pyongyang``)."""
    pieces = text.split(",")
    if len(pieces) < ADDRESS_MIN_COMMAS + 1:
        return []
    return [pieces[0].strip(), ",".join(pieces[:2]).strip()]
