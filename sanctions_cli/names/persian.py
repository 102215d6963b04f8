"""Names in Arabic script read with the consonants of Persian, Urdu and Pashto.

Four Arabic letters stand for sounds those languages do not have, and their
speakers, and the Latin spellings of their names, say them otherwise: ``ذ``,
``ض`` and ``ظ`` are z, ``ث`` is s (``فضل`` Fazal, not Fadal; ``مظهری`` Mazhari;
``ضیا`` Zia).  Arabic names keep the Arabic sounds in their Latin spellings
(``فاضل`` Fadhil, ``ثامر`` Thamer), and many Afghan and Pakistani names are
written with Arabic letters only (``فضل رحيم``, listed as FAZAL RAHIM), so the
script does not tell the two apart: ``alternative_reading`` gives the name
with those letters written as Persian says them, searched besides the Arabic
reading.
"""

from __future__ import annotations

import re

_ARABIC_ONLY_SOUNDS = re.compile("[ثذضظ]")
_AS_PERSIAN = str.maketrans({"ذ": "ز", "ض": "ز", "ظ": "ز", "ث": "س"})


def alternative_reading(text: str) -> str | None:
    """``text`` with the letters Persian says otherwise written as it says them,
    or None when it has none."""
    if _ARABIC_ONLY_SOUNDS.search(text) is None:
        return None
    return text.translate(_AS_PERSIAN)
