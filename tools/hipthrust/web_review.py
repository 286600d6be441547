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

Output (``state`` "done": reps found; "none": no person, or nobody doing a bridge/hip thrust)::

    {
      "ok": true,
      "state": "done" | "none",
      "message": "8 reps, right leg." | "No person found ...",   # the status line
      "view": "side" | "front",
      "warnings": [{"reason": "not-bridge" | "no-person" | "view" | "small" | "partial"
                               | "sparse" | "tempo" | "step",
                    "message": "a sentence for the user"}],
      "target": {"tempo": "3-0-1-1", "lower": 3, "bottom": 0, "drive": 1 | null, "top": 1,
                 "explosive": false} | null,      # drive null when X (as fast as possible)
      "count": {"value": 8, "left": 0, "right": 8},   # left/right null for a two-leg step
      "blocks": [{"leg": "right", "start": 1.2, "end": 40.3, "reps": [1, 2, ...]}],
      "partial": [{"start": 0.0, "end": 1.2, "where": "start" | "end"}],  # cycles not counted
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
      "chart": "<svg ...>",                          # hip height vs time, phases, target, reps
      "summary": ["8 reps, right leg.", "Lowering averaged 1.9 s against 3 s: ...", ...],
      "csv": "rep,leg,start,end,lower,...\\n..."      # the table as CSV, for the export button
    }

``failed``: ``{"ok": false, "state": "failed", "message": ...}`` (unreadable input, unknown step).
"""

from __future__ import annotations

from typing import Any

NOT_READY = "The set review is not ready yet: the analysis is still being built."


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
    del frames, width, height, step, tempo, duration, view
    return {"ok": False, "state": "failed", "message": NOT_READY}
