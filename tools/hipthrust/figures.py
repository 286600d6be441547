"""The guide's figures: inline SVG drawn from the stick model in :mod:`hipthrust.pose`.

Every side view is a :class:`~hipthrust.pose.Pose` drawn in one fixed frame (centimetres, the
floor at y = 0, the bench in the same place), so the figures agree with each other and with the
angle checker's geometry. Faults are the correct pose with one angle changed, re-posed with
:func:`~hipthrust.pose.pose_through` so the shoulders stay on the bench.

Styling is by CSS class only (``docs/stylesheets/guide.css``), so the markup follows the light and
dark palettes. Each SVG carries a ``<title>`` that says what matters in the picture: it is the
figure's alt text. Numbers come from :mod:`hipthrust.guide` (tempo, hold) and the source article
(vertical shin, straight shoulders-hips-knee line, free leg bent about 90 degrees).

The catalogue (name -> panels: what is drawn, alt text, label, verdict; caption) is data in
:mod:`hipthrust.figure_catalogue`; this module builds each entry's SVG and the figure's HTML. The
drawing is in :mod:`hipthrust.figure_drawing`, the positions in :mod:`hipthrust.figure_poses`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Final

from .figure_catalogue import CATALOGUE, CREASE
from .figure_drawing import (
    arrow,
    dumbbell,
    flip,
    front_view,
    hold_marker,
    line_reference,
    pad,
    pelvis_view,
    shin_reference,
    side,
    tempo_graph,
)
from .figure_steps import b_stance_svg
from .figure_views import (
    Arrow,
    FigureEntry,
    Front,
    PanelEntry,
    Pelvis,
    Prop,
    Reference,
    Side,
    Tempo,
)
from .pose import Point, Pose, joint_positions

# -----------------------------------------------------------------------------
# The figures: panels (svg, label, verdict) and caption
# -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Panel:
    svg: str
    label: str
    verdict: str = ""  # "good", "bad" or "" (neutral)


@dataclass(frozen=True, slots=True)
class Figure:
    name: str
    caption: str
    panels: tuple[Panel, ...]


REFERENCES: Final[dict[Reference, Callable[[dict[str, Point]], str]]] = {
    "line": line_reference,
    "shin": shin_reference,
}
PROPS: Final[dict[Prop, Callable[[Point], str]]] = {
    "pad": pad,
    "dumbbell": dumbbell,
    "hold": hold_marker,
}


def _motion(pose: Pose, motion: Arrow) -> str:
    """The arrow's SVG: from ``offset`` off its joint, ``length`` cm at ``direction`` degrees."""
    x, y = joint_positions(pose)[motion.joint]
    start = (x + motion.offset[0], y + motion.offset[1])
    angle = math.radians(motion.direction)
    end = (start[0] + motion.length * math.cos(angle), start[1] + motion.length * math.sin(angle))
    class_ = "ht-arrow ht-arrow--bad" if motion.bad else "ht-arrow"
    return arrow(flip(start), flip(end), class_=class_)


def _svg(entry: PanelEntry) -> str:
    view = entry.view
    if isinstance(view, Front):
        return front_view(view.knee_in, band=view.band, title=entry.title)
    if isinstance(view, Pelvis):
        return pelvis_view(view.drop, title=entry.title)
    if isinstance(view, Tempo):
        return tempo_graph(view.controlled, entry.title)
    return _side(view, entry.title)


def _side(view: Side, title: str) -> str:
    return side(
        view.pose,
        title,
        references=[REFERENCES[name] for name in view.references],
        extras=[_motion(view.pose, motion) for motion in view.arrows]
        + [PROPS[name](CREASE) for name in view.props],
        bench=view.bench,
        free_leg=view.free_leg,
        second_leg=view.second_leg,
        near_arm=view.near_arm,
        highlight=view.highlight,
    )


def _figure(entry: FigureEntry) -> Figure:
    panels = tuple(Panel(_svg(panel), panel.label, panel.verdict) for panel in entry.panels)
    return Figure(entry.name, entry.caption, panels)


FIGURES: Final = {
    **{entry.name: _figure(entry) for entry in CATALOGUE},
    # The B-stance step (issue 17) is drawn by figure_steps: its kickstand leg is a pose the
    # catalogue's side view does not model.
    "b-stance": Figure(
        "b-stance",
        "B-stance (kickstand): one foot works, the other steadies on its heel.",
        (Panel(b_stance_svg(), "B-stance"),),
    ),
}


def figure_html(name: str) -> str:
    """The figure as HTML for a Markdown page (raw block): panels side by side and a caption."""
    figure = FIGURES[name]
    panels = "".join(
        f'<div class="ht-panel{f" ht-panel--{p.verdict}" if p.verdict else ""}">{p.svg}'
        f'<span class="ht-label">{_mark(p.verdict)}{escape(p.label)}</span></div>'
        for p in figure.panels
    )
    return (
        f'<figure class="ht-figure ht-figure--{len(figure.panels)}" id="fig-{name}">'
        f'<div class="ht-panels">{panels}</div>'
        f"<figcaption>{escape(figure.caption)}</figcaption></figure>"
    )


def _mark(verdict: str) -> str:
    return {
        "good": '<span class="ht-verdict">✓ </span>',
        "bad": '<span class="ht-verdict">✗ </span>',
    }.get(verdict, "")
