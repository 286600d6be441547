"""hipthrust.review_summary: phases against the target, and the summary's sentences."""

from __future__ import annotations

from typing import Any

import pytest

from hipthrust.metrics import metric
from hipthrust.review_reps import PhaseName
from hipthrust.review_summary import Row, judge_phase, seconds_text, summary
from hipthrust.tempo import parse_tempo


@pytest.mark.parametrize(
    ("seconds", "tempo", "phase", "verdict", "text"),
    [
        (3.2, "3-0-1-1", "lower", "good", "✓"),
        (1.9, "3-0-1-1", "lower", "fix", "\u22121.1 s"),
        (3.8, "3-0-1-1", "lower", "close", "+0.8 s"),
        (0.3, "3-0-1-1", "bottom", "good", "✓"),
        (0.4, "2-0-X-2", "drive", "good", "✓"),  # explosive: fast is right
        (1.7, "2-0-X-2", "drive", "close", "+0.7 s"),  # over a second is not explosive
        (None, "3-0-1-1", "top", None, ""),  # cut by the end of the video
        (1.0, None, "top", None, ""),  # no target: timed, not judged
    ],
)
def test_a_phase_against_its_target(
    seconds: float | None, tempo: str | None, phase: PhaseName, verdict: str | None, text: str
) -> None:
    judged = judge_phase(seconds, None if tempo is None else parse_tempo(tempo), phase)
    assert judged["verdict"] == verdict
    assert judged["text"] == text
    assert judged["seconds"] == (None if seconds is None else round(seconds, 2))


def test_seconds_text_never_says_minus_zero() -> None:
    assert seconds_text(-0.01) == "+0.0 s"
    assert seconds_text(-0.5) == "\u22120.5 s"


def row(n: int, leg: str = "right", hip: float = 0.0, **seconds: float) -> Row:
    phases: dict[PhaseName, float | None] = {"lower": 3.0, "bottom": 0.0, "drive": 1.0, "top": 1.0}
    phases.update(seconds)  # type: ignore[typeddict-item]
    metrics: dict[str, dict[str, Any]] = {"hip_line": metric("hip_line", hip)}
    return Row(n, leg, phases, metrics)


def test_the_count_names_the_leg_and_the_partial_reps() -> None:
    lines = summary([row(1), row(2)], None, one_leg=True, partial=1)
    assert lines[0] == "2 reps, right leg. 1 partial rep was not counted."
    both = summary([row(1, "left"), row(2, "right")], None, one_leg=True, partial=0)
    assert both[0] == "2 reps: 1 left leg, 1 right leg."
    assert summary([row(1, "both")], None, one_leg=False, partial=0)[0] == "1 rep."


def test_a_phase_off_target_says_what_to_do() -> None:
    rows = [row(n, lower=1.9) for n in range(1, 4)]
    lines = summary(rows, parse_tempo("3-0-1-1"), one_leg=True, partial=0)
    assert "Lowering averaged 1.9 s against 3 s: slow down on the way down." in lines


def test_on_target_says_so_and_no_target_gives_the_averages() -> None:
    on = summary([row(1)], parse_tempo("3-0-1-1"), one_leg=True, partial=0)
    assert any("on the target tempo (3-0-1-1)" in line for line in on)
    free = summary([row(1)], None, one_leg=True, partial=0)
    assert any("no target tempo given" in line for line in free)


def test_fatigue_shows_as_a_hip_line_that_drops_from_some_rep_on() -> None:
    hips = [-1.0, -2.0, -1.0, -3.0, -4.0, -6.5, -7.0, -8.0]
    rows = [row(n, hip=h) for n, h in enumerate(hips, start=1)]
    lines = summary(rows, None, one_leg=True, partial=0)
    assert any(line.startswith("Hip line went past \u22125° from rep 6") for line in lines)


def test_fatigue_shows_as_a_slower_drive() -> None:
    drives = [0.8, 0.8, 0.9, 1.0, 1.3, 1.5]
    rows = [row(n, drive=d) for n, d in enumerate(drives, start=1)]
    lines = summary(rows, None, one_leg=True, partial=0)
    assert "The drive up slowed from 0.8 s to 1.4 s over the set (fatigue)." in lines


def test_no_trend_sentence_for_a_steady_set() -> None:
    rows = [row(n) for n in range(1, 9)]
    assert not any("fatigue" in line for line in summary(rows, None, one_leg=True, partial=0))


def test_left_and_right_differences() -> None:
    rows = [row(1, "left", hip=-8.0, drive=1.6), row(2, "right", hip=-1.0, drive=1.0)]
    lines = summary(rows, None, one_leg=True, partial=0)
    assert "Drive up: left leg 1.6 s, right leg 1.0 s on average." in lines
    assert "Hip line: left leg \u22128.0°, right leg \u22121.0° on average." in lines
