"""Library entry point: screen rows or a pandas/polars DataFrame from Python.

``screen_records`` screens any iterable of row mappings and yields one flat dict
per hit; ``screen_frame`` takes a pandas or polars DataFrame (or rows) and returns
the hits as a DataFrame of the same kind (or as records).  Both go through
``Screener.screen_rows_parallel``: each distinct value is searched once, in
``workers`` processes when asked.  pandas and polars are imported only when a
DataFrame of theirs is given or asked for; neither is a dependency.

    import pandas as pd
    from sanctions_cli import load_lists, screen_frame
    hits = screen_frame(payments, ["originator_name", "beneficiary_name"], lists=load_lists())
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal

from .model import SanctionsList
from .screening import DEFAULT_THRESHOLD, ListingFilter, Screener

Output = Literal["auto", "records", "pandas", "polars"]

# Columns of a hit record, in order (also the columns of an empty result frame).
HIT_COLUMNS = (
    "row",
    "column",
    "value",
    "score",
    "entry_id",
    "entry_type",
    "entry_name",
    "matched_name",
    "matched_strength",
    "listings",
    "as_of",
)


def screen_records(
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[str],
    *,
    screener: Screener | None = None,
    lists: Sequence[SanctionsList] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    listing_filter: ListingFilter | None = None,
    as_of: dt.date | None = None,
    date_column: str | None = None,
    workers: int = 1,
) -> Iterator[dict[str, Any]]:
    """One flat dict per hit (keys ``HIT_COLUMNS``); ``row`` is the 0-based row position.

    Give a ``screener``, or ``lists`` (default: the bundled lists) to build one.
    """
    if screener is None:
        if lists is None:
            from .loading import load_lists

            lists = load_lists()
        screener = Screener(lists, threshold=threshold, listing_filter=listing_filter)
    wanted = list(columns) + ([date_column] if date_column else [])
    text_rows = ({c: "" if row.get(c) is None else str(row.get(c)) for c in wanted} for row in rows)
    for result in screener.screen_rows_parallel(
        text_rows, columns, workers=workers, as_of=as_of, date_column=date_column
    ):
        for hit in result.hits:
            yield {
                "row": result.row_number - 1,
                "column": hit.column,
                "value": hit.query,
                "score": hit.score,
                "entry_id": hit.entry.id,
                "entry_type": hit.entry.type,
                "entry_name": hit.entry.name,
                "matched_name": hit.matched_name,
                "matched_strength": hit.matched_strength,
                "listings": "; ".join(
                    " ".join(p for p in (x.list, x.program, x.reference) if p) for x in hit.listings
                ),
                "as_of": hit.as_of.isoformat(),
            }


def _kind(data: Any) -> str:
    module = type(data).__module__.split(".")[0]
    if module == "pandas" and hasattr(data, "itertuples"):
        return "pandas"
    if module == "polars" and hasattr(data, "iter_rows"):
        return "polars"
    return "rows"


def _frame_rows(data: Any, kind: str, wanted: Sequence[str]) -> Iterable[Mapping[str, Any]]:
    if kind == "pandas":
        missing = [c for c in wanted if c not in data.columns]
        if missing:
            raise KeyError(f"no column {missing[0]!r} in the DataFrame")
        frame = data[list(wanted)]
        return (
            {c: (None if v != v else v) for c, v in zip(wanted, values, strict=True)}  # NaN
            for values in frame.itertuples(index=False, name=None)
        )
    if kind == "polars":
        return data.select(list(wanted)).iter_rows(named=True)  # type: ignore[no-any-return]
    return data  # type: ignore[no-any-return]


def screen_frame(
    data: Any,
    columns: Sequence[str],
    *,
    output: Output = "auto",
    screener: Screener | None = None,
    lists: Sequence[SanctionsList] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    listing_filter: ListingFilter | None = None,
    as_of: dt.date | None = None,
    date_column: str | None = None,
    workers: int = 1,
) -> Any:
    """Screen ``columns`` of a pandas or polars DataFrame (or an iterable of row dicts).

    Returns the hits, one per row, column and listed entry, as a DataFrame of the
    input's kind (``output="auto"``), as ``"records"`` (a list of dicts), or as a
    ``"pandas"``/``"polars"`` DataFrame; ``row`` is the 0-based position of the
    input row.  See ``screen_records`` for the other arguments.
    """
    kind = _kind(data)
    wanted = list(columns) + ([date_column] if date_column else [])
    records = list(
        screen_records(
            _frame_rows(data, kind, wanted),
            columns,
            screener=screener,
            lists=lists,
            threshold=threshold,
            listing_filter=listing_filter,
            as_of=as_of,
            date_column=date_column,
            workers=workers,
        )
    )
    target = output if output != "auto" else (kind if kind != "rows" else "records")
    if target == "records":
        return records
    if target == "pandas":
        import pandas as pd

        return pd.DataFrame.from_records(records, columns=list(HIT_COLUMNS))
    if target == "polars":
        import polars as pl

        return pl.DataFrame(
            {c: [r[c] for r in records] for c in HIT_COLUMNS},
            schema={
                c: (pl.Float64 if c == "score" else pl.Int64 if c == "row" else pl.Utf8)
                for c in HIT_COLUMNS
            },
        )
    raise ValueError(f"unknown output {output!r} (auto, records, pandas or polars)")
