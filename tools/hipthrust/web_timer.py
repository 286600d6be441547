"""The tempo timer's door for the browser: JSON-in/JSON-out functions registered in ``web.API``.

The page sends the form fields and gets back either one message per bad field or the whole
workout as plain data: segments (times, phase words, counters, instructions, breath cue, what
comes next, the figure's motion), cues (times, sound names, voice lines, vibration patterns) and
the sound descriptions. The page only reads its clock and looks things up in these lists.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from . import plan as plan_module
from .cues import SOUNDS, build_cues
from .plan import PlanError, plan_from_fields
from .presets import PRESETS
from .steps import DEFAULT_STEP, STEPS
from .timeline import BREATH, MOTION, RESTS, build_timeline, next_segment_text
from .timer_figure import figure_frames


def _describe(total: float) -> str:
    minutes, seconds = divmod(round(total), 60)
    return f"{minutes} min {seconds:02d} s" if minutes else f"{seconds} s"


def timer_setup() -> dict[str, Any]:
    """Presets, limits and the figure: what the page needs once, before the lifter types anything."""
    return {
        "presets": [
            {"key": p.key, "name": p.name, "summary": p.summary, "fields": p.plan.fields()}
            for p in PRESETS
        ],
        "limits": {field: [low, high] for field, (low, high, _) in plan_module.LIMITS.items()},
        "figure": figure_frames(),
        # The ladder, for the log prompt's step menu (one-leg steps log each leg apart).
        "steps": [{"key": s.key, "name": s.name, "one_leg": s.one_leg} for s in STEPS],
        "default_step": DEFAULT_STEP,
    }


def timer_plan(fields: dict[str, Any]) -> dict[str, Any]:
    """Check the fields; ``{"ok": False, "errors": {field: message}}`` or the laid-out workout."""
    try:
        plan = plan_from_fields(fields)
    except PlanError as error:
        return {"ok": False, "errors": error.errors}
    timeline = build_timeline(plan)
    reps_per_set = plan.reps * (1 if plan.legs != "both" else 2)
    segments = [
        {
            "start": s.start,
            "end": s.end,
            "kind": s.kind,
            "word": s.word,
            "set": s.set,
            "sets": plan.sets,
            "rep": s.rep,
            "reps": plan.reps,
            "leg": s.leg,
            "instruction": s.instruction,
            "breath": BREATH.get(s.kind, ""),
            "next": next_segment_text(timeline, index),
            "motion": list(MOTION[s.kind]),
            "skippable": s.kind in RESTS,
        }
        for index, s in enumerate(timeline.segments)
    ]
    cues = [
        {"time": c.time, "sound": c.sound, "say": c.say, "vibrate": list(c.vibrate)}
        for c in build_cues(timeline)
    ]
    return {
        "ok": True,
        "plan": plan.fields(),
        "total": timeline.total,
        "summary": (
            f"{plan.sets} {'set' if plan.sets == 1 else 'sets'} of {plan.reps}"
            + (" reps per leg" if plan.legs == "both" else " reps")
            + f", {reps_per_set * plan.sets} reps in all, {_describe(timeline.total)}"
        ),
        "segments": segments,
        "cues": cues,
        "sounds": {name: asdict(sound) for name, sound in SOUNDS.items()},
    }
