"""Name preparation: normalisation, transliteration and tokenisation of names.

``prepare_name`` turns any name (any script, any punctuation) into a
``PreparedName`` that the matchers compare.  Listed names are prepared once when
the index is built; screened names once per distinct value.  ``phonetic`` holds
the token views (plain and phonetic skeleton) under which tokens are compared.
"""

from .chinese import FOREIGN_HAN
from .normalise import (
    FOREIGN_HANGUL,
    FOREIGN_KATAKANA,
    LEGAL_FORM_TOKENS,
    LEGAL_FORM_WORDS,
    MAX_COMPOUND_TOKENS,
    TOKEN_VIEW_FUNCTIONS,
    NameOption,
    PreparedName,
    TokenKind,
    mask_bits,
    normalise,
    prepare_name,
    prepared_readings,
    readings,
    same_script_alternatives,
    skeleton_view,
    title_moved,
    token_kind,
    token_options,
    tokenise,
    written_initials,
)
from .phonetic import skeleton, voweled_skeleton

__all__ = [
    "FOREIGN_HAN",
    "FOREIGN_HANGUL",
    "FOREIGN_KATAKANA",
    "LEGAL_FORM_TOKENS",
    "LEGAL_FORM_WORDS",
    "MAX_COMPOUND_TOKENS",
    "TOKEN_VIEW_FUNCTIONS",
    "NameOption",
    "PreparedName",
    "TokenKind",
    "mask_bits",
    "normalise",
    "prepare_name",
    "prepared_readings",
    "readings",
    "same_script_alternatives",
    "skeleton",
    "skeleton_view",
    "title_moved",
    "token_kind",
    "token_options",
    "tokenise",
    "voweled_skeleton",
    "written_initials",
]
