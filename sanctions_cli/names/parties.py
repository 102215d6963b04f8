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
tells it from its parent (``Bank of China (Hong Kong) Limited``).
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


def parts(text: str, *, addresses: bool = True) -> tuple[str, ...]:
    """The names a field holds when it holds more than one (or one amid separators,
    or, with ``addresses``, before an address), in order; () when it is one name.
    A listed name has no address: its commas order it (``KNOWLES, JR., Samuel``)."""
    pieces = _SEPARATORS.split(text.strip())
    found = [p.strip(_AROUND) for p in pieces] if len(pieces) >= 2 else []
    for piece in pieces if addresses else ():
        found += _before_address(piece.strip(_AROUND))
    return tuple(dict.fromkeys(p for p in found if sum(c.isalpha() for c in p) >= MIN_PART_LETTERS))


def _before_address(text: str) -> list[str]:
    """A name and what follows it after two commas or more (``KIM JONG SIK,
    PYONGYANG, DPRK``): the text up to the first comma and up to the second, one of
    which is the name (``KIM, Jong Sik, Pyongyang``)."""
    pieces = text.split(",")
    if len(pieces) < ADDRESS_MIN_COMMAS + 1:
        return []
    return [pieces[0].strip(), ",".join(pieces[:2]).strip()]
