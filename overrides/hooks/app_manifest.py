"""MkDocs hook: make the site installable (a web app manifest and its icons, drawn at build time).

After each build it writes into the site:

- ``icons/icon-192.png``, ``icons/icon-512.png`` (purpose ``any``), ``icons/maskable-512.png``
  (purpose ``maskable``: the drawing inside the central 80 % circle that every launcher mask keeps,
  per the W3C manifest spec's "safe zone"), ``icons/apple-touch-icon.png`` (180 px, what iOS asks
  for) and ``assets/images/favicon.png`` (replacing Material's default, 48 px);
- ``manifest.webmanifest``: names, colours, ``display: standalone``, start URL and scope (the
  site root, relative to the manifest so the site works under any path, e.g. a GitHub Pages
  project site), the icons and shortcuts to the two tools.

Every icon is the same drawing: the correct top position of :data:`hipthrust.pose.TOP` on the
guide figures' bench (:mod:`hipthrust.figure_drawing`), the stick model the figures, the checker's
overlay and the timer's figure use, rendered with Pillow (4x supersampled, then downscaled, for
smooth lines). Colours are the palette's (mkdocs.yml: deep purple, Material's ``#7e56c2`` header).
Runs before ``offline.py`` (listed before it in mkdocs.yml), so the icons are stored offline and
count in the build id.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Final

from mkdocs.config.defaults import MkDocsConfig
from PIL import Image, ImageDraw

from hipthrust.figure_drawing import BENCH_EDGE_X, BENCH_TOP
from hipthrust.pose import BONES, HEAD_RADIUS, TOP, Point, joint_positions

# Material's deep purple (the header) and the light page background.
THEME_COLOR: Final = "#7e56c2"
BACKGROUND_COLOR: Final = "#ffffff"
FIGURE_COLOR: Final = "#ffffff"
BENCH_COLOR: Final = "#c5b3e6"
MANIFEST: Final = "manifest.webmanifest"
SUPERSAMPLE: Final = 4
BENCH_SHOWN: Final = 34.0  # cm of the figures' bench shown behind the shoulders
# Share of the icon's side the drawing may fill: "any" icons keep a small margin; maskable ones
# stay inside the 80 % safe-zone circle (the drawing's box diagonal fits it).
FILL_ANY: Final = 0.86
FILL_MASKABLE: Final = 0.56

# (path in the site, size in px, fill, purpose in the manifest or "" when not listed there)
ICONS: Final = (
    ("icons/icon-192.png", 192, FILL_ANY, "any"),
    ("icons/icon-512.png", 512, FILL_ANY, "any"),
    ("icons/maskable-512.png", 512, FILL_MASKABLE, "maskable"),
    ("icons/apple-touch-icon.png", 180, FILL_ANY, ""),
    ("assets/images/favicon.png", 48, 0.92, ""),
)
SHORTCUTS: Final = (
    ("Tempo timer", "Timer", "tools/tempo-timer/", "Count the tempo of each rep, with beeps"),
    ("Angle checker", "Checker", "tools/angle-checker/", "Check your angles on a photo"),
)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # One colour for the manifest, the icons and the pages' theme-color meta (main.html).
    config.extra["theme_color"] = THEME_COLOR
    return config


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    for path, size, fill, _ in ICONS:
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        draw_icon(size, fill).save(target, optimize=True)
    (site / MANIFEST).write_text(
        json.dumps(manifest(config), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def manifest(config: MkDocsConfig) -> dict[str, object]:
    """The manifest's JSON; every URL is relative to the manifest, which sits at the site root."""
    icons = [
        {"src": path, "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
        for path, size, _, purpose in ICONS
        if purpose
    ]
    return {
        "id": "./",
        "name": config.site_name,
        "short_name": "Hip thrust",
        "description": config.site_description or config.site_name,
        "lang": "en",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        # Not locked to portrait: a lifter props the phone sideways to take the checker's
        # side-on photo (self-timer camera), and a locked app would turn that view on its side.
        "orientation": "any",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": icons,
        "shortcuts": [
            {
                "name": name,
                "short_name": short,
                "url": url,
                "description": description,
                "icons": [{"src": "icons/icon-192.png", "sizes": "192x192", "type": "image/png"}],
            }
            for name, short, url, description in SHORTCUTS
        ],
    }


# -----------------------------------------------------------------------------
# The drawing: the stick model at the top of the lift, on the bench
# -----------------------------------------------------------------------------


def draw_icon(size: int, fill: float) -> Image.Image:
    """A ``size`` px square icon: the figure centred, its bounding box ``fill`` of the side."""
    big = size * SUPERSAMPLE
    image = Image.new("RGB", (big, big), THEME_COLOR)
    draw = ImageDraw.Draw(image)
    joints = joint_positions(TOP)
    head_radius = HEAD_RADIUS * TOP.height_cm
    x0, y0, x1, y1 = _bounds(joints, head_radius)
    scale = fill * big / max(x1 - x0, y1 - y0)
    offset_x = (big - (x1 - x0) * scale) / 2 - x0 * scale
    offset_y = (big - (y1 - y0) * scale) / 2 + y1 * scale  # y up in the model, down in the image

    def at(point: Point) -> tuple[float, float]:
        return (offset_x + point[0] * scale, offset_y - point[1] * scale)

    line = max(1, round(5.5 * scale))  # a 5.5 cm thick stroke: legible at 48 px
    bench_left, bench_top = at((BENCH_EDGE_X - BENCH_SHOWN, BENCH_TOP))
    bench_right, floor_y = at((BENCH_EDGE_X, 0.0))
    draw.rounded_rectangle(
        (bench_left, bench_top, bench_right, floor_y), radius=line // 2, fill=BENCH_COLOR
    )
    for start, end in BONES:
        draw.line((at(joints[start]), at(joints[end])), fill=FIGURE_COLOR, width=line)
    for point in joints.values():  # round joints, so the bones meet without notches
        x, y = at(point)
        draw.ellipse((x - line / 2, y - line / 2, x + line / 2, y + line / 2), fill=FIGURE_COLOR)
    head_x, head_y = at(joints["head"])
    radius = head_radius * scale
    draw.ellipse(
        (head_x - radius, head_y - radius, head_x + radius, head_y + radius), fill=FIGURE_COLOR
    )
    return image.resize((size, size), Image.Resampling.LANCZOS)


def _bounds(joints: dict[str, Point], head_radius: float) -> tuple[float, float, float, float]:
    """The drawing's box in model centimetres: the joints, the head and the bench's near end."""
    xs = [x for x, _ in joints.values()] + [BENCH_EDGE_X - BENCH_SHOWN]
    ys = [y for _, y in joints.values()] + [0.0, BENCH_TOP]
    head_x, head_y = joints["head"]
    xs += [head_x - head_radius, head_x + head_radius]
    ys += [head_y - head_radius, head_y + head_radius]
    return (min(xs), min(ys), max(xs), max(ys))
