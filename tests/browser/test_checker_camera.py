"""The self-timer camera (issue 9 §4) in Chromium with a fake camera: a real photo moved up and
down frame by frame (tests/fake_camera.py). With the pose model on the phone the burst keeps the
frame with the highest hips; without it the user picks from thumbnails; without a camera the page
says so and the file picker still works.

Photo: tests/data/photos/04_br_fedb.jpg (glute bridge, yuhonas/free-exercise-db, The Unlicense).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hipthrust.pose import Pose
from tests.checker_page import TIMEOUT_MS, choose, open_checker, wait_ready
from tests.checker_photos import encode, render
from tests.fake_camera import AMPLITUDE, write_y4m
from tests.support import CHROMIUM_ARGS, chromium_path

pytestmark = pytest.mark.browser

PHOTOS = Path(__file__).resolve().parents[1] / "data" / "photos"
PHOTO = "04_br_fedb.jpg"


@pytest.fixture(scope="module")
def camera_browser(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    video = tmp_path_factory.mktemp("camera") / "bridge.y4m"
    write_y4m(PHOTOS / PHOTO, video)
    fake = browser.browser_type.launch(
        executable_path=chromium_path(),
        args=[
            *CHROMIUM_ARGS,
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
            f"--use-file-for-fake-video-capture={video}",
        ],
    )
    yield fake
    fake.close()


def start_self_timer(page: Any) -> None:
    page.get_by_test_id("camera-open").click()
    page.get_by_test_id("camera-panel").wait_for(state="visible", timeout=TIMEOUT_MS)
    page.get_by_test_id("camera-delay").select_option("3")
    page.get_by_test_id("camera-start").click()
    page.get_by_test_id("camera-countdown").wait_for(state="visible")


def test_without_the_model_the_user_picks_a_frame(camera_browser: Any, site_url: str) -> None:
    context = camera_browser.new_context()
    try:
        page = context.new_page()
        open_checker(page, site_url)
        start_self_timer(page)
        frames = page.locator("[data-testid^='camera-frame-']")
        frames.first.wait_for(timeout=TIMEOUT_MS)
        assert 12 <= frames.count() <= 17  # about 2 s at 8 fps
        frames.nth(3).click()
        wait_ready(page)
        assert page.get_by_test_id("camera-panel").is_hidden()
        assert page.locator(".checker-stage").get_attribute("data-height") == "566"
        assert page.locator("[data-testid^='landmark-']").count() == 0  # nobody placed anything yet
    finally:
        context.close()


@pytest.mark.slow
def test_with_the_model_the_burst_keeps_the_frame_with_the_highest_hips(
    camera_browser: Any, site_url: str
) -> None:
    labels = json.loads((PHOTOS / "labels.json").read_text())[PHOTO]
    context = camera_browser.new_context()
    try:
        page = context.new_page()
        open_checker(page, site_url)
        # get the model onto the phone first, as a user would with any photo
        choose(page, "first.png", encode(render(Pose()).image), "image/png")
        wait_ready(page)
        page.get_by_test_id("auto-detect").click()
        page.wait_for_selector(
            "[data-testid='checker-auto-status'][data-state='done'], [data-testid='checker-auto-status'][data-state='none']",
            timeout=120_000,
        )
        start_self_timer(page)
        page.wait_for_selector(
            ".hipthrust-tool[data-photo='ready'] .checker-stage[data-height='566']", timeout=120_000
        )
        panel = page.get_by_test_id("camera-panel")
        hip_y = [y for y in json.loads(panel.get_attribute("data-hip-y")) if y is not None]
        best = int(panel.get_attribute("data-best"))
        assert len(hip_y) >= 10
        assert max(hip_y) - min(hip_y) > AMPLITUDE / 2  # the frames really differ
        # the kept frame has the highest hip of the burst, about AMPLITUDE above the still photo
        assert json.loads(panel.get_attribute("data-hip-y"))[best] == min(hip_y)
        assert min(hip_y) == pytest.approx(labels["H"][1] - AMPLITUDE, abs=30)
        # and the checker opened it and found the joints on it by itself
        page.wait_for_selector(
            "[data-testid='checker-auto-status'][data-state='done']", timeout=TIMEOUT_MS
        )
        hip = page.get_by_test_id("landmark-hip")
        assert float(hip.get_attribute("data-y")) == pytest.approx(min(hip_y), abs=10)
    finally:
        context.close()


def test_without_a_camera_the_page_says_so_and_the_picker_still_works(
    page: Any, site_url: str
) -> None:
    page.add_init_script(
        """Object.defineProperty(navigator, 'mediaDevices', { value: {
             getUserMedia: () => Promise.reject(new DOMException('no camera', 'NotFoundError')) } });"""
    )
    open_checker(page, site_url)
    page.get_by_test_id("camera-open").click()
    error = page.get_by_test_id("checker-error")
    error.wait_for(state="visible")
    assert "camera" in error.inner_text().lower()
    assert page.get_by_test_id("camera-panel").is_hidden()
    choose(page, "photo.png", encode(render(Pose()).image), "image/png")
    wait_ready(page)
    assert error.is_hidden()
