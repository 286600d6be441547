"""Tiny SVG writer shared by the guide's figures and the angle checker's overlay.

Elements are built as strings with escaped attributes and text; styling is by CSS class so the
same markup follows the site's light and dark palettes. Numbers are rounded to 0.1 to keep the
files small.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from html import escape

Point = tuple[float, float]


def _num(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _attrs(attributes: dict[str, str | float | None]) -> str:
    parts = []
    for name, value in attributes.items():
        if value is None:
            continue
        text = (
            _num(value)
            if isinstance(value, float | int) and not isinstance(value, bool)
            else str(value)
        )
        parts.append(f' {name.rstrip("_").replace("_", "-")}="{escape(text, quote=True)}"')
    return "".join(parts)


def element(tag: str, children: Iterable[str] = (), /, **attributes: str | float | None) -> str:
    """``<tag attr="...">children</tag>``; ``class_`` stands for ``class``, ``_`` for ``-``."""
    body = "".join(children)
    if body:
        return f"<{tag}{_attrs(attributes)}>{body}</{tag}>"
    return f"<{tag}{_attrs(attributes)}/>"


def line(a: Point, b: Point, **attributes: str | float | None) -> str:
    return element("line", x1=a[0], y1=a[1], x2=b[0], y2=b[1], **attributes)


def circle(center: Point, radius: float, **attributes: str | float | None) -> str:
    return element("circle", cx=center[0], cy=center[1], r=radius, **attributes)


def polyline(points: Iterable[Point], **attributes: str | float | None) -> str:
    coordinates = " ".join(f"{_num(x)},{_num(y)}" for x, y in points)
    return element("polyline", points=coordinates, **attributes)


def path(d: str, **attributes: str | float | None) -> str:
    return element("path", d=d, **attributes)


def text(position: Point, content: str, **attributes: str | float | None) -> str:
    return f"<text{_attrs({'x': position[0], 'y': position[1], **attributes})}>{escape(content)}</text>"


def arc_path(center: Point, radius: float, start_deg: float, end_deg: float) -> str:
    """Path data of a circular arc in SVG's y-down coordinates, angles clockwise from +x."""
    start = (
        center[0] + radius * math.cos(math.radians(start_deg)),
        center[1] + radius * math.sin(math.radians(start_deg)),
    )
    end = (
        center[0] + radius * math.cos(math.radians(end_deg)),
        center[1] + radius * math.sin(math.radians(end_deg)),
    )
    sweep = 1 if end_deg >= start_deg else 0
    large = 1 if abs(end_deg - start_deg) > 180 else 0
    return (
        f"M{_num(start[0])} {_num(start[1])}A{_num(radius)} {_num(radius)} 0 {large} {sweep} "
        f"{_num(end[0])} {_num(end[1])}"
    )


def document(
    children: Iterable[str],
    view_box: tuple[float, float, float, float],
    *,
    title: str,
    class_: str = "",
    **attributes: str | float | None,
) -> str:
    """A standalone ``<svg>`` with a ``<title>`` (its accessible name) and ``role="img"``."""
    x, y, width, height = view_box
    return element(
        "svg",
        [f"<title>{escape(title)}</title>", *children],
        xmlns="http://www.w3.org/2000/svg",
        viewBox=f"{_num(x)} {_num(y)} {_num(width)} {_num(height)}",
        role="img",
        class_=class_ or None,
        **attributes,
    )
