"""hipthrust.programming: the table's rows, and the timer's presets made from them."""

from __future__ import annotations

import pytest

from hipthrust import guide
from hipthrust.plan import plan_from_fields
from hipthrust.presets import PRESETS, preset
from hipthrust.programming import ROWS, Row
from hipthrust.sources import SOURCES_BY_KEY


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.key)
def test_the_timer_plan_sits_inside_the_rows_ranges(row: Row) -> None:
    plan = row.plan
    for low, high in (row.sets, row.reps, row.rir, row.rest_sets):
        assert 0 <= low <= high
    assert row.sets[0] <= plan.sets <= row.sets[1]
    assert row.reps[0] <= plan.reps <= row.reps[1]
    assert row.rest_sets[0] <= plan.rest_sets <= row.rest_sets[1]
    assert guide.LOWERING_SECONDS_MIN <= plan.tempo.lowering <= guide.LOWERING_SECONDS_MAX
    assert plan_from_fields(plan.fields()) == plan
    assert all(key in SOURCES_BY_KEY for key in row.sources)


def test_every_row_is_a_preset_and_every_preset_a_row() -> None:
    assert sorted(p.key for p in PRESETS) == sorted(row.key for row in ROWS)
    for row in ROWS:
        found = preset(row.key)
        assert (found.name, found.summary, found.plan) == (row.name, row.summary, row.plan)
    assert PRESETS[0].key == "single-leg-hip-thrust", "the timer's default comes first"


def test_loaded_rows_rest_longer_than_bodyweight_rows() -> None:
    strength, standard = preset("loaded").plan, preset("single-leg-hip-thrust").plan
    assert strength.reps < standard.reps
    assert strength.rest_sets > standard.rest_sets
