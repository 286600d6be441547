"""The checker never judges what nobody placed (issue 9 §1): a new photo has no points and no
numbers; each metric appears only once the points it needs are tapped in; a new photo clears
everything at once; every point says who placed it."""

from __future__ import annotations

from typing import Any

import pytest

from hipthrust.pose import Pose
from tests.checker_page import (
    choose,
    metric,
    nudge_to,
    open_checker,
    place_points,
    prompt_point,
    settled,
    tap_point,
    wait_ready,
)
from tests.checker_photos import empty_room, encode, render

pytestmark = pytest.mark.browser


def visible_results(page: Any) -> dict[str, int]:
    return {
        "landmarks": page.locator("[data-testid^='landmark-']").count(),
        "metrics": page.locator("[data-testid^='metric-']").count(),
        "drawn": page.locator(
            ".checker-overlay-layer :is(line, path, circle, text, polyline, polygon)"
        ).count(),
    }


def test_a_photo_of_an_empty_room_shows_no_number_until_four_taps(page: Any, site_url: str) -> None:
    open_checker(page, site_url)
    choose(page, "room.png", empty_room(), "image/png")
    wait_ready(page)
    settled(page)
    assert visible_results(page) == {"landmarks": 0, "metrics": 0, "drawn": 0}
    assert page.get_by_test_id("checker-auto-status").get_attribute("data-state") == "idle"
    assert prompt_point(page) == "shoulder"
    assert "shoulder" in page.get_by_test_id("checker-place-prompt").inner_text().lower()
    assert "✓" not in page.locator(".checker").inner_text()

    # the taps of a lifter with a 10° shin and a 6° hip line, one at a time
    photo = render(Pose(shin=10.0, hip_line=6.0))
    tap_point(page, "shoulder", photo.joints["shoulder"])
    tap_point(page, "hip", photo.joints["hip"])
    settled(page)
    assert page.locator("[data-testid^='metric-']").count() == 0
    assert prompt_point(page) == "knee"
    tap_point(page, "knee", photo.joints["knee"])
    settled(page)
    # three points: the hip line, not the shin, which says what it still needs
    assert page.get_by_test_id("metric-hip-line").count() == 1
    assert page.get_by_test_id("metric-shin").count() == 0
    assert "ankle" in page.get_by_test_id("waiting-shin").inner_text().lower()
    tap_point(page, "ankle", photo.joints["ankle"])
    settled(page)
    assert prompt_point(page) is None
    shin, _ = metric(page, "shin")
    hip_line, _ = metric(page, "hip-line")
    # taps land within a screen pixel (about 1.5 photo px here) of the joints
    assert shin == pytest.approx(10.0, abs=1.5)
    assert hip_line == pytest.approx(6.0, abs=1.5)
    for name in ("shoulder", "hip", "knee", "ankle"):
        node = page.get_by_test_id(f"landmark-{name}")
        assert node.get_attribute("data-source") == "user"
        assert node.get_attribute("data-check") is None


def test_a_new_photo_clears_every_point_and_number_at_once(page: Any, site_url: str) -> None:
    open_checker(page, site_url)
    first = render(Pose(shin=12.0))
    choose(page, "first.png", encode(first.image), "image/png")
    wait_ready(page)
    place_points(page, first.joints)
    settled(page)
    assert visible_results(page)["metrics"] >= 3
    # a large second photo takes a while to decode: nothing of the first may show meanwhile
    page.evaluate(
        """() => {
          window.__seen = [];
          const root = document.querySelector('.hipthrust-tool');
          new MutationObserver(() => {
            if (root.dataset.photo === 'loading') window.__seen.push({
              landmarks: document.querySelectorAll("[data-testid^='landmark-']").length,
              metrics: document.querySelectorAll("[data-testid^='metric-']").length,
              status: document.querySelector("[data-testid='checker-auto-status']").dataset.state,
            });
          }).observe(root, { attributes: true, subtree: true, childList: true });
        }"""
    )
    second = render(Pose(), width=6000, height=4000)
    choose(page, "second.jpg", encode(second.image, "JPEG", quality=90), "image/jpeg")
    wait_ready(page)
    seen = page.evaluate("window.__seen")
    assert seen, "the page never showed a loading state"
    assert all(s == {"landmarks": 0, "metrics": 0, "status": "idle"} for s in seen), seen
    assert visible_results(page) == {"landmarks": 0, "metrics": 0, "drawn": 0}
    assert prompt_point(page) == "shoulder"


def test_points_on_top_of_each_other_get_a_message_not_a_number(page: Any, site_url: str) -> None:
    open_checker(page, site_url)
    choose(page, "room.png", empty_room(), "image/png")
    wait_ready(page)
    for index, name in enumerate(("shoulder", "hip", "knee", "ankle")):
        tap_point(page, name, (500.0 + 150 * index, 500.0))
    for name in ("shoulder", "hip", "knee", "ankle"):  # then all moved onto one spot
        nudge_to(page, name, (800.0, 500.0))
    settled(page)
    assert page.locator("[data-testid^='metric-']").count() == 0
    message = page.get_by_test_id("checker-message")
    assert message.is_visible() and len(message.inner_text()) > 20


def test_a_standing_person_gets_a_view_warning(page: Any, site_url: str) -> None:
    """Four points one above the other: a standing person, not a hip thrust seen side-on."""
    open_checker(page, site_url)
    choose(page, "room.png", empty_room(1000, 1600), "image/png")
    wait_ready(page)
    warning = page.get_by_test_id("checker-view-warning")
    assert warning.is_hidden()
    standing = {
        "shoulder": (500.0, 400.0),
        "hip": (540.0, 800.0),
        "knee": (600.0, 1100.0),
        "ankle": (560.0, 1450.0),
    }
    for name, at in standing.items():
        tap_point(page, name, at)
    settled(page)
    assert warning.is_visible()
    assert "side" in warning.inner_text().lower()
