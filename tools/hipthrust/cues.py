"""The timer's cues: beeps, voice lines and vibrations, each with the time it is due.

Rules:
- every segment opens with a cue: a rising beep for the drive up, a falling beep for the lowering,
  a soft blip for the holds, a two-part chime for rests and switching legs;
- the last :data:`TICK_SECONDS` seconds of the lead-in and of every rest tick once a second (ticks
  that would fall on the rest's own opening cue are left out);
- the end of the workout gets the "done" sound;
- voice lines name the phase ("Up", "Down"), the last rep of a leg ("Last rep"), the switch
  ("Switch to the left leg") and the rest ("Rest 60 seconds").

Sounds are described here (frequency glide, length, loudness) so the page only plays them.
Frequencies sit at 600-1400 Hz, where phone speakers are loud and gym music is thinner.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from .timeline import Timeline

TICK_SECONDS: Final = 3


@dataclass(frozen=True, slots=True)
class Sound:
    start_hz: float
    end_hz: float
    seconds: float
    gain: float  # 0-1 before the page's volume
    wave: str = "square"


SOUNDS: Final[dict[str, Sound]] = {
    "up": Sound(660, 1320, 0.22, 1.0),
    "down": Sound(1100, 550, 0.35, 1.0),
    "hold": Sound(880, 880, 0.08, 0.6, "triangle"),
    "rest": Sound(990, 740, 0.4, 0.9, "triangle"),
    "tick": Sound(1400, 1400, 0.05, 0.7),
    "done": Sound(740, 1480, 0.8, 1.0),
}

VIBRATIONS: Final[dict[str, tuple[int, ...]]] = {
    "up": (120,),
    "down": (60, 60, 60),
    "hold": (40,),
    "rest": (200, 100, 200),
    "tick": (30,),
    "done": (300, 100, 300, 100, 300),
}

_SOUND_OF_KIND: Final = {
    "lead_in": "rest",
    "up": "up",
    "hold": "hold",
    "down": "down",
    "pause": "hold",
    "switch": "rest",
    "rest": "rest",
}


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue due at ``time`` seconds into the workout; ``say`` is empty when there is no voice line."""

    time: float
    sound: str
    say: str = ""

    @property
    def vibrate(self) -> tuple[int, ...]:
        return VIBRATIONS[self.sound]


def _voice(timeline: Timeline, index: int) -> str:
    segment = timeline.segments[index]
    plan = timeline.plan
    if segment.kind == "lead_in":
        return segment.instruction
    if segment.kind == "switch":
        return f"Switch to the {segment.leg} leg"
    if segment.kind == "rest":
        return f"Rest {segment.duration:g} seconds"
    if segment.kind == "up" and segment.rep == plan.reps and plan.reps > 1:
        return "Last rep. Up"
    return segment.word.capitalize()


def build_cues(timeline: Timeline) -> tuple[Cue, ...]:
    """Every cue of the workout, in time order."""
    cues: list[Cue] = []
    for index, segment in enumerate(timeline.segments):
        cues.append(Cue(segment.start, _SOUND_OF_KIND[segment.kind], _voice(timeline, index)))
        if segment.kind in ("lead_in", "switch", "rest"):
            for before in range(TICK_SECONDS, 0, -1):
                time = segment.end - before
                if time > segment.start:
                    cues.append(Cue(time, "tick"))
    if timeline.segments:
        cues.append(Cue(timeline.total, "done", "Done. Well worked."))
    return tuple(cues)
