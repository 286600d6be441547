"""The set review's table: one row per full rep as the page's JSON, the leg blocks, and the CSV.

Shapes as in :mod:`hipthrust.web_review`'s docstring. Seconds are rounded to 0.01 (the page shows
two decimals, the tests compare them), degrees to 0.1 as the checker does. A rep's ``verdict``
is the worst of its judged phases and angles (good < close < fix); None when nothing was judged.
``measured_tempo`` is what the review adds to the training log (the stored format's ``tempo``,
:mod:`hipthrust.log_format`): the median of each phase over the set's reps, so one odd rep does
not move it.
"""

from __future__ import annotations

import csv
import io
from statistics import median
from typing import Any, Final

from .review_reps import PHASES, Rep
from .review_summary import judge_phase
from .review_top import Top
from .tempo import MAX_PHASE_SECONDS, Tempo

VERDICT_ORDER: Final = {"good": 0, "close": 1, "fix": 2}
# The review's phase names -> the log's (hipthrust.log_format.TEMPO_PHASES).
LOG_PHASES: Final = {
    "lower": "lowering",
    "bottom": "bottom_pause",
    "drive": "drive",
    "top": "top_hold",
}


def rounded(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits) + 0.0


def _worst(verdicts: list[str | None]) -> str | None:
    judged = [v for v in verdicts if v is not None]
    return max(judged, key=lambda v: VERDICT_ORDER[v]) if judged else None


def rep_json(
    rep: Rep, top: Top, leg: str, tempo: Tempo | None, size: tuple[float, float]
) -> dict[str, Any]:
    phases = {name: judge_phase(rep.phases[name].seconds, tempo, name) for name in PHASES}
    for name in PHASES:
        phases[name]["start"] = rounded(rep.phases[name].start)
        phases[name]["end"] = rounded(rep.phases[name].end)
    metrics = list(top.metrics.values())
    shown = top.shown
    row: dict[str, Any] = {
        "rep": rep.number,
        "leg": leg,
        "start": rounded(rep.start),
        "end": rounded(rep.end),
        **{name: phases[name]["seconds"] for name in PHASES},
        "phases": phases,
        "top_frames": top.times,
        "top_time": None if shown is None else round(shown.t, 3),
        "points": {}
        if shown is None
        else {n: [round(p[0], 1) + 0.0, round(p[1], 1) + 0.0] for n, p in shown.points.items()},
        "overlay": (shown.overlay(size) or None) if shown is not None else None,
        "metrics": metrics,
        "view": top.view.as_dict(),
    }
    for metric_name in ("shin", "hip_line", "pelvis"):
        found = top.metrics.get(metric_name)
        row[metric_name] = None if found is None else found["value"]
    row["verdict"] = _worst(
        [p["verdict"] for p in phases.values()] + [m["verdict"] for m in metrics]
    )
    return row


def blocks(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    for row in rows:
        if blocks and blocks[-1]["leg"] == row["leg"]:
            blocks[-1]["end"] = row["end"]
            blocks[-1]["reps"].append(row["rep"])
        else:
            blocks.append(
                {"leg": row["leg"], "start": row["start"], "end": row["end"], "reps": [row["rep"]]}
            )
    return blocks


def table_csv(rows: list[dict[str, Any]], tempo: Tempo | None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    phases = [f"{name}_s" for name in PHASES]
    heads = ["rep", "leg", "start_s", "end_s", *phases, "target", "shin_deg", "hip_line_deg"]
    writer.writerow([*heads, "pelvis_deg", "verdict"])
    for r in rows:
        cells = [r["rep"], r["leg"], r["start"], r["end"], *(r[name] for name in PHASES)]
        cells += [tempo.notation() if tempo else "", r["shin"], r["hip_line"], r["pelvis"]]
        writer.writerow(["" if c is None else c for c in [*cells, r["verdict"]]])
    return out.getvalue()


def measured_tempo(rows: list[dict[str, Any]]) -> dict[str, float] | None:
    """The median seconds of each phase over the reps that have it (a phase cut by the video's
    start or end is left out); None when a phase was never timed or is beyond the log's limit."""
    tempo: dict[str, float] = {}
    for name, log_name in LOG_PHASES.items():
        seconds = [row[name] for row in rows if row[name] is not None]
        if not seconds:
            return None
        value = rounded(median(seconds))
        if value is None or not 0 <= value <= MAX_PHASE_SECONDS:
            return None
        tempo[log_name] = value
    return tempo
