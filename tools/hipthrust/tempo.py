"""Tempo notation: ``lowering-bottom pause-drive up-top hold``, e.g. ``3-0-1-1``.

Rules (the usual four-part strength-coaching notation):
- four parts, each a whole number of seconds 0-30, or ``X`` for the drive: as fast as possible;
- written with dashes (``3-0-1-1``) or, when every part is one character, run together (``3011``);
- surrounding spaces are ignored, and ``x`` counts as ``X``.
A rep starts at the bottom: drive up, hold at the top, lower, pause at the bottom.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

MAX_PHASE_SECONDS: Final = 30
EXPLOSIVE: Final = "X"
FORMAT_HINT: Final = "Use four numbers like 3-0-1-1 (lower, pause, drive up, hold)."

_SEPARATED = re.compile(
    r"^\s*([0-9]+|[xX])\s*-\s*([0-9]+|[xX])\s*-\s*([0-9]+|[xX])\s*-\s*([0-9]+|[xX])\s*$"
)
_COMPACT = re.compile(r"^\s*([0-9xX])([0-9xX])([0-9xX])([0-9xX])\s*$")
_PHASE_NAMES: Final = ("lowering", "pause at the bottom", "drive up", "hold at the top")


class TempoError(ValueError):
    """Tempo text that cannot be used; the message is written for the person who typed it."""


@dataclass(frozen=True, slots=True)
class Tempo:
    """Seconds per phase; ``explosive_drive`` means the drive is ``X`` (as fast as possible)."""

    lowering: int
    bottom_pause: int
    drive: int
    top_hold: int
    explosive_drive: bool = False

    def notation(self) -> str:
        drive = EXPLOSIVE if self.explosive_drive else str(self.drive)
        return f"{self.lowering}-{self.bottom_pause}-{drive}-{self.top_hold}"


def parse_tempo(text: str) -> Tempo:
    """Parse tempo text, or raise :class:`TempoError` saying what to type instead."""
    match = _SEPARATED.match(text) or _COMPACT.match(text)
    if match is None:
        raise TempoError(FORMAT_HINT)
    parts = match.groups()
    seconds: list[int] = []
    for name, part in zip(_PHASE_NAMES, parts, strict=True):
        if part.upper() == EXPLOSIVE:
            if name != "drive up":
                raise TempoError(
                    f"Only the drive up can be X (explosive); give the {name} in seconds."
                )
            seconds.append(0)
            continue
        value = int(part)
        if value > MAX_PHASE_SECONDS:
            raise TempoError(
                f"The {name} is {value} s; keep each phase between 0 and {MAX_PHASE_SECONDS} s."
            )
        seconds.append(value)
    explosive = parts[2].upper() == EXPLOSIVE
    lowering, bottom_pause, drive, top_hold = seconds
    tempo = Tempo(lowering, bottom_pause, drive, top_hold, explosive_drive=explosive)
    if not explosive and tempo.drive == 0:
        raise TempoError("The drive up needs at least 1 s, or X for explosive.")
    return tempo
