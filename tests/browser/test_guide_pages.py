"""The guide pages in a real browser: accessibility (axe-core) in both palettes, no horizontal
overflow on a 360 px phone (with screenshots), tap targets, no Pyodide on guide pages, and a
one-page print of the gym card."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.support import GUIDE_PAGES, ROOT, inject_axe

pytestmark = pytest.mark.browser

PALETTES = ["default", "slate"]
SCREENSHOTS = ROOT / "test-results" / "screenshots"
PHONE = {"width": 360, "height": 740}


def _open(page, url: str, scheme: str) -> None:  # type: ignore[no-untyped-def]
    """Open ``url`` with Material's palette set to ``scheme`` (as the palette toggle stores it)."""
    palette = {
        "index": 1 if scheme == "default" else 2,
        "color": {"media": "", "scheme": scheme, "primary": "deep-purple", "accent": "amber"},
    }
    page.add_init_script(f"localStorage.setItem('/.__palette', {json.dumps(json.dumps(palette))});")
    page.goto(url)
    page.wait_for_load_state("networkidle")


@pytest.fixture
def phone(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("scheme", PALETTES)
@pytest.mark.parametrize("path", GUIDE_PAGES)
def test_axe_finds_no_violations(phone, site_url: str, path: str, scheme: str) -> None:
    _open(phone, site_url + path, scheme)
    assert phone.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
    inject_axe(phone)
    result = phone.evaluate("async () => await axe.run(document)")
    violations = [
        (v["id"], v["help"], [node["target"] for node in v["nodes"]][:5])
        for v in result["violations"]
    ]
    assert violations == [], "\n".join(map(str, violations))


@pytest.mark.parametrize("scheme", PALETTES)
@pytest.mark.parametrize("path", GUIDE_PAGES)
def test_no_horizontal_overflow_on_a_phone(phone, site_url: str, path: str, scheme: str) -> None:
    _open(phone, site_url + path, scheme)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = (path.strip("/") or "home") + f"-{scheme}.png"
    phone.screenshot(path=str(SCREENSHOTS / name), full_page=True)
    widths = phone.evaluate(
        "() => ({doc: document.documentElement.scrollWidth, body: document.body.scrollWidth, view: window.innerWidth})"
    )
    assert widths["doc"] <= widths["view"], widths
    assert widths["body"] <= widths["view"], widths
    # every figure scales down to the content column
    too_wide = phone.evaluate(
        "() => [...document.querySelectorAll('.md-content svg, .md-content img')]"
        ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5).map(e => e.outerHTML.slice(0, 80))"
    )
    assert too_wide == []


@pytest.mark.parametrize("path", GUIDE_PAGES)
def test_guide_pages_load_no_pyodide(phone, site_url: str, path: str) -> None:
    requests: list[str] = []
    phone.on("request", lambda request: requests.append(request.url))
    _open(phone, site_url + path, "default")
    assert requests, "the page made no requests at all"
    assert [url for url in requests if "/pyodide/" in url] == []
    assert [url for url in requests if not url.startswith(site_url)] == []


TAP_TARGETS = (
    ".md-header__button, .md-nav__link, .ht-tap, .ht-index a, .md-footer__link, .md-top,"
    " .md-copyright a"
)


@pytest.mark.parametrize("path", GUIDE_PAGES)
def test_tap_targets_are_at_least_48px(phone, site_url: str, path: str) -> None:
    """Header buttons, the drawer's links, tool buttons, link lists and footer links; links inside
    running text are exempt (WCAG 2.5.5's inline exception)."""
    _open(phone, site_url + path, "default")
    sizes = phone.evaluate(
        """selector => [...document.querySelectorAll(selector)]
        .map(e => [e.className, e.textContent.trim().slice(0, 30), e.getBoundingClientRect()])
        .filter(([, , r]) => r.width > 0 && r.height > 0)
        .map(([c, t, r]) => [c, t, Math.round(r.width * 10) / 10, Math.round(r.height * 10) / 10])""",
        TAP_TARGETS,
    )
    assert len(sizes) >= 10
    assert [s for s in sizes if s[2] < 48 or s[3] < 48] == []


def test_gym_card_fits_one_phone_screen(phone, site_url: str) -> None:
    _open(phone, site_url, "default")
    card = phone.evaluate("document.querySelector('.ht-card').getBoundingClientRect().height")
    header = phone.evaluate("document.querySelector('.md-header').getBoundingClientRect().height")
    assert card <= PHONE["height"] - header


def test_gym_card_prints_on_one_page(browser, site_url: str, tmp_path: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url)
    page.emulate_media(media="print")
    assert page.locator(".ht-card").is_visible()
    assert not page.locator("#fig-top").is_visible()
    pdf = page.pdf(format="A4")
    context.close()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1


def _luminance(rgb: str) -> float:
    channels = [int(v) / 255 for v in re.findall(r"\d+(?:\.\d+)?", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("scheme", PALETTES)
def test_figures_follow_the_palette_with_enough_contrast(phone, site_url: str, scheme: str) -> None:
    """The figure's body against its panel meets WCAG 1.4.11 (3:1 for graphics) in both palettes."""
    _open(phone, site_url + "troubleshooting/", scheme)
    colours = phone.evaluate(
        """() => {
          const panel = document.querySelector('.ht-panel');
          const style = (selector) => getComputedStyle(panel.querySelector(selector));
          return {panel: getComputedStyle(panel).backgroundColor, body: style('.ht-body').stroke,
                  mark: style('.ht-mark').stroke, ref: style('.ht-ref').stroke};
        }"""
    )
    background = _luminance(colours["panel"])
    for part in ("body", "mark", "ref"):
        light, dark = sorted((background, _luminance(colours[part])), reverse=True)
        assert (light + 0.05) / (dark + 0.05) >= 3.0, (scheme, part, colours)
