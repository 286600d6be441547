"""The app manifest hook: icons of the right sizes drawn from the figure model, a maskable icon
that keeps its drawing inside the launcher's safe zone, and a manifest every launcher accepts."""

from __future__ import annotations

import json
import math
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest
from PIL import Image

from tests.support import load_hook


def _hook() -> ModuleType:
    return load_hook("app_manifest")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("app") / "site"
    config = SimpleNamespace(site_dir=str(site), site_name="Guide", site_description="A guide.")
    _hook().on_post_build(config)
    return site


def _drawn(image: Image.Image, background: str) -> list[tuple[int, int]]:
    """Pixels that differ clearly from the background colour."""
    rgb = image.convert("RGB")
    bg = tuple(int(background[i : i + 2], 16) for i in (1, 3, 5))
    width, height = rgb.size
    pixels = rgb.load()
    assert pixels is not None
    return [
        (x, y)
        for y in range(height)
        for x in range(width)
        if sum(abs(a - b) for a, b in zip(pixels[x, y], bg, strict=True)) > 24  # type: ignore[arg-type]
    ]


def test_manifest_names_colours_and_standalone_display(site: Path) -> None:
    manifest = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] == "Guide"
    assert 0 < len(manifest["short_name"]) <= 12  # what a home screen shows without cutting it
    assert manifest["display"] == "standalone"
    assert manifest["orientation"] == "any"  # the checker's camera is used sideways
    assert manifest["start_url"] == manifest["scope"] == "./"
    assert manifest["theme_color"] == _hook().THEME_COLOR
    assert [s["url"] for s in manifest["shortcuts"]] == [
        "tools/tempo-timer/",
        "tools/angle-checker/",
    ]
    sizes = {(i["sizes"], i["purpose"]) for i in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes


@pytest.mark.parametrize(
    ("path", "size"),
    [
        ("icons/icon-192.png", 192),
        ("icons/icon-512.png", 512),
        ("icons/maskable-512.png", 512),
        ("icons/apple-touch-icon.png", 180),
        ("assets/images/favicon.png", 48),
    ],
)
def test_each_icon_has_its_size_and_shows_a_drawing(site: Path, path: str, size: int) -> None:
    image = Image.open(site / path)
    assert image.size == (size, size)
    drawn = _drawn(image, _hook().THEME_COLOR)
    assert len(drawn) > size * size * 0.03  # the figure, not an empty square


def test_the_maskable_icon_keeps_its_drawing_in_the_safe_zone(site: Path) -> None:
    """Launchers may crop to any shape that contains the centred circle of 40 % radius."""
    image = Image.open(site / "icons/maskable-512.png")
    centre, radius = 256, 0.4 * 512
    outside = [
        (x, y)
        for x, y in _drawn(image, _hook().THEME_COLOR)
        if math.hypot(x + 0.5 - centre, y + 0.5 - centre) > radius
    ]
    assert outside == []


def test_the_icons_are_one_drawing_at_different_sizes(site: Path) -> None:
    """The 192 px icon is the 512 px one scaled down (same drawing, same framing)."""
    big = Image.open(site / "icons/icon-512.png").convert("L").resize((192, 192))
    small = Image.open(site / "icons/icon-192.png").convert("L")
    assert big.size == small.size
    difference = sum(
        abs(a - b)
        for a, b in zip(big.get_flattened_data(), small.get_flattened_data(), strict=True)
    )
    assert difference / (192 * 192) < 6  # mean grey-level difference, out of 255
