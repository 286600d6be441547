"""What a figure entry of :mod:`hipthrust.figure_catalogue` can say: its panels, each with one view
(what is drawn) and its words. Plain frozen data; :mod:`hipthrust.figures` draws it.

- :class:`Side`: the stick model from the side (a pose from :mod:`hipthrust.figure_poses`), with
  the dashed references, the highlighted part, motion arrows and props.
- :class:`Front`: seen from the feet, the working knee's drift towards the midline, a band.
- :class:`Pelvis`: seen from the feet at the top, the free hip's drop.
- :class:`Tempo`: hip height over time, a bounce or a controlled rep.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .pose import Point, Pose

Reference = Literal["line", "shin"]  # the dashed shoulder-knee line; the vertical through the ankle
Prop = Literal["pad", "dumbbell", "hold"]  # drawn at the top position's hip crease
Verdict = Literal["good", "bad", ""]  # "" = neutral


@dataclass(frozen=True, slots=True)
class Arrow:
    """A motion arrow (model cm) starting ``offset`` from ``joint``, pointing ``direction`` degrees
    (0 = towards the feet, 90 = up). ``bad``: it shows the wrong motion of a fault."""

    joint: str
    direction: float
    offset: Point = (0.0, 0.0)
    length: float = 24.0
    bad: bool = False


@dataclass(frozen=True, slots=True)
class Side:
    pose: Pose
    references: tuple[Reference, ...] = ()
    highlight: tuple[str, ...] = ()
    arrows: tuple[Arrow, ...] = ()
    props: tuple[Prop, ...] = ()
    bench: bool = True
    free_leg: bool = True
    second_leg: bool = False
    near_arm: bool = False


@dataclass(frozen=True, slots=True)
class Front:
    knee_in: float  # cm towards the midline
    band: bool = False


@dataclass(frozen=True, slots=True)
class Pelvis:
    drop: float  # cm: the free hip below the working hip


@dataclass(frozen=True, slots=True)
class Tempo:
    controlled: bool


@dataclass(frozen=True, slots=True)
class PanelEntry:
    view: Side | Front | Pelvis | Tempo
    title: str  # the SVG's <title>: its alt text, what matters in the picture
    label: str
    verdict: Verdict = ""


@dataclass(frozen=True, slots=True)
class FigureEntry:
    name: str
    caption: str
    panels: tuple[PanelEntry, ...]
