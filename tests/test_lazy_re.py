"""``lazy_re.LazyPattern``: compiled on first use, and then what ``re.compile`` gives."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from sanctions_cli.lazy_re import LazyPattern
from sanctions_cli.names.chinese import HAN_CHARACTERS

PATTERNS = [f"[{HAN_CHARACTERS}]+", r"(\w)(\d)?", r"\s*[·・]\s*", "[иИщЩ]", "a|b(c)"]
TEXTS = st.text(alphabet="ab c1·・иИ金正日김정일xyz", max_size=12)


def test_not_compiled_until_used() -> None:
    pattern = LazyPattern(f"[{HAN_CHARACTERS}]")
    assert pattern._compiled is None
    assert pattern.pattern == f"[{HAN_CHARACTERS}]"  # its source, for composing others
    assert pattern.search("x金") is not None
    assert pattern._compiled is not None


@given(st.sampled_from(PATTERNS), TEXTS)
def test_matches_as_re_compile(source: str, text: str) -> None:
    lazy, compiled = LazyPattern(source), re.compile(source)

    def spans(match: re.Match[str] | None) -> tuple[int, int] | None:
        return match.span() if match is not None else None

    assert spans(lazy.search(text)) == spans(compiled.search(text))
    assert spans(lazy.match(text, 1)) == spans(compiled.match(text, 1))
    assert spans(lazy.fullmatch(text)) == spans(compiled.fullmatch(text))
    assert lazy.findall(text) == compiled.findall(text)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.split(text) == compiled.split(text)
    assert lazy.sub("-", text) == compiled.sub("-", text)
    assert lazy.subn(lambda m: m.group(0) * 2, text, 1) == compiled.subn(
        lambda m: m.group(0) * 2, text, 1
    )
