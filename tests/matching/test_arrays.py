"""The numpy helpers of the search agree with numpy's own functions."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from sanctions_cli.matching.arrays import (
    KEY_LIMIT,
    VALUE_SCALE,
    contains_sorted,
    expand_ranges,
    group_max,
    group_max_rounded_up,
    nonzero_cells,
)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(0, 9).flatmap(
        lambda rows: st.integers(0, 21).flatmap(
            lambda columns: arrays(
                np.uint8, (rows, columns), elements=st.sampled_from([0, 0, 0, 0, 1, 85, 255])
            )
        )
    )
)
def test_nonzero_cells_is_numpys_nonzero(matrix: np.ndarray) -> None:
    rows, columns = nonzero_cells(matrix)
    expected_rows, expected_columns = np.nonzero(matrix)
    assert rows.tolist() == expected_rows.tolist()
    assert columns.tolist() == expected_columns.tolist()


def test_nonzero_cells_of_a_sliced_matrix() -> None:
    """A matrix that is a view (not contiguous) is read as it is."""
    full = np.zeros((4, 10), dtype=np.uint8)
    full[1, 3] = full[3, 9] = 7
    rows, columns = nonzero_cells(full[:, 2:])
    assert list(zip(rows.tolist(), columns.tolist(), strict=True)) == [(1, 1), (3, 7)]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.integers(0, 30), max_size=20, unique=True),
    st.lists(st.integers(-5, 35), max_size=20),
)
def test_contains_sorted_is_membership(ordered: list[int], values: list[int]) -> None:
    got = contains_sorted(
        np.asarray(sorted(ordered), dtype=np.int64), np.asarray(values, dtype=np.int64)
    )
    assert got.tolist() == [v in ordered for v in values]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 4)), max_size=12))
def test_expand_ranges_lists_each_range(ranges: list[tuple[int, int]]) -> None:
    starts = np.asarray([s for s, _ in ranges], dtype=np.int64)
    counts = np.asarray([c for _, c in ranges], dtype=np.int64)
    expected = [s + k for s, c in ranges for k in range(c)]
    assert expand_ranges(starts, counts).tolist() == expected


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([0, 1, 2, 7, 1_000_003, KEY_LIMIT - 1]),
            st.floats(0.0, 100.0, allow_nan=False),
        ),
        max_size=40,
    )
)
def test_group_max_rounded_up_is_group_max_a_little_higher(
    rows: list[tuple[int, float]],
) -> None:
    keys = np.asarray([k for k, _ in rows], dtype=np.int64)
    values = np.asarray([v for _, v in rows], dtype=np.float64)
    expected_keys, expected = group_max(keys, values)
    found_keys, found = group_max_rounded_up(keys, values)
    assert found_keys.tolist() == expected_keys.tolist()
    assert np.all(found >= expected)
    assert np.all(found - expected <= 1 / VALUE_SCALE)


def test_group_max_rounded_up_of_keys_too_large_to_pack_is_exact() -> None:
    keys = np.asarray([KEY_LIMIT, KEY_LIMIT, 3], dtype=np.int64)
    values = np.asarray([1.23456, 2.5, 99.99999], dtype=np.float64)
    found_keys, found = group_max_rounded_up(keys, values)
    assert found_keys.tolist() == [3, KEY_LIMIT]
    assert found.tolist() == [99.99999, 2.5]
