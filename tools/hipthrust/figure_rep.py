"""The animated rep on the Execution page: the stick model moved through one rep at the guide's
default tempo, as SVG with CSS keyframes written at build time (no script).

Each bone is a line from (0, 0) to (length, 0), placed each moment by ``translate() rotate()``;
the keyframes sample the rep :data:`SAMPLES_PER_SECOND` times a second, so the browser's
interpolation between two samples keeps the joints together to well under a millimetre of the
drawing. The hips swing on a circle around the shoulders (they pivot on the bench) and the knee
follows from the foot (:func:`hipthrust.pose.pose_through`), as in every other figure.

The hips' height over the rep follows :data:`hipthrust.guide.DEFAULT_TEMPO` in the site's one
order: lowering, pause at the bottom, drive up, hold at the top; each phase eases in and out.

The HTML around it (``rep_html``): a "Pause" switch (a checkbox the CSS reads, so it works
without JavaScript) and the key positions (bottom, halfway, top) as still panels. Under
``prefers-reduced-motion: reduce`` the stylesheet hides the moving figure and shows the still
panels instead (docs/stylesheets/guide.css).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Final

from . import guide, svg
from .figure_drawing import FRAME, bench_shape, floor, free_toe, view_box
from .pose import BOTTOM, HEAD_RADIUS, TOP, TRUNK, Point, Pose, joint_positions, pose_through
from .tempo import parse_tempo

SAMPLES_PER_SECOND: Final = 8
SHOULDER: Final = joint_positions(TOP)["shoulder"]
TRUNK_CM: Final = TRUNK * TOP.height_cm
NAME: Final = "ht-rep"


def _swing(pose: Pose) -> float:
    hip = joint_positions(pose)["hip"]
    return math.atan2(hip[1] - SHOULDER[1], hip[0] - SHOULDER[0])


SWING_BOTTOM: Final = _swing(BOTTOM)
SWING_TOP: Final = _swing(TOP)


def pose_at(height: float) -> Pose:
    """The pose with the hips ``height`` of the way up (0 = bottom, 1 = top), shoulders on the bench."""
    height = min(1.0, max(0.0, height))
    swing = SWING_BOTTOM + (SWING_TOP - SWING_BOTTOM) * height
    hip = (SHOULDER[0] + TRUNK_CM * math.cos(swing), SHOULDER[1] + TRUNK_CM * math.sin(swing))
    return pose_through(TOP, hip=hip, shoulder=SHOULDER)


def _ease(x: float) -> float:
    return 0.5 - 0.5 * math.cos(math.pi * x)


def height_at(seconds: float, notation: str = guide.DEFAULT_TEMPO) -> float:
    """Hip height (0-1) ``seconds`` into a rep that starts at the top with the lowering."""
    tempo = parse_tempo(notation)
    drive = tempo.drive or 1  # an explosive drive is drawn as one second
    phases: list[tuple[float, Callable[[float], float]]] = [
        (tempo.lowering, lambda x: 1.0 - _ease(x)),
        (tempo.bottom_pause, lambda x: 0.0),
        (drive, _ease),
        (tempo.top_hold, lambda x: 1.0),
    ]
    seconds %= rep_seconds(notation)
    for length, shape in phases:
        if seconds < length:
            return shape(seconds / length)
        seconds -= length
    return 1.0


def rep_seconds(notation: str = guide.DEFAULT_TEMPO) -> int:
    tempo = parse_tempo(notation)
    return tempo.lowering + tempo.bottom_pause + (tempo.drive or 1) + tempo.top_hold


# The bones drawn, far limbs first; (name, from joint, to joint, CSS classes).
_BONES: Final = (
    ("arm", "shoulder", "elbow", "ht-far ht-arm"),
    ("forearm", "elbow", "hand", "ht-far ht-arm"),
    ("free-thigh", "hip", "free_knee", "ht-far ht-leg ht-free"),
    ("free-shin", "free_knee", "free_ankle", "ht-far ht-leg ht-free"),
    ("free-foot", "free_ankle", "free_toe", "ht-far ht-leg ht-free"),
    ("shin", "ankle", "knee", "ht-body ht-leg"),
    ("thigh", "knee", "hip", "ht-body ht-leg"),
    ("torso", "hip", "shoulder", "ht-body ht-torso"),
    ("neck", "shoulder", "neck", "ht-body ht-neck"),
)


def _joints(pose: Pose) -> dict[str, Point]:
    joints = joint_positions(pose)
    joints["free_toe"] = free_toe(joints)
    return {name: (x, -y) for name, (x, y) in joints.items()}  # SVG y-down


def _unwrap(angles: list[float]) -> list[float]:
    out = [angles[0]]
    for angle in angles[1:]:
        out.append(out[-1] + math.remainder(angle - out[-1], 360.0))
    return out


def _keyframes(name: str, moments: list[float], transforms: list[str]) -> str:
    """``@keyframes``; within a run of equal samples only its ends are kept (a hold, or a bone
    that does not move), which changes nothing on screen and keeps the page small."""
    kept = [
        i
        for i in range(len(transforms))
        if i in (0, len(transforms) - 1)
        or not transforms[i - 1] == transforms[i] == transforms[i + 1]
    ]
    steps = "".join(f"{100.0 * moments[i]:.2f}%{{transform:{transforms[i]}}}" for i in kept)
    return f"@keyframes {NAME}-{name}{{{steps}}}"


def rep_svg(title: str, notation: str = guide.DEFAULT_TEMPO) -> str:
    """The moving figure: markup plus a ``<style>`` with its keyframes and timing."""
    total = rep_seconds(notation)
    samples = total * SAMPLES_PER_SECOND
    moments = [i / samples for i in range(samples + 1)]
    posed = [_joints(pose_at(height_at(t * total, notation))) for t in moments]
    foot = posed[0]
    parts = [floor(), bench_shape()]
    parts.append(
        svg.polyline(
            [foot["heel"], foot["toe"], foot["ankle"], foot["heel"]], class_="ht-body ht-foot"
        )
    )
    rules: list[str] = []
    for name, start, end, classes in _BONES:
        a, b = posed[0][start], posed[0][end]
        length = math.dist(a, b)
        angles = _unwrap(
            [
                math.degrees(math.atan2(p[end][1] - p[start][1], p[end][0] - p[start][0]))
                for p in posed
            ]
        )
        transforms = [
            f"translate({p[start][0]:.1f}px,{p[start][1]:.1f}px) rotate({angle:.1f}deg)"
            for p, angle in zip(posed, angles, strict=True)
        ]
        parts.append(
            svg.line((0.0, 0.0), (length, 0.0), class_=f"{classes} {NAME}-anim {NAME}-{name}")
        )
        rules.append(_keyframes(name, moments, transforms))
    head = [f"translate({p['head'][0]:.1f}px,{p['head'][1]:.1f}px)" for p in posed]
    parts.append(
        svg.circle(
            (0.0, 0.0), HEAD_RADIUS * TOP.height_cm, class_=f"ht-head {NAME}-anim {NAME}-head"
        )
    )
    rules.append(_keyframes("head", moments, head))
    names = [name for name, *_ in _BONES] + ["head"]
    rules += [
        f".{NAME}-{name}{{animation:{NAME}-{name} {total}s linear infinite}}" for name in names
    ]
    style = "<style>" + "".join(rules) + "</style>"
    return svg.document([style, *parts], view_box(FRAME), title=title, class_="ht-svg ht-rep__svg")


def rep_html(notation: str = guide.DEFAULT_TEMPO) -> str:
    """The Execution page's figure: the moving rep with its Pause switch, the still key positions
    (shown instead under reduced motion), and a caption that gives the tempo in words."""
    from .figure_drawing import side

    tempo = parse_tempo(notation)
    moving = rep_svg(
        f"One rep, moving: the hips lower for {tempo.lowering} seconds, drive up in"
        f" {tempo.drive or 1} second and hold {tempo.top_hold} second at the top; the shoulders"
        " pivot on the bench and the free leg stays up.",
        notation,
    )
    keys = [
        (
            0.0,
            "Bottom",
            "Key position 1 of 3, bottom: hips just above the floor, shoulders on the bench, free leg up.",
        ),
        (
            0.5,
            "Halfway",
            "Key position 2 of 3, halfway: hips rising, shin tipping towards vertical.",
        ),
        (
            1.0,
            "Top",
            "Key position 3 of 3, top: shoulders, hips and knee in a straight line, shin vertical.",
        ),
    ]
    panels = "".join(
        f'<div class="ht-panel">{side(pose_at(height), title)}<span class="ht-label">{label}</span></div>'
        for height, label, title in keys
    )
    return (
        f'<figure class="ht-figure ht-rep" id="fig-rep">'
        f'<div class="ht-rep__moving">'
        f'<input type="checkbox" id="ht-rep-pause" class="ht-rep__pause">'
        f'<label for="ht-rep-pause" class="ht-rep__button">'
        f'<span class="ht-rep__when-playing">Pause</span><span class="ht-rep__when-paused">Play</span>'
        f'<span class="ht-rep__what"> the moving figure</span></label>'
        f'<div class="ht-panel">{moving}</div></div>'
        f'<div class="ht-rep__keys ht-panels">{panels}</div>'
        f"<figcaption>One rep at tempo {tempo.notation()}: lower {tempo.lowering} s, "
        f"pause {tempo.bottom_pause} s, drive up {tempo.drive or 1} s, hold {tempo.top_hold} s.</figcaption>"
        f"</figure>"
    )
