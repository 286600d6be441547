"""Phone viewport: the home page and a tool page fit a 390 px wide touch screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import PHONE

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"


@pytest.mark.parametrize(("name", "path"), [("home", ""), ("tempo-timer", "tools/tempo-timer/")])
def test_page_fits_a_phone_without_horizontal_scrolling(
    browser, site_url: str, name: str, path: str
) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(site_url + path)
    if path.startswith("tools/"):
        page.wait_for_selector("[data-tool][data-python='ready']", state="attached", timeout=60_000)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px"
    wide = page.evaluate(
        """() => [...document.querySelectorAll('.md-content *')]
            .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
            .map((el) => el.tagName + '.' + el.className)"""
    )
    assert wide == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    image = page.screenshot(path=str(SCREENSHOTS / f"phone-{name}.png"), full_page=True)
    assert len(image) > 10_000  # a rendered page, not a blank one
    context.close()
