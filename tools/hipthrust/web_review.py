"""The set review's door for the browser (issue 19): a keypoint series in, reps and words out.

Registered in :data:`hipthrust.web.API` as ``review_analyse``; the page calls
``call("review_analyse", json)``. JSON in, JSON out; bad input never raises into the page: it
comes back as ``{"ok": False, "state": "failed", "message": ...}``, a sentence shown as it is.

Input (keyword arguments)::

    {
      "frames": [                      # the sampled frames, in any order (sorted here)
        {"t": 0.033,                   # seconds, from the video's own timestamps
         "keypoints": [[x, y, score], ...]}  # 17 of them in MoveNet/COCO order (keypoints.py
      ],                               #   KEYPOINT_NAMES), frame pixels, score 0..1; also accepted:
                                       #   [{"name", "x", "y", "score"}] as the checker sends;
                                       #   null or [] = the model found nobody in that frame
      "width": 640, "height": 360,     # the size of the frames the keypoints are in (px)
      "step": "single-leg-hip-thrust", # a key of hipthrust.steps.STEPS
      "tempo": "3-0-1-1" | null,       # target, the timer's notation and parser (tempo.py);
                                       #   null or "" = phases timed, not judged
      "duration": 12.4 | null,         # the video's duration (s); null = the last frame's time
      "view": "side" | "front" | null  # how the phone saw the lifter; null = judged from frames
    }

Output (``state`` "done": reps found; "none": no person, not a bridge or hip thrust, or no full
rep; then the last warning says which, ``count.value`` is 0 and ``reps`` is empty)::

    {
      "ok": true,
      "state": "done" | "none",
      "message": "8 reps, right leg." | "No person found ...",   # the status line
      "view": "side" | "front",
      "warnings": [{"reason": "not-bridge" | "no-person" | "no-rep" | "view" | "small"
                               | "partial" | "sparse" | "tempo",
                    "message": "a sentence for the user"}],
      "target": {"tempo": "3-0-1-1", "lower": 3, "bottom": 0, "drive": 1 | null, "top": 1,
                 "explosive": false} | null,      # drive null when X (as fast as possible)
      "count": {"value": 8, "left": 0, "right": 8},   # left/right null for a two-leg step
      "blocks": [{"leg": "right", "start": 1.2, "end": 40.3, "reps": [1, 2, ...]}],
      "partial": [{"start": 0.0, "end": 1.2, "where": "start" | "end" | "middle"}],
                                      # movements in no counted rep ("middle": the person was
                                      # lost for longer than review_series.MAX_GAP_S)
      "reps": [{
        "rep": 1, "leg": "left" | "right" | "both",
        "start": 1.23, "end": 6.10,                  # seconds in the video, 2 decimals
        "lower": 2.95 | null, "bottom": 0.40 | null, "drive": 1.10 | null, "top": 1.05 | null,
        "phases": {"lower" | "bottom" | "drive" | "top": {
            "seconds": 2.95 | null,                  # null when cut by the video's start/end
            "start": 1.23 | null, "end": 4.18 | null,
            "target": 3 | null,                      # null: no target (or X for the drive)
            "verdict": "good" | "close" | "fix" | null,
            "off": -0.05 | null,                     # seconds against the target (+ = longer)
            "text": "✓" | "+1.1 s" | "\u22120.9 s" (minus sign) | ""}},
        "top_frames": [5.0, 5.1, ...],               # times of the top-hold frames used
        "top_time": 5.5 | null,                      # the frame to show when the row is tapped
        "points": {"shoulder": [x, y], ...},         # that frame's checker points (px, 0.1)
        "overlay": "<g ...>" | null,                 # the checker's overlay of that frame
        "shin": -1.2 | null, "hip_line": -3.4 | null, "pelvis": 2.0 | null,
                                                     # degrees, the checker's signs; median over
                                                     # top_frames; null when not judged
        "metrics": [metric dicts of hipthrust.metrics.metric: name, label, value, verdict,
                    direction, fault {anchor, title, cue} | null],
        "view": {"usable", "code", "message"},       # the checker's view judgement of the top
        "verdict": "good" | "close" | "fix" | null   # worst of the judged phases and metrics
      }],
      "measured": {"lowering": 2.9, "bottom_pause": 0.4, "drive": 1.1, "top_hold": 1.0} | null,
                                 # median per phase over the reps, for the training log
                                 # (review_table.measured_tempo); null when a phase was never timed
      "chart": "<svg ...>",      # data-testid="video-chart": the hip angle (side) or height
                                 # (front) vs time, phases shaded, target dashed, reps numbered
      "summary": ["8 reps, right leg.", "Lowering averaged 1.9 s against 3 s: ...", ...],
      "csv": "rep,leg,start_s,end_s,lower_s,bottom_s,drive_s,top_s,target,shin_deg,hip_line_deg,
              pelvis_deg,verdict\\n..."   # the table as CSV, for the export button
    }

``failed``: ``{"ok": false, "state": "failed", "message": ...}`` (unreadable input, no size,
unknown step or view, too many frames: :data:`hipthrust.review_series.MAX_FRAMES`). A bad tempo
is not a failure: a ``tempo`` warning, and the phases are timed without a target.

The analysis: :mod:`hipthrust.review_series` (cleaning, zero-phase smoothing),
:mod:`hipthrust.review_reps` (reps, phase boundaries), :mod:`hipthrust.review_bridge` (not a
bridge), :mod:`hipthrust.review_top`
(top position through the checker), :mod:`hipthrust.review_table` (rows, CSV),
:mod:`hipthrust.review_chart`, :mod:`hipthrust.review_summary` (verdicts against the target and
the words); each says where its numbers come from.
"""

from __future__ import annotations

import math
from collections import Counter
from statistics import median
from typing import Any, Final

from . import detection
from .keypoints import SIDES
from .review_bridge import not_a_bridge
from .review_chart import chart
from .review_reps import PHASES, find_movements, group_reps
from .review_series import Frame, ReviewError, Series, build_series, parse_frames
from .review_summary import Row, summary
from .review_table import blocks, measured_tempo, rep_json, rounded, table_csv
from .review_top import Top, judge_top
from .steps import Step
from .steps import step as find_step
from .tempo import Tempo, TempoError, parse_tempo
from .view import FRONT_MIN_HIP_SPREAD

# Fewer frames with a person than this share (or than MIN_PERSON_FRAMES) is "no person".
MIN_PERSON_SHARE: Final = 0.2
MIN_PERSON_FRAMES: Final = 3
# The leg (thigh + shin, about half the body) under this share of the frame's longer side: the
# person fills under about a third of the frame and the model (256 px input for Thunder) sees
# the leg's joints only a few pixels apart.
SMALL_LEG_SHARE: Final = 0.15
# Sampled more sparsely than this (under about 7 frames a second), a 0.3 s drive falls between
# two samples and its times are rough; the page samples 10 a second.
SPARSE_STEP_S: Final = 0.15

NO_PERSON: Final = (
    "No person found in this video: film the whole body side-on, 2-3 m away, in good light."
)
NOT_BRIDGE: Final = (
    "This does not look like a bridge or hip thrust (the body is upright, or the shoulders move "
    "with the hips), so no reps were counted. Film a set of bridges or hip thrusts side-on."
)
NO_REP: Final = (
    "No full rep found: a rep is one full lowering and one full drive up. Film the whole set, "
    "from before the first rep to after the last."
)
SMALL: Final = (
    "You look small in the video: the joints are hard to find. Put the phone closer (2-3 m) so "
    "your body fills most of the frame."
)


def _failed(message: str) -> dict[str, Any]:
    return {"ok": False, "state": "failed", "message": message}


def _size(width: Any, height: Any) -> tuple[float, float]:
    if not all(
        isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) and v > 0
        for v in (width, height)
    ):
        raise ReviewError("The video has no size: choose another video.")
    return float(width), float(height)


def _step(key: Any) -> Step:
    try:
        return find_step(str(key))
    except ValueError as error:
        raise ReviewError("Choose the step you filmed from the list.") from error


def _tempo(text: Any) -> tuple[Tempo | None, list[dict[str, str]]]:
    if text is None or (isinstance(text, str) and not text.strip()):
        return None, []
    try:
        return parse_tempo(str(text)), []
    except TempoError as error:
        message = f"The target tempo was not used: {error}"
        return None, [{"reason": "tempo", "message": message}]


def _duration(value: Any, frames: list[Frame]) -> float:
    last = frames[-1].t if frames else 0.0
    if value is None:
        return last
    if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
        raise ReviewError("The video's length could not be read: choose another video.")
    return max(float(value), last)


def _front(view: Any, frames: list[Frame]) -> bool:
    """The view the page names, or from the frames: hips apart (seen from the front) or together
    (side-on), as the checker's :func:`hipthrust.view.front_view` tells them."""
    if view in ("side", "front"):
        return bool(view == "front")
    if view is not None:
        raise ReviewError("Choose the view: side or front.")
    spreads = []
    for frame in frames:
        k = frame.keypoints
        hips = [k.get(f"{s}_hip") for s in SIDES]
        ankles = [k.get(f"{s}_ankle") for s in SIDES]
        if all(p is not None and p.confident for p in hips + ankles):
            lh, rh = (p for p in hips if p is not None)
            la, ra = (p for p in ankles if p is not None)
            leg = math.hypot((lh.x + rh.x - la.x - ra.x) / 2, (lh.y + rh.y - la.y - ra.y) / 2)
            if leg > 0:
                spreads.append(math.hypot(lh.x - rh.x, lh.y - rh.y) / leg)
    return bool(spreads) and bool(median(spreads) >= FRONT_MIN_HIP_SPREAD)


def _warnings(
    rows: list[dict[str, Any]], partial: int, series: Series, size: tuple[float, float]
) -> list[dict[str, str]]:
    warnings = []
    if partial:
        warnings.append(
            {
                "reason": "partial",
                "message": f"{partial} partial rep{'s' if partial != 1 else ''} (cut by the start "
                "or end of the video) not counted.",
            }
        )
    bad = [r for r in rows if not r["view"]["usable"]]
    if bad:
        numbers = ", ".join(str(r["rep"]) for r in bad)
        warnings.append(
            {
                "reason": "view",
                "message": f"{bad[0]['view']['message']} (The top position of rep{'s' if len(bad) > 1 else ''} "
                f"{numbers} is not judged.)",
            }
        )
    if series.leg is not None and series.leg < SMALL_LEG_SHARE * max(size):
        warnings.append({"reason": "small", "message": SMALL})
    if series.step > SPARSE_STEP_S:
        warnings.append(
            {
                "reason": "sparse",
                "message": "Few frames a second were analysed, so the phase times are rough.",
            }
        )
    return warnings


def _none(reason: str, message: str, extra: list[dict[str, str]], front: bool) -> dict[str, Any]:
    return {
        "ok": True,
        "state": "none",
        "message": message,
        "view": "front" if front else "side",
        "warnings": [*extra, {"reason": reason, "message": message}],
        "target": None,
        "count": {"value": 0, "left": None, "right": None},
        "blocks": [],
        "partial": [],
        "reps": [],
        "measured": None,
        "chart": "",
        "summary": [message],
        "csv": "",
    }


def _target(tempo: Tempo | None) -> dict[str, Any] | None:
    if tempo is None:
        return None
    return {
        "tempo": tempo.notation(),
        "lower": tempo.lowering,
        "bottom": tempo.bottom_pause,
        "drive": None if tempo.explosive_drive else tempo.drive,
        "top": tempo.top_hold,
        "explosive": tempo.explosive_drive,
    }


def _person_found(frames: list[Frame]) -> bool:
    seen = sum(1 for f in frames if detection.person_found(f.keypoints))
    return seen >= MIN_PERSON_FRAMES and seen >= MIN_PERSON_SHARE * len(frames)


def analyse(
    frames: list[Frame],
    size: tuple[float, float],
    the_step: Step,
    tempo: Tempo | None,
    duration: float,
    front: bool,
    warnings: list[dict[str, str]],
) -> dict[str, Any]:
    """The whole review of checked input (the module docstring's output)."""
    if not _person_found(frames):
        return _none("no-person", NO_PERSON, warnings, front)
    series = build_series(frames)
    movements = find_movements(series, front)
    if not_a_bridge(series, movements, front):
        return _none("not-bridge", NOT_BRIDGE, warnings, front)
    found = group_reps(movements, duration)
    if not found.reps:
        return _none("no-rep", NO_REP, warnings, front)
    mode = "front" if front else "side"
    tops = [judge_top(rep, frames, the_step, mode) for rep in found.reps]
    legs = _legs(tops, the_step.one_leg)
    rows = [
        rep_json(rep, top, leg, tempo, size)
        for rep, top, leg in zip(found.reps, tops, legs, strict=True)
    ]
    partial = len(found.partial)
    lines = summary(
        [
            Row(r["rep"], r["leg"], {p: r[p] for p in PHASES}, {m["name"]: m for m in r["metrics"]})
            for r in rows
        ],
        tempo,
        one_leg=the_step.one_leg,
        partial=partial,
    )
    count = {
        "value": len(rows),
        "left": sum(1 for r in rows if r["leg"] == "left") if the_step.one_leg else None,
        "right": sum(1 for r in rows if r["leg"] == "right") if the_step.one_leg else None,
    }
    return {
        "ok": True,
        "state": "done",
        "message": lines[0],
        "view": mode,
        "warnings": warnings + _warnings(rows, partial, series, size),
        "target": _target(tempo),
        "count": count,
        "blocks": blocks(rows),
        "partial": [
            {"start": rounded(a), "end": rounded(b), "where": where}
            for a, b, where in found.partial
        ],
        "reps": rows,
        "measured": measured_tempo(rows),
        "chart": chart(series, found.reps, tempo, duration, front),
        "summary": lines,
        "csv": table_csv(rows, tempo),
    }


def _legs(tops: list[Top], one_leg: bool) -> list[str]:
    """Each rep's working leg: its top frames' vote; a rep whose leg was not seen takes the leg
    of the rep before it (or the set's most seen leg)."""
    if not one_leg:
        return ["both"] * len(tops)
    seen = Counter(top.leg for top in tops if top.leg is not None)
    last = seen.most_common(1)[0][0] if seen else "both"
    legs = []
    for top in tops:
        last = top.leg or last
        legs.append(last)
    return legs


def review_analyse(
    frames: Any,
    width: Any,
    height: Any,
    step: Any,
    tempo: Any = None,
    duration: Any = None,
    view: Any = None,
) -> dict[str, Any]:
    """Reps, phases, per-rep top metrics, chart and summary of a keypoint series (see above)."""
    try:
        size = _size(width, height)
        the_step = _step(step)
        target, warnings = _tempo(tempo)
        parsed = parse_frames(frames)
        length = _duration(duration, parsed)
        front = _front(view, parsed)
    except ReviewError as error:
        return _failed(str(error))
    return analyse(parsed, size, the_step, target, length, front, warnings)
