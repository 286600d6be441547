"""Nothing jumps, everything fits a phone (issue 11 §3), at 390x844 like an iPhone 12-15.

CLS is summed from every ``layout-shift`` entry (PerformanceObserver with ``buffered: true``, so
shifts before the observer started count too) from the first paint through load, Python's boot and,
on the angle checker, choosing a photo. The sum is stricter than Chromium's CLS (which keeps only
the worst 5 s window). The fold checks read element boxes at the top of the freshly loaded page.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from hipthrust.pose import Pose
from tests.checker_page import TIMEOUT_MS, choose, wait_ready
from tests.checker_photos import encode, render
from tests.support import ALL_PAGES, PHONE

pytestmark = pytest.mark.browser

CLS_LIMIT = 0.01
PAGES = ALL_PAGES
# Runs before the page's own scripts: every shift, with the elements that moved.
RECORD_SHIFTS = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    window.__shifts.push({
      value: entry.value,
      at: Math.round(entry.startTime),
      nodes: entry.sources.map((s) => s.node ? (s.node.nodeName + '.' + (s.node.className?.baseVal ?? s.node.className ?? '')) : '?'),
    });
  }
}).observe({ type: 'layout-shift', buffered: true });
"""


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(**PHONE)
    context.add_init_script(RECORD_SHIFTS)
    page = context.new_page()
    yield page
    context.close()


def _shifts(page: Any) -> list[dict[str, Any]]:
    page.wait_for_timeout(600)  # let the last frame's entries arrive
    return list(page.evaluate("window.__shifts"))


def _cls(shifts: list[dict[str, Any]]) -> float:
    return round(sum(s["value"] for s in shifts), 4)


@pytest.mark.parametrize("path", PAGES)
def test_no_page_jumps_while_it_loads(phone: Any, site_url: str, path: str) -> None:
    phone.goto(site_url + path, wait_until="load")
    if path.startswith("tools/"):
        phone.wait_for_selector("[data-tool][data-python='ready']", timeout=TIMEOUT_MS)
    shifts = _shifts(phone)
    print(f"CLS {path or 'home'}: {_cls(shifts)}")
    assert _cls(shifts) <= CLS_LIMIT, shifts


def test_the_checker_does_not_jump_when_a_photo_is_chosen(phone: Any, site_url: str) -> None:
    phone.goto(site_url + "tools/angle-checker/", wait_until="load")
    phone.wait_for_selector("[data-tool][data-python='ready']", timeout=TIMEOUT_MS)
    photo = render(Pose(), width=1600, height=1000, facing="left")
    choose(phone, "side.png", encode(photo.image), "image/png")
    wait_ready(phone)
    shifts = _shifts(phone)
    print(f"CLS angle checker with a photo: {_cls(shifts)}")
    assert _cls(shifts) <= CLS_LIMIT, shifts


def _box(page: Any, selector: str) -> dict[str, float]:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return dict(box)


def test_the_timer_ring_and_start_button_fit_the_first_screen(phone: Any, site_url: str) -> None:
    phone.goto(site_url + "tools/tempo-timer/")
    phone.wait_for_selector("[data-tool][data-python='ready']", timeout=TIMEOUT_MS)
    # Start is enabled once Python has checked the plan, a moment after "ready".
    phone.wait_for_selector("[data-testid='start-button']:not([disabled])", timeout=TIMEOUT_MS)
    header = _box(phone, ".md-header")
    for selector in (".timer-dial", "[data-testid='start-button']"):
        box = _box(phone, selector)
        print(f"{selector}: top {box['y']:.0f}, bottom {box['y'] + box['height']:.0f} of 844")
        assert box["y"] >= header["y"] + header["height"], selector
        assert box["y"] + box["height"] <= PHONE["viewport"]["height"], selector  # type: ignore[index]
    assert phone.get_by_test_id("start-button").is_enabled()


def test_the_checker_photo_button_fits_the_first_screen(phone: Any, site_url: str) -> None:
    phone.goto(site_url + "tools/angle-checker/")
    phone.wait_for_selector("[data-tool][data-python='ready']", timeout=TIMEOUT_MS)
    box = _box(phone, ".checker-choose")
    print(f"photo button: bottom {box['y'] + box['height']:.0f} of 844")
    assert box["y"] + box["height"] <= PHONE["viewport"]["height"]  # type: ignore[index]


def _back_to_top_after_scrolling_up(page: Any) -> dict[str, float] | None:
    """Scroll well down, then a little up: what makes Material show its back-to-top button."""
    for _ in range(8):
        page.mouse.wheel(0, 400)
        page.wait_for_timeout(80)
    page.mouse.wheel(0, -300)
    page.wait_for_timeout(600)
    button = page.locator(".md-top")
    return dict(button.bounding_box() or {}) if button.is_visible() else None


def test_back_to_top_never_covers_a_tool_control(phone: Any, site_url: str) -> None:
    phone.goto(site_url + "setup/")
    assert _back_to_top_after_scrolling_up(phone) is not None  # the scroll does show it
    for path in ("tools/tempo-timer/", "tools/angle-checker/"):
        phone.goto(site_url + path)
        phone.wait_for_selector("[data-tool][data-python='ready']", timeout=TIMEOUT_MS)
        top = _back_to_top_after_scrolling_up(phone)
        if top is None:
            continue
        covered = phone.evaluate(
            """(top) => [...document.querySelectorAll('[data-tool] :is(button, input, select, label, [tabindex])')]
                .map((el) => el.getBoundingClientRect())
                .filter((r) => r.width && r.left < top.x + top.width && r.right > top.x
                            && r.top < top.y + top.height && r.bottom > top.y).length""",
            top,
        )
        assert covered == 0, path
