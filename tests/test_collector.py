"""The collector pause restores the collector's state, nested or not, error or not."""

import gc

import pytest

from sanctions_cli.collector import YOUNG_THRESHOLD, collect_less_often, collector_paused


@pytest.fixture(autouse=True)
def _collector_restored():
    enabled = gc.isenabled()
    yield
    if enabled:
        gc.enable()
    else:
        gc.disable()


def test_paused_inside_and_enabled_after():
    gc.enable()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_nested_pause_resumes_only_at_the_outer_end():
    gc.enable()
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_disabled_collector_stays_disabled():
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_an_error_still_resumes_the_collector():
    gc.enable()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("boom")
    assert gc.isenabled()


def test_collect_less_often_raises_only_the_young_threshold():
    before = gc.get_threshold()
    try:
        collect_less_often()
        young, older, oldest = gc.get_threshold()
        assert young == YOUNG_THRESHOLD > before[0]
        assert (older, oldest) == before[1:]
    finally:
        gc.set_threshold(*before)
