"""The guide's figures on a 390 px phone (issue 12): every figure at least 300 CSS px wide with
strokes that read at arm's length, the animated rep moving, pausing and standing still under
reduced motion, and axe-core clean with the rep paused (test_guide_pages.py runs axe-core on
every guide page, the new ones included)."""

from __future__ import annotations

import json
import time

import pytest

from tests.support import GUIDE_PAGES, inject_axe

pytestmark = pytest.mark.browser

PAGES = GUIDE_PAGES
PHONE = {"width": 390, "height": 844}
MIN_FIGURE_WIDTH = 300
MIN_LEG_STROKE_PX = 8

# Width of each visible figure and the on-screen width of its thickest body stroke.
MEASURE = """() => [...document.querySelectorAll('.md-content svg.ht-svg')]
  .filter((svg) => svg.getBoundingClientRect().width > 0)
  .map((svg) => {
    const box = svg.getBoundingClientRect();
    const leg = svg.querySelector('.ht-body.ht-leg');
    const scale = box.width / svg.viewBox.baseVal.width;
    return {
      id: svg.closest('figure')?.id,
      width: Math.round(box.width),
      leg: leg ? parseFloat(getComputedStyle(leg).strokeWidth) * scale : null,
    };
  })"""
TORSO_TRANSFORM = "getComputedStyle(document.querySelector('.ht-rep-torso')).transform"
# A CSS pause is a pending task until the next frame (Web Animations): the figure may still move
# one frame after the tap, so the test waits for every animation to have settled into "paused".
ALL_PAUSED = """() => {
  const running = document.getAnimations().filter((a) => a.animationName?.startsWith('ht-rep'));
  return running.length > 0 && running.every((a) => a.playState === 'paused' && !a.pending);
}"""


def _page(browser, *, reduced_motion: str = "no-preference", scheme: str = "light"):  # type: ignore[no-untyped-def]
    context = browser.new_context(
        viewport=PHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        reduced_motion=reduced_motion,
        color_scheme=scheme,
    )
    return context, context.new_page()


@pytest.mark.parametrize("path", PAGES)
def test_every_figure_is_at_least_300px_wide_at_390px(browser, site_url: str, path: str) -> None:
    context, page = _page(browser)
    try:
        page.goto(site_url + path)
        figures = page.evaluate(MEASURE)
    finally:
        context.close()
    if path in ("safety/", "programming/", "glossary/", "feel/"):
        assert figures == [], "text pages"
        return
    assert figures, "a guide page shows figures"
    assert [f for f in figures if f["width"] < MIN_FIGURE_WIDTH] == []
    assert [f for f in figures if f["leg"] is not None and f["leg"] < MIN_LEG_STROKE_PX] == []


def test_the_rep_moves_and_pauses(browser, site_url: str) -> None:
    context, page = _page(browser)
    try:
        page.goto(site_url + "execution/")
        assert page.locator(".ht-rep__moving").is_visible()
        assert not page.locator(".ht-rep__keys").is_visible()
        name = page.evaluate(
            "getComputedStyle(document.querySelector('.ht-rep-torso')).animationName"
        )
        assert name == "ht-rep-torso"
        first = page.evaluate(TORSO_TRANSFORM)
        time.sleep(0.6)
        assert page.evaluate(TORSO_TRANSFORM) != first, "the figure moves"
        button = page.locator(".ht-rep__button")
        box = button.bounding_box()
        assert box is not None and box["height"] >= 48 and box["width"] >= 48
        # the switch's accessible name says what a tap will do
        assert page.get_by_role("checkbox", name="Pause the moving figure").count() == 1
        button.click()
        assert page.locator("#ht-rep-pause").is_checked()
        assert page.get_by_role("checkbox", name="Play the moving figure").count() == 1
        page.wait_for_function(ALL_PAUSED, timeout=2000)
        held = page.evaluate(TORSO_TRANSFORM)
        time.sleep(0.6)
        assert page.evaluate(TORSO_TRANSFORM) == held, "paused: the figure holds still"
        # the keyboard works too: Space on the focused switch plays it again
        page.locator("#ht-rep-pause").focus()
        page.keyboard.press("Space")
        assert not page.locator("#ht-rep-pause").is_checked()
        time.sleep(0.6)
        assert page.evaluate(TORSO_TRANSFORM) != held
    finally:
        context.close()


def test_reduced_motion_shows_the_key_positions_still(browser, site_url: str) -> None:
    context, page = _page(browser, reduced_motion="reduce")
    try:
        page.goto(site_url + "execution/")
        assert not page.locator(".ht-rep__moving").is_visible()
        keys = page.locator(".ht-rep__keys svg")
        assert keys.count() == 3
        for index in range(3):
            box = keys.nth(index).bounding_box()
            assert box is not None and box["width"] >= MIN_FIGURE_WIDTH
        assert (
            page.evaluate("getComputedStyle(document.querySelector('.ht-rep-torso')).animationName")
            == "none"
        )
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_with_the_rep_paused(browser, site_url: str, scheme: str) -> None:
    path = "execution/"
    context, page = _page(browser, scheme=scheme)
    try:
        palette = {
            "index": 1 if scheme == "light" else 2,
            "color": {
                "media": "",
                "scheme": "default" if scheme == "light" else "slate",
                "primary": "deep-purple",
                "accent": "amber",
            },
        }
        page.add_init_script(
            f"localStorage.setItem('/.__palette', {json.dumps(json.dumps(palette))});"
        )
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        inject_axe(page)
        page.locator(".ht-rep__button").click()
        result = page.evaluate("async () => await axe.run(document)")
    finally:
        context.close()
    violations = [
        (v["id"], v["help"], [node["target"] for node in v["nodes"]][:5])
        for v in result["violations"]
    ]
    assert violations == [], "\n".join(map(str, violations))
