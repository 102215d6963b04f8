"""Name preparation: normalisation, transliteration and tokenisation of names.

``prepare_name`` turns any name (any script, any punctuation) into a
``PreparedName`` that the matchers compare.  Listed names are prepared once when
the index is built; screened names once per distinct value.
"""

from .normalise import PreparedName, normalise, prepare_name, tokenise

__all__ = ["PreparedName", "normalise", "prepare_name", "tokenise"]
