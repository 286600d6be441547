"""Find my joints on real photos (issue 9 §2-3), through the page as a user drives it: the model
is fetched from the site on the first tap, places the near side's points, always asks to check
the hip, says when the photo is not a usable top-position side view or shows nobody, and runs by
itself on each new photo once it is on the phone, offline too.

Photos: tests/data/photos/ (yuhonas/free-exercise-db, The Unlicense; see its README), joints
marked by eye in labels.json (±10-15 px, ±30 px for hidden hips).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.checker_page import (
    TIMEOUT_MS,
    choose,
    drag_with_mouse,
    landmark,
    open_checker,
    wait_ready,
)
from tests.checker_photos import empty_room

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHOTOS = Path(__file__).resolve().parents[1] / "data" / "photos"
LABELS = {k: v for k, v in json.loads((PHOTOS / "labels.json").read_text()).items() if k != "_note"}
NAMES = {"S": "shoulder", "H": "hip", "K": "knee", "A": "ankle"}
# How far a detected point may sit from the joint marked by eye: the label's own ±15 px plus the
# model's error on these photos (tests/bench/pose_accuracy.py); a hip hidden by a plate or a ball
# is marked ±30 px and is the point the page asks the user to check.
TOLERANCE_PX = 50.0  # worst seen: 49 px, the knee on 03 (a plate and a bar across the thigh)
HIDDEN_HIP_TOLERANCE_PX = 65.0
DETECT_TIMEOUT_MS = 120_000


@pytest.fixture(scope="module")
def detect_page(browser: Any, site_url: str) -> Iterator[Any]:
    """One phone-sized page for the whole module: the model downloads once, like on a phone."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    open_checker(page, site_url)
    yield page
    context.close()


def detect(page: Any, name: str, *, tap: bool = True) -> str:
    choose(page, name, (PHOTOS / name).read_bytes(), "image/jpeg")
    wait_ready(page)
    if tap:
        page.get_by_test_id("auto-detect").click()
    page.wait_for_selector(
        "[data-testid='checker-auto-status']:is([data-state='done'], [data-state='none'], [data-state='failed'])",
        timeout=DETECT_TIMEOUT_MS,
    )
    return page.get_by_test_id("checker-auto-status").get_attribute("data-state")


@pytest.mark.parametrize("name", sorted(LABELS))
def test_the_detector_places_the_near_side_on_the_joints(detect_page: Any, name: str) -> None:
    page = detect_page
    assert detect(page, name) == "done", page.get_by_test_id("checker-auto-status").inner_text()
    label = LABELS[name]
    hidden_hip = "H" in label.get("uncertain", "")
    for key, point in NAMES.items():
        node = page.get_by_test_id(f"landmark-{point}")
        assert node.get_attribute("data-source") == "auto"
        x, y = landmark(page, point)
        error = math.hypot(x - label[key][0], y - label[key][1])
        limit = HIDDEN_HIP_TOLERANCE_PX if key == "H" and hidden_hip else TOLERANCE_PX
        assert error <= limit, f"{point} is {error:.0f} px from the label"
    # the hip always asks to be checked; the metrics show at once
    assert page.get_by_test_id("landmark-hip").get_attribute("data-check") == "true"
    assert page.get_by_test_id("metric-hip-line").count() == 1
    assert page.get_by_test_id("metric-shin").count() == 1


def test_confirming_keeps_auto_and_moving_makes_it_the_users(detect_page: Any) -> None:
    page = detect_page
    assert detect(page, "04_br_fedb.jpg") == "done"
    page.get_by_test_id("confirm-hip").click()
    hip = page.get_by_test_id("landmark-hip")
    assert hip.get_attribute("data-check") is None
    assert hip.get_attribute("data-source") == "auto"
    x, y = landmark(page, "knee")
    drag_with_mouse(page, "knee", (x + 15, y))
    knee = page.get_by_test_id("landmark-knee")
    assert knee.get_attribute("data-source") == "user"
    assert page.get_by_test_id("landmark-ankle").get_attribute("data-source") == "auto"


@pytest.mark.parametrize("name", ["02_ht_fedb.jpg", "05_br_fedb.jpg"])
def test_a_photo_at_the_bottom_of_the_rep_gets_a_view_warning(detect_page: Any, name: str) -> None:
    page = detect_page
    detect(page, name)
    warning = page.get_by_test_id("checker-view-warning")
    warning.wait_for(state="visible", timeout=TIMEOUT_MS)
    assert "top" in warning.inner_text().lower()


def test_a_photo_with_nobody_says_so_and_places_nothing(detect_page: Any) -> None:
    page = detect_page
    choose(page, "room.png", empty_room(), "image/png")
    wait_ready(page)
    page.get_by_test_id("auto-detect").click()
    page.wait_for_selector(
        "[data-testid='checker-auto-status']:is([data-state='done'], [data-state='none'])",
        timeout=DETECT_TIMEOUT_MS,
    )
    status = page.get_by_test_id("checker-auto-status")
    assert status.get_attribute("data-state") == "none"
    assert "no person" in status.inner_text().lower()
    # issue 18: the view warning names the reason too
    warning = page.get_by_test_id("checker-view-warning")
    warning.wait_for(state="visible", timeout=TIMEOUT_MS)
    assert warning.get_attribute("data-reason") == "none"
    assert page.locator("[data-testid^='landmark-']").count() == 0
    assert page.locator("[data-testid^='metric-']").count() == 0


def test_on_a_b_stance_the_detected_knee_and_ankle_ask_to_be_checked(detect_page: Any) -> None:
    # Both feet down, one forward on its heel: the working leg is the flat back foot's, which the
    # camera's angle can hide (the feet of this two-foot photo read 0.3 of a shin apart), so on
    # the B-stance step the detector's knee and ankle ask to be checked; other steps do not.
    page = detect_page
    assert detect(page, "04_br_fedb.jpg") == "done"
    step = page.get_by_test_id("checker-step")
    knee, ankle = page.get_by_test_id("landmark-knee"), page.get_by_test_id("landmark-ankle")
    placed = landmark(page, "knee"), landmark(page, "ankle")
    assert knee.get_attribute("data-check") is None
    try:
        step.select_option("b-stance")
        page.wait_for_selector("[data-testid='landmark-knee'][data-check='true']")
        assert ankle.get_attribute("data-check") == "true"
        assert "B-stance" in page.get_by_test_id("checker-checks").inner_text()
        assert (landmark(page, "knee"), landmark(page, "ankle")) == placed
        assert knee.get_attribute("data-source") == "auto"
    finally:
        step.select_option("single-leg-hip-thrust")
    page.wait_for_selector("[data-testid='landmark-knee']:not([data-check])")
    assert ankle.get_attribute("data-check") is None


# True once the detector's cache holds every file the service worker lists for it.
DETECTOR_STORED = """async () => {
  const source = await (await fetch(navigator.serviceWorker.controller.scriptURL)).text();
  const listed = source.match(/const DETECTOR_FILES = \\[([^\\]]*)\\]/)[1].split(',').filter((f) => f.trim());
  const name = (await caches.keys()).find((key) => key.startsWith('detector-'));
  return name !== undefined && listed.length > 0
    && (await (await caches.open(name)).keys()).length === listed.length;
}"""


def test_once_on_the_phone_it_runs_by_itself_offline(browser: Any, site_url: str) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        open_checker(page, site_url)
        page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=TIMEOUT_MS)
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        assert detect(page, "09_br_fedb.jpg") == "done"
        assert [url for url in requests if not url.startswith((site_url, "blob:", "data:"))] == []
        # the service worker stores the model after the first load (sw.js keepDetectorFiles)
        page.wait_for_function(DETECTOR_STORED, timeout=TIMEOUT_MS)
        context.set_offline(True)
        page.reload()
        page.wait_for_selector(".hipthrust-tool[data-python='ready']", timeout=TIMEOUT_MS)
        assert detect(page, "07_br_fedb.jpg", tap=False) == "done"  # by itself, no tap
        assert page.get_by_test_id("landmark-knee").get_attribute("data-source") == "auto"
        # and turning the setting off stops it
        page.get_by_test_id("auto-detect-setting").uncheck()
        choose(page, "04_br_fedb.jpg", (PHOTOS / "04_br_fedb.jpg").read_bytes(), "image/jpeg")
        wait_ready(page)
        page.wait_for_timeout(1500)
        assert page.get_by_test_id("checker-auto-status").get_attribute("data-state") == "idle"
        assert page.locator("[data-testid^='landmark-']").count() == 0
    finally:
        context.close()
