"""The training log read as sessions: the entries of one day and one step, per leg, and the CSV.

A session is every entry with the same date part (``YYYY-MM-DD`` as the phone wrote it) and the
same step; inside it each leg has its sets in set order. Sessions come newest first (by their
latest entry). Entries are already checked (:mod:`hipthrust.log_format`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final

from .log_format import TEMPO_PHASES, Entry
from .steps import STEPS_BY_KEY

LEG_ORDER: Final = {"left": 0, "right": 1, "both": 2}
TIMES: Final = "\N{MULTIPLICATION SIGN}"


@dataclass(frozen=True, slots=True)
class LegSession:
    """One leg's sets in one session, in set order."""

    day: str
    step: str
    leg: str
    entries: tuple[Entry, ...]

    @property
    def reps(self) -> tuple[int, ...]:
        return tuple(e["reps"] for e in self.entries)

    @property
    def rir(self) -> tuple[int, ...]:
        return tuple(e["rir"] for e in self.entries)

    @property
    def load(self) -> float | None:
        """The heaviest load of the session's sets (None: bodyweight, no load or 0, on every set)."""
        loads = [e["load"] for e in self.entries if e["load"]]
        return max(loads) if loads else None

    @property
    def unit(self) -> str:
        return str(self.entries[-1]["unit"])

    @property
    def preset(self) -> str | None:
        """The timer preset the last set was run with, if it was one."""
        preset = self.entries[-1]["plan"]["preset"]
        return None if preset is None else str(preset)


@dataclass(frozen=True, slots=True)
class Session:
    day: str
    step: str
    latest: str  # the latest entry's date: orders sessions of the same day
    legs: tuple[LegSession, ...]


def group_sessions(entries: Iterable[Entry]) -> list[Session]:
    """Entries → sessions (one day, one step), newest first; legs left, right, both."""
    groups: dict[tuple[str, str], dict[str, list[Entry]]] = {}
    for entry in entries:
        key = (entry["date"][:10], entry["step"])
        groups.setdefault(key, {}).setdefault(entry["leg"], []).append(entry)
    sessions = []
    for (day, step), by_leg in groups.items():
        legs = tuple(
            LegSession(day, step, leg, tuple(sorted(sets, key=lambda e: (e["set"], e["date"]))))
            for leg, sets in sorted(by_leg.items(), key=lambda item: LEG_ORDER[item[0]])
        )
        latest = max(e["date"] for leg in legs for e in leg.entries)
        sessions.append(Session(day, step, latest, legs))
    return sorted(sessions, key=lambda s: (s.day, s.latest, s.step), reverse=True)


def _number(value: float) -> str:
    return f"{value:g}"


def sets_words(leg: LegSession) -> str:
    """``3 x 10`` when every set had the same reps, else ``3 sets: 10, 10, 9``."""
    reps = leg.reps
    if len(set(reps)) == 1:
        return f"{len(reps)} {TIMES} {reps[0]}"
    return f"{len(reps)} sets: {', '.join(str(r) for r in reps)}"


def rir_words(values: Iterable[int]) -> str:
    return ", ".join("4+" if v >= 4 else str(v) for v in values)


def session_json(session: Session) -> dict[str, Any]:
    """A session as the Log page lists it: date, step, and per leg sets x reps, load and RIR."""
    return {
        "date": session.day,
        "step": session.step,
        "step_name": STEPS_BY_KEY[session.step].name,
        "legs": [
            {
                "leg": leg.leg,
                "sets": len(leg.entries),
                "reps": list(leg.reps),
                "rir": list(leg.rir),
                "load": leg.load,
                "unit": leg.unit,
                "summary": sets_words(leg)
                + (f" at {_number(leg.load)} {leg.unit}" if leg.load is not None else "")
                + f", {rir_words(leg.rir)} in reserve",
                "entries": [e["id"] for e in leg.entries],
            }
            for leg in session.legs
        ],
    }


CSV_COLUMNS: Final = (
    "date",
    "step",
    "leg",
    "set",
    "reps",
    "rir",
    "load",
    "unit",
    "pain",
    "hips_level",
    *(f"measured_{phase}" for phase in TEMPO_PHASES),
    "plan_tempo",
    "plan_reps",
    "plan_preset",
    "id",
)


def csv_rows(entries: Iterable[Entry]) -> list[list[str]]:
    """The CSV export's rows, header first, in date order; RIR 4 is written 4+ as on the page."""
    rows = [list(CSV_COLUMNS)]
    for e in sorted(entries, key=lambda e: (e["date"], e["step"], e["set"], LEG_ORDER[e["leg"]])):
        tempo = e["tempo"] or {}
        rows.append(
            [
                e["date"],
                e["step"],
                e["leg"],
                str(e["set"]),
                str(e["reps"]),
                rir_words([e["rir"]]),
                "" if e["load"] is None else _number(e["load"]),
                e["unit"],
                "yes" if e["pain"] else "no",
                {True: "yes", False: "no", None: ""}[e["hips_level"]],
                *("" if p not in tempo else _number(tempo[p]) for p in TEMPO_PHASES),
                e["plan"]["tempo"],
                str(e["plan"]["reps"]),
                e["plan"]["preset"] or "",
                e["id"],
            ]
        )
    return rows


def csv_text(entries: Iterable[Entry]) -> str:
    """The CSV file: comma separated, quoted where needed, CRLF line ends (RFC 4180)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(csv_rows(entries))
    return out.getvalue()
