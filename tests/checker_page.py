"""Driving the angle checker page the way a user does: choose a photo, tap the joints in, drag and
nudge them, read the results from the stable test hooks. Shared by the browser tests and the
checker benchmark, so both use the page the same way.

Stable hooks (issue 9): ``photo-input``; ``checker-stage`` (the SVG, viewBox in photo pixels);
``checker-place-prompt`` with ``data-point``; ``landmark-<name>`` with ``data-x``/``data-y`` (photo
pixels), ``data-source`` (auto | user) and ``data-check``; ``metric-<name>`` with ``data-value`` and
``data-verdict``; ``auto-detect``; ``checker-auto-status`` with ``data-state``;
``checker-view-warning``; ``checker-error``.
"""

from __future__ import annotations

from typing import Any

TIMEOUT_MS = 60_000
SIDE_ORDER = ("shoulder", "hip", "knee", "ankle")


def open_checker(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}tools/angle-checker/")
    page.wait_for_selector(".hipthrust-tool[data-python='ready']", timeout=TIMEOUT_MS)


def choose(page: Any, name: str, data: bytes, mime: str) -> None:
    page.get_by_test_id("photo-input").set_input_files(
        {"name": name, "mimeType": mime, "buffer": data}
    )


def wait_ready(page: Any) -> None:
    page.wait_for_selector(".hipthrust-tool[data-photo='ready']", timeout=TIMEOUT_MS)


def landmark(page: Any, name: str) -> tuple[float, float]:
    node = page.get_by_test_id(f"landmark-{name}")
    return float(node.get_attribute("data-x")), float(node.get_attribute("data-y"))


def to_screen(page: Any, x: float, y: float) -> tuple[float, float]:
    return tuple(
        page.evaluate(
            """([x, y]) => {
              const svg = document.querySelector('[data-testid="checker-stage"]');
              const p = new DOMPoint(x, y).matrixTransform(svg.getScreenCTM());
              return [p.x, p.y];
            }""",
            [x, y],
        )
    )


def metric(page: Any, name: str) -> tuple[float, str]:
    node = page.get_by_test_id(f"metric-{name}")
    return float(node.get_attribute("data-value")), node.get_attribute("data-verdict")


def settled(page: Any) -> None:
    """Wait until no measurement is in flight (the last update has been drawn)."""
    page.wait_for_function(
        "() => performance.getEntriesByName('checker-update').length > 0", timeout=TIMEOUT_MS
    )
    page.wait_for_timeout(100)
    page.wait_for_function(
        """() => {
          const n = performance.getEntriesByName('checker-update').length;
          return new Promise((r) => setTimeout(() => r(performance.getEntriesByName('checker-update').length === n), 250));
        }""",
        timeout=TIMEOUT_MS,
    )


def center_stage(page: Any) -> None:
    page.evaluate("document.querySelector('.checker-stage').scrollIntoView({block: 'center'})")


def prompt_point(page: Any) -> str | None:
    prompt = page.get_by_test_id("checker-place-prompt")
    return prompt.get_attribute("data-point") if prompt.is_visible() else None


def tap_point(page: Any, name: str, at: tuple[float, float], *, view: str = "side") -> None:
    """Tap (click) the photo where the prompt asks for ``name``; the point appears there."""
    assert prompt_point(page) == name, f"the page asks for {prompt_point(page)}, not {name}"
    center_stage(page)
    page.mouse.click(*to_screen(page, *at))
    prefix = "landmark-front-" if view == "front" else "landmark-"
    page.get_by_test_id(prefix + name.replace("_", "-")).wait_for(state="attached")


def nudge_to(page: Any, name: str, target: tuple[float, float]) -> None:
    """Arrow keys (Shift for 10 px) until the landmark sits on the target's whole pixel."""
    node = page.get_by_test_id(f"landmark-{name}")
    node.focus()
    for axis, (minus, plus) in enumerate((("ArrowLeft", "ArrowRight"), ("ArrowUp", "ArrowDown"))):
        delta = round(target[axis]) - landmark(page, name)[axis]
        key = plus if delta > 0 else minus
        tens, ones = divmod(round(abs(delta)), 10)
        for _ in range(tens):
            page.keyboard.press(f"Shift+{key}")
        for _ in range(ones):
            page.keyboard.press(key)


def place_points(
    page: Any, joints: dict[str, tuple[float, float]], names: tuple[str, ...] = SIDE_ORDER
) -> None:
    """Tap each point in when asked, then nudge it onto the joint's exact pixel."""
    for name in names:
        tap_point(page, name, joints[name])
    for name in names:
        nudge_to(page, name.replace("_", "-"), joints[name])


def drag_with_mouse(page: Any, name: str, target: tuple[float, float]) -> None:
    center_stage(page)
    start = to_screen(page, *landmark(page, name))
    end = to_screen(page, *target)
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(*end, steps=8)
    page.mouse.up()
