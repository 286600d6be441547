"""A tempo-timer plan: what the lifter asked for, checked field by field.

A :class:`Plan` is the timer's input: tempo, reps per leg, sets, which legs and in which order,
the rests and the lead-in. :func:`plan_from_fields` reads the form (strings or numbers, as the
page or a shared link sends them) and returns either a plan or one message per bad field, written
for the person who typed it. The limits are the issue's: phases 0-30 s (in :mod:`hipthrust.tempo`),
reps 1-50, sets 1-10, rests 0-600 s; the lead-in is a rest too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal, TypeVar

from . import guide
from .tempo import Tempo, TempoError, parse_tempo

Leg = Literal["left", "right"]
Legs = Literal["both", "one", "together"]
Variant = Literal["single", "two_up_one_down"]
_Option = TypeVar("_Option", bound=str)

LEGS: Final[tuple[Legs, ...]] = ("both", "one", "together")
SIDES: Final[tuple[Leg, ...]] = ("right", "left")
VARIANTS: Final[tuple[Variant, ...]] = ("single", "two_up_one_down")

# field -> (lowest, highest, what it is called in a message)
LIMITS: Final[dict[str, tuple[int, int, str]]] = {
    "reps": (1, 50, "Reps per leg"),
    "sets": (1, 10, "Sets"),
    "rest_legs": (0, 600, "Rest between legs"),
    "rest_sets": (0, 600, "Rest between sets"),
    "lead_in": (0, 600, "Lead-in"),
}
FIELDS: Final = (
    "tempo",
    "reps",
    "sets",
    "legs",
    "first",
    "rest_legs",
    "rest_sets",
    "lead_in",
    "variant",
)


@dataclass(frozen=True, slots=True)
class Plan:
    """A checked plan. ``legs``: alternate both legs, one leg only, or both feet together."""

    tempo: Tempo
    reps: int = guide.DEFAULT_REPS_PER_LEG
    sets: int = guide.DEFAULT_SETS
    legs: Legs = "both"
    first: Leg = "right"
    rest_legs: int = guide.DEFAULT_REST_BETWEEN_LEGS_SECONDS
    rest_sets: int = guide.DEFAULT_REST_BETWEEN_SETS_SECONDS
    lead_in: int = guide.DEFAULT_LEAD_IN_SECONDS
    variant: Variant = "single"

    def fields(self) -> dict[str, str | int]:
        """The plan as form fields (the inverse of :func:`plan_from_fields`; also the share link)."""
        return {
            "tempo": self.tempo.notation(),
            "reps": self.reps,
            "sets": self.sets,
            "legs": self.legs,
            "first": self.first,
            "rest_legs": self.rest_legs,
            "rest_sets": self.rest_sets,
            "lead_in": self.lead_in,
            "variant": self.variant,
        }


class PlanError(ValueError):
    """One message per bad field: ``errors`` maps the field name to what to type instead."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


def _whole_number(value: object, field: str) -> int:
    low, high, name = LIMITS[field]
    message = f"{name}: use a whole number from {low} to {high}."
    if isinstance(value, bool):
        raise ValueError(message)
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and value.strip().isdigit():
        number = int(value.strip())
    else:
        raise ValueError(message)
    if not low <= number <= high:
        raise ValueError(message)
    return number


def _choice(value: object, options: tuple[_Option, ...], name: str) -> _Option:
    for option in options:
        if value == option:
            return option
    raise ValueError(f"{name}: choose one of {', '.join(options)}.")


def plan_from_fields(fields: dict[str, object]) -> Plan:
    """Check form fields (missing ones take the defaults); raise :class:`PlanError` if any is bad."""
    defaults = Plan(parse_tempo(guide.DEFAULT_TEMPO)).fields()
    unknown = sorted(set(fields) - set(FIELDS))
    errors: dict[str, str] = {name: "Unknown setting." for name in unknown}
    values = {**defaults, **{k: v for k, v in fields.items() if k in FIELDS}}

    tempo: Tempo | None = None
    try:
        tempo = parse_tempo(str(values["tempo"]))
    except TempoError as error:
        errors["tempo"] = str(error)
    numbers: dict[str, int] = {}
    for field in LIMITS:
        try:
            numbers[field] = _whole_number(values[field], field)
        except ValueError as error:
            errors[field] = str(error)
    choices: dict[str, str] = {}
    for field, options, name in (
        ("legs", LEGS, "Legs"),
        ("first", SIDES, "First leg"),
        ("variant", VARIANTS, "Variant"),
    ):
        try:
            choices[field] = _choice(values[field], options, name)
        except ValueError as error:
            errors[field] = str(error)
    if errors or tempo is None:
        raise PlanError(errors)
    return Plan(
        tempo=tempo,
        reps=numbers["reps"],
        sets=numbers["sets"],
        legs=_choice(choices["legs"], LEGS, "Legs"),
        first=_choice(choices["first"], SIDES, "First leg"),
        rest_legs=numbers["rest_legs"],
        rest_sets=numbers["rest_sets"],
        lead_in=numbers["lead_in"],
        variant=_choice(choices["variant"], VARIANTS, "Variant"),
    )
