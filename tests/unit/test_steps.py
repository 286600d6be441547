"""hipthrust.steps: the one list of the ladder's steps, with each step's row, timer plan and ready test."""

from __future__ import annotations

import pytest

from hipthrust import figures, programming, steps
from hipthrust.plan import VARIANTS
from hipthrust.presets import PRESETS
from hipthrust.sources import SOURCES_BY_KEY
from hipthrust.steps import HARDER, STEPS, Step


def test_every_step_has_one_row_and_every_row_is_a_step_or_a_named_extra() -> None:
    step_keys = [s.key for s in STEPS]
    row_keys = [row.key for row in programming.ROWS]
    assert [key for key in row_keys if key not in programming.EXTRA_ROWS] == step_keys
    assert all(h.row in programming.ROWS_BY_KEY for h in HARDER if h.row)
    assert {h.row for h in HARDER if h.row} == set(programming.EXTRA_ROWS)


@pytest.mark.parametrize("found", STEPS, ids=lambda s: s.key)
def test_each_step_has_its_coaching(found: Step) -> None:
    assert found.how, "how to do it"
    assert found.figure == "" or found.figure in figures.FIGURES
    assert all(key in SOURCES_BY_KEY for key in found.sources)
    assert steps.timer_variant(found.key) in VARIANTS
    test = steps.ready_test(found.key)
    if steps.next_step(found.key) is None:
        assert test is None and found.ready == ""
    else:
        row = steps.row(found.key)
        assert test is not None and found.ready
        # one number: the top of the row's range, never a second figure that could disagree
        assert (test.sets, test.reps) == (row.sets[1], row.reps[1])
        assert row.rir[0] <= test.rir <= row.rir[1]


def test_the_geometry_matches_the_timer_plan() -> None:
    for found in STEPS:
        plan = steps.row(found.key).plan
        # two-leg steps run both feet together; the one-leg steps take each leg in turn
        assert (plan.legs == "together") == (not found.one_leg), found.key
        assert (plan.variant == "two_up_one_down") == (found.key == "two-up-one-down")


def test_the_ladder_runs_easier_to_harder_around_the_lift_itself() -> None:
    places = [steps.place(s.key) for s in STEPS]
    assert places.count("target") == 1
    assert places == sorted(places, key=["regression", "target", "progression"].index)
    assert STEPS[places.index("target")].key == steps.DEFAULT_STEP == PRESETS[0].key


def test_an_unknown_step_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match="glute-bridge"):
        steps.step("plank")


def test_rir_is_counted_one_way() -> None:
    assert programming.RIR_COUNTS_TO == "technical failure"
    assert "technical failure" in programming.RIR_MEANS
