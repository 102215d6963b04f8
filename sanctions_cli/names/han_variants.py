"""Traditional and simplified Han characters, told as one character.

Mainland China writes names in simplified characters, Taiwan, Hong Kong and older
records in traditional ones: ``習近平`` and ``习近平`` are one name.  Romanised, the
two read alike anyway; compared as written (``names.syllables``) a traditional
character is taken as its simplified form.

The pairs are the Unicode Han database's (Unihan ``kSimplifiedVariant``), kept
derived in ``TABLE_FILE`` by ``build_table`` (the 6,215 characters with one
simplified form other than themselves; a test checks the file's shape).  The Unihan data is ©
Unicode, Inc., under the Unicode License (https://www.unicode.org/license.txt);
Debian ships it in ``unicode-data``.
"""

from __future__ import annotations

import bz2
from functools import cache
from importlib import resources
from pathlib import Path

TABLE_FILE = "simplified.tsv"


def build_table(unihan_variants: Path) -> dict[str, str]:
    """Each traditional character with a single simplified form other than itself,
    from ``Unihan_Variants.txt`` (plain or ``.bz2``)."""
    opener = bz2.open if unihan_variants.suffix == ".bz2" else open
    table: dict[str, str] = {}
    with opener(unihan_variants, "rt", encoding="utf-8") as lines:
        for line in lines:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3 or parts[1] != "kSimplifiedVariant":
                continue
            forms = parts[2].split()
            char = chr(int(parts[0][2:], 16))
            if len(forms) == 1:
                simple = chr(int(forms[0][2:], 16))
                if simple != char:
                    table[char] = simple
    return table


def format_table(table: dict[str, str]) -> str:
    """The table as ``TABLE_FILE`` holds it: a character and its simplified form."""
    return "".join(f"{char}\t{simple}\n" for char, simple in sorted(table.items()))


@cache
def _table() -> dict[str, str]:
    """``build_table`` as kept in ``TABLE_FILE``."""
    text = resources.files("sanctions_cli.names").joinpath(TABLE_FILE).read_text("utf-8")
    return dict(line.split("\t") for line in text.splitlines() if line.count("\t") == 1)


def simplified(char: str) -> str:
    """The simplified form of a Han character (itself when it has none)."""
    return _table().get(char, char)
