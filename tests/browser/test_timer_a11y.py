"""The tempo timer's accessibility (axe-core, WCAG 2 AA) and phone layout, idle and running."""

from __future__ import annotations

import pytest

from tests.support import inject_axe

pytestmark = pytest.mark.browser

RUN_AXE = """
async () => {
  const result = await axe.run(document.querySelector('[data-tool="tempo-timer"]'), {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`);
}
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_timer_passes_axe_idle_and_running_at_phone_width(browser, site_url, scheme):
    context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(f"{site_url}tools/tempo-timer/?tempo=2-0-1-2&lead_in=3")
        page.wait_for_selector('[data-testid="start-button"]:not([disabled])', timeout=120_000)
        inject_axe(page)
        assert page.evaluate(RUN_AXE) == []
        page.get_by_test_id("start-button").click()
        page.wait_for_selector('[data-testid="phase-label"]:text("UP")', timeout=10_000)
        page.get_by_test_id("pause-button").click()  # axe sees a still page
        page.wait_for_selector('[data-state="paused"]')
        assert page.evaluate(RUN_AXE) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        for testid in ("start-button", "pause-button", "skip-button", "stop-button"):
            box = page.get_by_test_id(testid).bounding_box()
            assert box is not None and box["height"] >= 48 and box["width"] >= 48
        # The phase word is big: readable from across the room.
        height = page.get_by_test_id("phase-label").evaluate(
            "e => parseFloat(getComputedStyle(e).fontSize)"
        )
        assert height >= 56
    finally:
        context.close()
