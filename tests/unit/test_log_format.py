"""hipthrust.log_format: the stored log, and an import refused with a clear message when bad."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hipthrust.log_format import (
    FORMAT,
    MAX_ENTRIES,
    MAX_TEXT_CHARS,
    VERSION,
    LogError,
    check_entries,
    check_entry,
    read_log,
    write_log,
)
from tests.unit.logs import entries, entry

RAW: dict[str, Any] = {
    "id": "a1",
    "date": "2026-12-02T18:30:05",
    "step": "single-leg-hip-thrust",
    "leg": "left",
    "set": 1,
    "reps": 10,
    "rir": 2,
    "load": None,
    "unit": "kg",
    "plan": {"tempo": "3-0-1-1", "reps": 10},
}


def document(*values: dict[str, Any], **root: Any) -> str:
    return json.dumps({"format": FORMAT, "version": VERSION, "entries": list(values), **root})


def test_a_good_file_is_read_with_the_optional_fields_filled_in() -> None:
    (read,) = read_log(document(RAW))
    assert read == {
        **RAW,
        "pain": False,
        "hips_level": None,
        "tempo": None,
        "plan": {"tempo": "3-0-1-1", "reps": 10, "preset": None},
    }


def test_every_optional_field_is_kept() -> None:
    full = {
        **RAW,
        "load": 12.5,
        "unit": "lb",
        "pain": True,
        "hips_level": False,
        "tempo": {"lowering": 2.8, "bottom_pause": 0.2, "drive": 1.1, "top_hold": 0.9},
        "plan": {"tempo": "3011", "reps": 12, "preset": "standard"},
    }
    (read,) = read_log(document(full, exported="2026-12-02"))
    assert read == {**full, "plan": {"tempo": "3-0-1-1", "reps": 12, "preset": "standard"}}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON (line 1, column 2)"),
        ("", "not valid JSON"),
        ("hip thrust log", "not valid JSON"),
        ("[]", 'no "format": "hipthrust-log"'),
        ('{"entries": []}', 'no "format": "hipthrust-log"'),
        (
            '{"format": "strong-app", "version": 1, "entries": []}',
            "not a training log from this site",
        ),
        ('"hipthrust-log"', "not a training log from this site"),
        ('{"format": "hipthrust-log", "entries": []}', 'no "version"; this page reads version 1.'),
        (
            '{"format": "hipthrust-log", "version": 2, "entries": []}',
            "version 2; this page reads version 1. Update",
        ),
        (
            '{"format": "hipthrust-log", "version": 0, "entries": []}',
            "version 0; this page reads version 1.",
        ),
        ('{"format": "hipthrust-log", "version": "1", "entries": []}', 'version "1"; this page'),
        ('{"format": "hipthrust-log", "version": true, "entries": []}', "version true; this page"),
        ('{"format": "hipthrust-log", "version": 1}', 'no "entries"'),
        ('{"format": "hipthrust-log", "version": 1, "entries": {}}', "entries must be a list"),
        ('{"format": "hipthrust-log", "version": 1, "entries": [], "x": 1}', "unknown field 'x'"),
        (
            '{"format": "hipthrust-log", "version": 1, "entries": [1]}',
            "Set 1 in the file: each entry must be an object",
        ),
    ],
)
def test_a_broken_or_foreign_file_is_refused(text: str, message: str) -> None:
    with pytest.raises(LogError) as error:
        read_log(text)
    assert message in str(error.value)


BAD_FIELDS: list[tuple[str, object, str]] = [
    ("id", "", "id must be"),
    ("id", "-x", "id must be"),
    ("id", "x" * 65, "id must be"),
    ("id", 7, "id must be"),
    ("date", "yesterday", "date must be an ISO date"),
    ("date", "2026-13-01", "date must be an ISO date"),
    ("date", "20261202", "date must be an ISO date"),
    ("date", None, "date must be an ISO date"),
    ("step", "squat", "step must be one of glute-bridge, "),
    ("leg", "both", "leg must be left or right on the step single-leg-hip-thrust"),
    ("leg", "middle", "leg must be left or right"),
    ("set", 0, "set must be a whole number from 1 to 20"),
    ("set", 21, "set must be a whole number from 1 to 20"),
    ("set", 1.5, "set must be a whole number"),
    ("reps", -1, "reps must be a whole number from 0 to 50"),
    ("reps", 51, "reps must be a whole number from 0 to 50"),
    ("reps", "10", "reps must be a whole number"),
    ("reps", True, "reps must be a whole number"),
    ("rir", 5, "rir must be a whole number from 0 to 4"),
    ("rir", -1, "rir must be a whole number from 0 to 4"),
    ("rir", "4+", "rir must be a whole number"),
    ("load", -2.5, "load must be a number from 0 to 500"),
    ("load", 501, "load must be a number from 0 to 500"),
    ("load", "10 kg", "load must be a number"),
    ("unit", "stone", "unit must be kg or lb"),
    ("unit", None, "unit must be kg or lb"),
    ("pain", "no", "pain must be true or false."),
    ("pain", None, "pain must be true or false."),
    ("hips_level", 1, "hips_level must be true or false or null"),
    ("tempo", "3-0-1-1", "tempo must be null or give the seconds of lowering"),
    ("tempo", {"lowering": 3}, "tempo must be null or give the seconds"),
    (
        "tempo",
        {"lowering": 31, "bottom_pause": 0, "drive": 1, "top_hold": 1},
        "tempo lowering must be a number from 0 to 30",
    ),
    ("plan", {"tempo": "3-0-1-1"}, "plan must be"),
    ("plan", {"tempo": "3-0-1-1", "reps": 10, "sets": 3}, "plan must be"),
    ("plan", {"tempo": "slow", "reps": 10}, "plan tempo must be tempo text"),
    ("plan", {"tempo": 3011, "reps": 10}, "plan tempo must be tempo text"),
    ("plan", {"tempo": "3-0-1-1", "reps": 0}, "plan reps must be a whole number from 1 to 50"),
    ("plan", {"tempo": "3-0-1-1", "reps": 10, "preset": "heavy"}, "plan preset must be one of"),
    ("colour", "red", "unknown field 'colour'"),
]


@pytest.mark.parametrize(("field", "value", "message"), BAD_FIELDS)
def test_a_bad_field_is_named(field: str, value: object, message: str) -> None:
    bad = {**RAW, field: value}
    with pytest.raises(LogError) as error:
        read_log(document(RAW | {"id": "good"}, bad))
    assert str(error.value).startswith("Set 2 in the file: ")
    assert message in str(error.value)


@pytest.mark.parametrize(
    "field", ["id", "date", "step", "leg", "set", "reps", "rir", "load", "unit", "plan"]
)
def test_a_missing_field_is_named(field: str) -> None:
    with pytest.raises(LogError, match=re.escape(f"Set 1 in the file: {field} is missing.")):
        read_log(document({k: v for k, v in RAW.items() if k != field}))


def test_a_two_leg_step_is_logged_for_both_legs() -> None:
    assert check_entry({**RAW, "step": "glute-bridge", "leg": "both"})["leg"] == "both"
    with pytest.raises(LogError, match="leg must be both on the step hip-thrust"):
        check_entry({**RAW, "step": "hip-thrust", "leg": "left"})


def test_a_duplicate_id_is_refused() -> None:
    with pytest.raises(LogError, match=re.escape("Set 2 in the file: the id 'a1' is used twice.")):
        read_log(document(RAW, {**RAW, "set": 2}))


def test_size_limits() -> None:
    with pytest.raises(LogError, match="too big"):
        read_log(" " * (MAX_TEXT_CHARS + 1))
    with pytest.raises(LogError, match=f"at most {MAX_ENTRIES}"):
        check_entries([RAW] * (MAX_ENTRIES + 1))


def test_dates_with_a_time_zone_or_none_are_read() -> None:
    for value in (
        "2026-12-02",
        "2026-12-02T18:30",
        "2026-12-02T18:30:05.123Z",
        "2026-12-02T18:30:05+01:00",
    ):
        assert check_entry({**RAW, "date": value})["date"] == value


def test_the_export_is_sorted_and_read_back() -> None:
    later = entry("right", 2, day="2026-12-03")
    earlier = entry("left", 1, day="2026-12-01")
    text = write_log([later, earlier], "2026-12-04")
    parsed = json.loads(text)
    assert (parsed["format"], parsed["version"], parsed["exported"]) == (
        FORMAT,
        VERSION,
        "2026-12-04",
    )
    assert read_log(text) == [earlier, later]


@settings(max_examples=30, deadline=None)
@given(st.lists(entries(), max_size=8, unique_by=lambda e: e["id"]))
def test_any_valid_log_survives_export_and_import(values: list[dict[str, Any]]) -> None:
    checked = check_entries(values)
    assert check_entries(checked) == checked, "checking is idempotent"
    back = read_log(write_log(checked))
    assert sorted(back, key=lambda e: e["id"]) == sorted(checked, key=lambda e: e["id"])


@settings(deadline=None)
@given(st.text(max_size=200))
def test_any_text_is_read_or_refused_with_a_message(text: str) -> None:
    try:
        read_log(text)
    except LogError as error:
        assert str(error)


def test_every_field_is_documented_once() -> None:
    from hipthrust.log_format import FIELD_NOTES, FIELDS

    assert tuple(name for name, _ in FIELD_NOTES) == FIELDS
