"""The training log's stored format, checked field by field: what the phone keeps and exports.

A log file (the JSON export, and what an import must be) is::

    {"format": "hipthrust-log", "version": 1, "entries": [entry, ...]}

with an optional ``"exported"`` date. Each entry is one set of one leg::

    {
      "id": "k3v9-2",                # 1-64 letters, digits, "-" or "_", starting with a letter
                                     # or digit; unique in the log
      "date": "2026-12-02T18:30:05", # ISO 8601 local date and time (or a date); an offset or
                                     # "Z" may follow. Sessions group by the date part as written.
      "step": "single-leg-hip-thrust",  # a key of hipthrust.steps.STEPS
      "leg": "left",                 # "left" | "right" on a one-leg step, "both" on a two-leg one
      "set": 1,                      # 1-20, the set's number in the session
      "reps": 10,                    # 0-50 reps done
      "rir": 2,                      # 0-4 reps in reserve (4 means 4 or more)
      "load": 12.5,                  # 0-500, or null for bodyweight
      "unit": "kg",                  # "kg" | "lb" (kept even without load: the unit last used)
      "pain": false,                 # optional, default false
      "hips_level": true,            # optional, default null: not recorded
      "tempo": {"lowering": 2.8, "bottom_pause": 0.2, "drive": 1.1, "top_hold": 0.9},
                                     # optional, default null: measured by the set review, mean
                                     # seconds per phase, each 0-30
      "plan": {"tempo": "3-0-1-1", "reps": 10, "preset": "standard"}
                                     # what the timer ran: tempo text, reps target 1-50 and
                                     # optionally the preset (a row key of hipthrust.programming)
    }

:func:`read_log` reads an import's text and either returns the entries, normalised (optional
fields filled in), or raises :class:`LogError` with one message for the person importing it. A
file that is not JSON, JSON that is not this format, another version, a bad field, a duplicate
id, too big a file: each is refused with its own message, and the page keeps the log untouched.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Any, Final

from .plan import LIMITS
from .programming import ROWS_BY_KEY
from .steps import STEPS_BY_KEY
from .tempo import MAX_PHASE_SECONDS, TempoError, parse_tempo

FORMAT: Final = "hipthrust-log"
VERSION: Final = 1
MAX_TEXT_CHARS: Final = 2_000_000  # a few years of daily sessions fit many times over
MAX_ENTRIES: Final = 10_000
MAX_SET: Final = 20
MAX_REPS: Final = LIMITS["reps"][1]
MAX_RIR: Final = 4  # 4 means 4 or more
MAX_LOAD: Final = 500.0
UNITS: Final = ("kg", "lb")
LEGS: Final = ("left", "right", "both")
TEMPO_PHASES: Final = ("lowering", "bottom_pause", "drive", "top_hold")
FIELDS: Final = (
    "id",
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
    "tempo",
    "plan",
)
# What each field holds, for the page that documents the file (macro ``log_format_fields``).
FIELD_NOTES: Final[tuple[tuple[str, str], ...]] = (
    ("id", "1 to 64 letters, digits, - or _, one per set, never used twice"),
    ("date", "date and time on the phone, like 2026-12-02T18:30:05"),
    ("step", "the step of the ladder, like single-leg-hip-thrust"),
    ("leg", "left or right, or both on a two-leg step"),
    ("set", f"the set's number, 1 to {MAX_SET}"),
    ("reps", f"reps done, 0 to {MAX_REPS}"),
    ("rir", f"reps in reserve, 0 to {MAX_RIR} (4 means 4 or more)"),
    ("load", f"the weight, 0 to {MAX_LOAD:g}, or null without one"),
    ("unit", "kg or lb"),
    ("pain", "true if it hurt (may be left out)"),
    ("hips_level", "true or false, or null if not noted (may be left out)"),
    ("tempo", "seconds of each phase the set review measured, or null (may be left out)"),
    ("plan", "what the timer ran: tempo, reps and maybe its preset"),
)
_REQUIRED: Final = frozenset(FIELDS) - {"pain", "hips_level", "tempo"}
_ID: Final = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")

Entry = dict[str, Any]


class LogError(ValueError):
    """A log or entry that cannot be used; the message is written for the person importing it."""


def _whole(value: object, low: int, high: int, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise LogError(f"{name} must be a whole number from {low} to {high}.")
    return value


def _number(value: object, high: float, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= high:
        raise LogError(f"{name} must be a number from 0 to {high:g}.")
    return float(value)


def _flag(value: object, name: str, *, nullable: bool) -> bool | None:
    if value is None and nullable:
        return None
    if not isinstance(value, bool):
        raise LogError(f"{name} must be true or false{' or null' if nullable else ''}.")
    return value


def _date(value: object) -> str:
    if isinstance(value, str) and len(value) <= 40:
        try:
            (date if len(value) == 10 else datetime).fromisoformat(value)
        except ValueError:
            pass
        else:
            if re.match(r"^\d{4}-\d{2}-\d{2}", value):
                return value
    raise LogError("date must be an ISO date and time, like 2026-12-02T18:30:05.")


def _tempo(value: object) -> dict[str, float] | None:
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != set(TEMPO_PHASES):
        raise LogError(f"tempo must be null or give the seconds of {', '.join(TEMPO_PHASES)}.")
    return {p: _number(value[p], MAX_PHASE_SECONDS, f"tempo {p}") for p in TEMPO_PHASES}


def _plan(value: object) -> dict[str, Any]:
    if not isinstance(value, dict) or not {"tempo", "reps"} <= set(value) <= {
        "tempo",
        "reps",
        "preset",
    }:
        raise LogError('plan must be {"tempo": "3-0-1-1", "reps": 10} (and maybe "preset").')
    try:
        tempo = parse_tempo(value["tempo"]) if isinstance(value["tempo"], str) else None
    except TempoError:
        tempo = None
    if tempo is None:
        raise LogError("plan tempo must be tempo text like 3-0-1-1.")
    preset = value.get("preset")
    if preset is not None and preset not in ROWS_BY_KEY:
        raise LogError(f"plan preset must be one of {', '.join(ROWS_BY_KEY)}.")
    reps = _whole(value["reps"], 1, MAX_REPS, "plan reps")
    return {"tempo": tempo.notation(), "reps": reps, "preset": preset}


def check_entry(value: object) -> Entry:
    """One entry, checked and normalised; :class:`LogError` names the first bad field."""
    if not isinstance(value, dict):
        raise LogError("each entry must be an object with the set's fields.")
    unknown = sorted(str(name) for name in set(value) - set(FIELDS))
    if unknown:
        raise LogError(f"unknown field {unknown[0]!r}.")
    missing = [name for name in FIELDS if name in _REQUIRED and name not in value]
    if missing:
        raise LogError(f"{missing[0]} is missing.")
    if not isinstance(value["id"], str) or not _ID.match(value["id"]):
        raise LogError("id must be 1-64 letters, digits, - or _.")
    step = value["step"]
    if step not in STEPS_BY_KEY:
        raise LogError(f"step must be one of {', '.join(STEPS_BY_KEY)}.")
    legs = ("left", "right") if STEPS_BY_KEY[step].one_leg else ("both",)
    if value["leg"] not in legs:
        raise LogError(f"leg must be {' or '.join(legs)} on the step {step}.")
    load = value["load"]
    unit = value["unit"]
    if unit not in UNITS:
        raise LogError("unit must be kg or lb.")
    return {
        "id": value["id"],
        "date": _date(value["date"]),
        "step": step,
        "leg": value["leg"],
        "set": _whole(value["set"], 1, MAX_SET, "set"),
        "reps": _whole(value["reps"], 0, MAX_REPS, "reps"),
        "rir": _whole(value["rir"], 0, MAX_RIR, "rir"),
        "load": None if load is None else _number(load, MAX_LOAD, "load"),
        "unit": unit,
        "pain": bool(_flag(value.get("pain", False), "pain", nullable=False)),
        "hips_level": _flag(value.get("hips_level"), "hips_level", nullable=True),
        "tempo": _tempo(value.get("tempo")),
        "plan": _plan(value["plan"]),
    }


def check_entries(values: object) -> list[Entry]:
    """A list of entries, each checked, ids unique; the message says which entry is wrong."""
    if not isinstance(values, list):
        raise LogError("entries must be a list.")
    if len(values) > MAX_ENTRIES:
        raise LogError(f"The log has {len(values)} sets; this page keeps at most {MAX_ENTRIES}.")
    entries: list[Entry] = []
    seen: set[str] = set()
    for number, value in enumerate(values, start=1):
        try:
            entry = check_entry(value)
        except LogError as error:
            raise LogError(f"Set {number} in the file: {error}") from None
        if entry["id"] in seen:
            raise LogError(f"Set {number} in the file: the id {entry['id']!r} is used twice.")
        seen.add(entry["id"])
        entries.append(entry)
    return entries


def read_log(text: str) -> list[Entry]:
    """An imported file's text → its entries; :class:`LogError` with one clear message if not."""
    if len(text) > MAX_TEXT_CHARS:
        raise LogError(
            f"The file is too big for a training log (over {MAX_TEXT_CHARS:,} characters)."
        )
    try:
        document = json.loads(text)
    except ValueError as error:
        where = (
            f" (line {error.lineno}, column {error.colno})"
            if isinstance(error, json.JSONDecodeError)
            else ""
        )
        raise LogError(f"The file is not a training log: it is not valid JSON{where}.") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise LogError(
            "The file is not a training log from this site: it has no "
            f'"format": "{FORMAT}". Export a log from this page and import that file.'
        )
    version = document.get("version")
    if isinstance(version, bool) or version != VERSION:
        if version is None:
            raise LogError(f'The log has no "version"; this page reads version {VERSION}.')
        newer = isinstance(version, int) and not isinstance(version, bool) and version > VERSION
        raise LogError(
            f"The log is version {json.dumps(version)[:20]}; this page reads version {VERSION}."
            + (" Update the site (reload) and try again." if newer else "")
        )
    unknown = sorted(set(document) - {"format", "version", "entries", "exported"})
    if unknown:
        raise LogError(f"The file has an unknown field {unknown[0]!r}.")
    if "entries" not in document:
        raise LogError('The file has no "entries".')
    return check_entries(document["entries"])


def write_log(entries: list[Entry], exported: str | None = None) -> str:
    """The export: the stored format as JSON text (entries in date order, then set, then leg)."""
    document: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    if exported is not None:
        document["exported"] = _date(exported)
    document["entries"] = sorted(entries, key=lambda e: (e["date"], e["step"], e["set"], e["leg"]))
    return json.dumps(document, indent=1, ensure_ascii=False, allow_nan=False)
