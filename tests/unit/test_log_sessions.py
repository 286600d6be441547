"""hipthrust.log_sessions: entries grouped into sessions (one day, one step), and the CSV."""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from hipthrust.log_format import check_entries
from hipthrust.log_sessions import CSV_COLUMNS, csv_rows, csv_text, group_sessions, session_json
from tests.unit.logs import entries, entry, sets


def test_entries_of_one_day_and_step_make_one_session() -> None:
    log = [
        *sets([10, 10, 9], [2, 2, 1], "left", day="2026-11-30"),
        *sets([10, 10, 10], [2, 2, 2], "right", day="2026-11-30"),
        *sets([8, 8], [3, 3], "both", step="glute-bridge", day="2026-11-30"),
        *sets([9, 9, 9], [2, 2, 2], "left", day="2026-11-27"),
    ]
    sessions = group_sessions(reversed(log))
    assert [(s.day, s.step) for s in sessions] == [
        ("2026-11-30", "single-leg-hip-thrust"),
        ("2026-11-30", "glute-bridge"),
        ("2026-11-27", "single-leg-hip-thrust"),
    ]
    newest = sessions[0]
    assert [leg.leg for leg in newest.legs] == ["left", "right"]
    assert newest.legs[0].reps == (10, 10, 9)
    assert [e["set"] for e in newest.legs[0].entries] == [1, 2, 3]


def test_sessions_of_one_day_come_in_the_order_they_were_done() -> None:
    bridge = entry("both", 1, step="glute-bridge", day="2026-11-30") | {
        "date": "2026-11-30T07:00:00"
    }
    thrust = entry("left", 1, day="2026-11-30") | {"date": "2026-11-30T07:20:00"}
    assert [s.step for s in group_sessions([thrust, bridge])] == [
        "single-leg-hip-thrust",
        "glute-bridge",
    ]


def test_a_session_as_the_page_lists_it() -> None:
    log = sets([10, 10, 9], [2, 1, 0], "left", load=12.5) + sets(
        [10, 10, 10], [4, 4, 4], "right", load=12.5
    )
    (session,) = group_sessions(log)
    listed = session_json(session)
    assert (listed["date"], listed["step"], listed["step_name"]) == (
        "2026-11-30",
        "single-leg-hip-thrust",
        "Single-leg hip thrust",
    )
    left, right = listed["legs"]
    assert left["summary"] == "3 sets: 10, 10, 9 at 12.5 kg, 2, 1, 0 in reserve"
    assert right["summary"] == "3 \N{MULTIPLICATION SIGN} 10 at 12.5 kg, 4+, 4+, 4+ in reserve"
    assert (left["sets"], left["reps"], left["rir"], left["load"], left["unit"]) == (
        3,
        [10, 10, 9],
        [2, 1, 0],
        12.5,
        "kg",
    )
    assert left["entries"] == [e["id"] for e in log[:3]]


def test_bodyweight_has_no_load_in_the_summary() -> None:
    (session,) = group_sessions(sets([8, 8], [3, 3], "both", step="glute-bridge"))
    assert (
        session_json(session)["legs"][0]["summary"]
        == "2 \N{MULTIPLICATION SIGN} 8, 3, 3 in reserve"
    )
    assert session_json(session)["legs"][0]["load"] is None


def test_the_csv_has_a_header_and_one_row_per_set() -> None:
    log = [
        entry(
            "left",
            1,
            10,
            4,
            load=20.0,
            unit="lb",
            pain=True,
            hips_level=True,
            preset="standard",
            tempo={"lowering": 2.85, "bottom_pause": 0.0, "drive": 1.0, "top_hold": 1.25},
        ),
        entry("right", 1, 9, 2),
    ]
    rows = list(csv.reader(io.StringIO(csv_text(log))))
    assert rows[0] == list(CSV_COLUMNS)
    assert rows[1] == [
        "2026-11-30T18:01:00",
        "single-leg-hip-thrust",
        "left",
        "1",
        "10",
        "4+",
        "20",
        "lb",
        "yes",
        "yes",
        "2.85",
        "0",
        "1",
        "1.25",
        "3-0-1-1",
        "10",
        "standard",
        log[0]["id"],
    ]
    assert rows[2][6:10] == ["", "kg", "no", ""]
    assert csv_text(log).endswith("\r\n")


@settings(max_examples=30, deadline=None)
@given(st.lists(entries(), max_size=6, unique_by=lambda e: e["id"]))
def test_any_log_gives_one_csv_row_per_entry_and_every_entry_one_session(
    values: list[dict[str, object]],
) -> None:
    log = check_entries(values)
    assert len(csv_rows(log)) == len(log) + 1
    assert all(len(row) == len(CSV_COLUMNS) for row in csv_rows(log))
    grouped = [e for s in group_sessions(log) for leg in s.legs for e in leg.entries]
    assert sorted(e["id"] for e in grouped) == sorted(e["id"] for e in log)
