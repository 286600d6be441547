"""The angle checker in headless Chromium on the built site: photos in, points tapped in, then
dragged with the mouse, the keyboard and touch; metrics read from the stable test hooks
(tests/checker_page.py)."""

from __future__ import annotations

import math
from typing import Any

import pytest

from hipthrust.pose import Pose
from tests.checker_page import (
    TIMEOUT_MS,
    center_stage,
    choose,
    drag_with_mouse,
    landmark,
    metric,
    nudge_to,
    open_checker,
    place_points,
    settled,
    tap_point,
    to_screen,
    wait_ready,
)
from tests.checker_photos import encode, exif_rotated_jpeg, render

pytestmark = pytest.mark.browser


def test_drag_each_landmark_with_the_mouse_and_read_the_metrics(page: Any, site_url: str) -> None:
    pose = Pose(shin=8.0, hip_line=-7.0)
    photo = render(pose, width=1600, height=1000, facing="left")
    open_checker(page, site_url)
    choose(page, "side.png", encode(photo.image), "image/png")
    wait_ready(page)
    for name in ("shoulder", "hip", "knee", "ankle"):  # a rough first tap, 40 px off
        x, y = photo.joints[name]
        tap_point(page, name, (x + 40, y - 40))
    for name in ("shoulder", "hip", "knee", "ankle"):
        target = photo.joints[name]
        drag_with_mouse(page, name, target)
        x, y = landmark(page, name)
        assert math.hypot(x - target[0], y - target[1]) < 4.0, name  # within a screen pixel or two
    for name in ("shoulder", "hip", "knee", "ankle"):
        nudge_to(page, name, photo.joints[name])
    settled(page)
    shin, shin_verdict = metric(page, "shin")
    hip, hip_verdict = metric(page, "hip-line")
    assert shin == pytest.approx(8.0, abs=0.5)
    assert hip == pytest.approx(-7.0, abs=0.5)
    assert (shin_verdict, hip_verdict) == ("close", "close")
    assert "left" in page.get_by_test_id("checker-facing").inner_text()
    link = page.get_by_test_id("metric-shin").locator("a")
    assert link.get_attribute("href").endswith("/troubleshooting/#foot-too-close")
    assert page.get_by_test_id("landmark-knee").get_attribute("data-source") == "user"
    # undo takes back the last nudge; start again clears every point and every number
    names = ("shoulder", "hip", "knee", "ankle")
    placed = {name: landmark(page, name) for name in names}
    page.get_by_role("button", name="Undo").click()
    after_undo = {name: landmark(page, name) for name in names}
    assert sum(placed[n] != after_undo[n] for n in names) == 1  # one step, one point
    page.get_by_role("button", name="Start again").click()
    settled(page)
    assert page.locator("[data-testid^='landmark-']").count() == 0
    assert page.locator("[data-testid^='metric-']").count() == 0
    assert page.get_by_test_id("checker-place-prompt").get_attribute("data-point") == "shoulder"
    page.get_by_role("button", name="Undo").click()  # and undo brings them back
    settled(page)
    assert {name: landmark(page, name) for name in names} == after_undo
    assert page.get_by_test_id("metric-shin").count() == 1


def test_drag_with_touch_shows_the_magnifier(browser: Any, site_url: str) -> None:
    context = browser.new_context(
        has_touch=True, is_mobile=True, viewport={"width": 390, "height": 844}
    )
    try:
        page = context.new_page()
        photo = render(Pose(shin=-12.0), width=1600, height=1000)
        open_checker(page, site_url)
        choose(page, "touch.png", encode(photo.image), "image/png")
        wait_ready(page)
        cdp = context.new_cdp_session(page)

        def touch(kind: str, x: float = 0, y: float = 0) -> None:
            points = [{"x": x, "y": y}] if kind != "touchEnd" else []
            cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

        for name in ("shoulder", "hip", "knee", "ankle"):
            center_stage(page)
            target = photo.joints[name]
            end = to_screen(page, *target)
            start = (end[0] - 20, end[1] + 15)  # the finger lands beside the joint, then slides on
            touch("touchStart", *start)
            for step in range(1, 7):
                f = step / 6
                touch(
                    "touchMove",
                    start[0] + f * (end[0] - start[0]),
                    start[1] + f * (end[1] - start[1]),
                )
            assert page.locator(".checker-magnifier").is_visible()
            touch("touchEnd")
            assert page.locator(".checker-magnifier").is_hidden()
            x, y = landmark(page, name)
            assert math.hypot(x - target[0], y - target[1]) < 8.0, name
        # then drag one with the finger: the magnifier follows it
        center_stage(page)
        knee = to_screen(page, *landmark(page, "knee"))
        touch("touchStart", *knee)
        touch("touchMove", knee[0] + 10, knee[1])
        assert page.locator(".checker-magnifier").is_visible()
        touch("touchMove", *to_screen(page, *photo.joints["knee"]))
        touch("touchEnd")
        assert page.locator(".checker-magnifier").is_hidden()
        settled(page)
        shin, verdict = metric(page, "shin")
        assert shin == pytest.approx(-12.0, abs=1.5)  # a finger is coarse: 1 CSS px = 4 photo px
        assert verdict == "fix"
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    finally:
        context.close()


def test_a_48_megapixel_photo_keeps_its_own_pixel_coordinates(page: Any, site_url: str) -> None:
    photo = render(Pose(shin=5.0), width=8000, height=6000)
    data = encode(photo.image, "JPEG", quality=80)
    open_checker(page, site_url)
    choose(page, "big.jpg", data, "image/jpeg")
    wait_ready(page)
    stage = page.locator(".checker-stage")
    assert (stage.get_attribute("data-width"), stage.get_attribute("data-height")) == (
        "8000",
        "6000",
    )
    assert page.evaluate("document.querySelector('.checker-photo').width") <= 2048
    place_points(page, photo.joints)
    x, y = landmark(page, "ankle")
    assert 4000 < x < 8000 and 3000 < y < 6000  # placed in photo pixels, not screen pixels
    settled(page)
    assert metric(page, "shin")[0] == pytest.approx(5.0, abs=0.5)


def test_an_exif_rotated_photo_is_shown_upright(page: Any, site_url: str) -> None:
    photo = render(Pose(shin=9.0, hip_line=6.0), width=1500, height=1000)
    open_checker(page, site_url)
    choose(page, "rotated.jpg", exif_rotated_jpeg(photo.image), "image/jpeg")
    wait_ready(page)
    stage = page.locator(".checker-stage")
    assert (stage.get_attribute("data-width"), stage.get_attribute("data-height")) == (
        "1500",
        "1000",
    )
    place_points(page, photo.joints)
    settled(page)
    assert metric(page, "shin")[0] == pytest.approx(9.0, abs=0.5)
    assert metric(page, "hip-line")[0] == pytest.approx(6.0, abs=0.5)


BAD_PHOTOS = [
    ("notes.jpg", b"These are my notes, not a photo.\n" * 20, "image/jpeg", "not a photo"),
    ("empty.jpg", b"", "image/jpeg", "empty"),
    ("broken.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 600, "image/jpeg", "damaged"),
    (
        "IMG_0001.HEIC",
        b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 200,
        "image/heic",
        "JPEG",
    ),
]


def test_bad_files_get_a_clear_message(page: Any, site_url: str) -> None:
    """Each bad file in turn in one page gets its message; a good photo after each clears it."""
    open_checker(page, site_url)
    error = page.get_by_test_id("checker-error")
    good = encode(render(Pose(), width=800, height=500).image)
    for name, data, mime, says in BAD_PHOTOS:
        choose(page, name, data, mime)
        error.wait_for(state="visible", timeout=TIMEOUT_MS)
        assert says in error.inner_text(), name
        # a good photo afterwards clears the message
        choose(page, "good.png", good, "image/png")
        wait_ready(page)
        assert error.is_hidden(), name


def test_no_network_request_after_the_photo_is_chosen(page: Any, site_url: str) -> None:
    open_checker(page, site_url)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    photo = render(Pose(shin=4.0), width=1600, height=1000)
    choose(page, "private.png", encode(photo.image), "image/png")
    wait_ready(page)
    place_points(page, photo.joints)
    drag_with_mouse(page, "knee", photo.joints["knee"])
    page.get_by_test_id("landmark-ankle").focus()
    page.keyboard.press("ArrowLeft")
    settled(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Save PNG").click()
    assert download.value.suggested_filename == "private-angles.png"
    network = [url for url in requests if url.startswith(("http:", "https:"))]
    assert network == []


def test_saved_png_has_the_photo_size_and_the_overlay(
    page: Any, site_url: str, tmp_path: Any
) -> None:
    from PIL import Image

    photo = render(Pose(shin=15.0), width=1200, height=800)
    open_checker(page, site_url)
    choose(page, "saved.png", encode(photo.image), "image/png")
    wait_ready(page)
    place_points(page, photo.joints)
    settled(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Save PNG").click()
    path = tmp_path / "out.png"
    download.value.save_as(path)
    saved = Image.open(path).convert("RGB")
    assert saved.size == (1200, 800)
    original = photo.image.convert("RGB")
    changed = sum(1 for a, b in zip(saved.tobytes(), original.tobytes(), strict=True) if a != b)
    assert changed > 1000  # lines and numbers drawn on top


def test_landmarks_are_named_focusable_controls_and_results_are_text(
    page: Any, site_url: str
) -> None:
    open_checker(page, site_url)
    photo = render(Pose(hip_line=14.0))
    choose(page, "a11y.png", encode(photo.image), "image/png")
    wait_ready(page)
    # keyboard only: focus the photo, Enter places the asked-for point in the middle, arrows move it
    for name in ("shoulder", "hip", "knee", "ankle"):
        page.get_by_test_id("checker-stage").focus()
        page.keyboard.press("Enter")
        assert page.get_by_test_id(f"landmark-{name}").evaluate("n => n === document.activeElement")
        nudge_to(page, name, photo.joints[name])
    for name in ("shoulder", "hip", "knee", "ankle"):
        node = page.get_by_test_id(f"landmark-{name}")
        assert node.get_attribute("tabindex") == "0"
        assert name.capitalize() in node.get_attribute("aria-label")
    page.get_by_test_id("landmark-hip").focus()
    page.keyboard.press("Shift+ArrowUp")
    settled(page)
    text = page.get_by_test_id("metric-hip-line").inner_text()
    assert (
        "Hip line" in text and "°" in text and ("Fix" in text or "Close" in text or "Good" in text)
    )


def test_front_view_measures_hips_level_and_knee_valgus(page: Any, site_url: str) -> None:
    open_checker(page, site_url)
    choose(page, "front.png", encode(render(Pose(), width=1000, height=1000).image), "image/png")
    wait_ready(page)
    page.get_by_label("Front: hips level, knee in line").check()
    hip, ankle = (500.0, 300.0), (500.0, 800.0)
    knee = (560.0, 550.0)  # 60 px towards the photo's right: inward for a right leg
    other_hip = (650.0, 330.0)  # the free side, 30 px lower over 150 px: dropped
    for name, at in (("hip", hip), ("knee", knee), ("ankle", ankle)):
        tap_point(page, name, at, view="front")
    settled(page)
    assert page.get_by_test_id("metric-pelvis").count() == 0  # needs the other hip first
    assert page.get_by_test_id("checker-place-prompt").get_attribute("data-point") == "other_hip"
    tap_point(page, "other_hip", other_hip, view="front")
    for name, at in (("hip", hip), ("knee", knee), ("ankle", ankle), ("other-hip", other_hip)):
        nudge_to(page, f"front-{name}", at)
    settled(page)
    value, verdict = metric(page, "valgus")
    # issue 17 §2: the front knee check is the shin's tilt from vertical (knee 60 px in, 250 up)
    assert value == pytest.approx(math.degrees(math.atan2(60, 250)), abs=0.5)
    assert verdict == "fix"
    pelvis, pelvis_verdict = metric(page, "pelvis")
    assert pelvis == pytest.approx(math.degrees(math.atan2(30, 150)), abs=0.5)
    assert pelvis_verdict == "fix"
    link = page.get_by_test_id("metric-pelvis").locator("a")
    assert link.get_attribute("href").endswith("/troubleshooting/#hips-dropping")
    page.get_by_label("Left").check()
    settled(page)
    assert metric(page, "valgus")[0] == pytest.approx(-value, abs=0.1)


def test_checker_has_no_serious_accessibility_violations(page: Any, site_url: str) -> None:
    from tests.support import inject_axe

    open_checker(page, site_url)
    photo = render(Pose(shin=12.0))
    choose(page, "axe.png", encode(photo.image), "image/png")
    wait_ready(page)
    place_points(page, photo.joints)
    settled(page)
    inject_axe(page)
    result = page.evaluate("axe.run(document.querySelector('.hipthrust-tool'))")
    serious = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])})"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def test_marking_the_floor_levels_a_tilted_photo(page: Any, site_url: str) -> None:
    photo = render(Pose(shin=0.0), width=1600, height=1000, tilt_deg=7.0)
    open_checker(page, site_url)
    choose(page, "tilted.png", encode(photo.image), "image/png")
    wait_ready(page)
    place_points(page, photo.joints)
    settled(page)
    tilted, _ = metric(page, "shin")
    assert abs(tilted) == pytest.approx(7.0, abs=0.5)  # the phone's tilt reads as a tilted shin
    page.get_by_label("Level from the floor").check()
    tap_point(page, "floor_a", photo.floor[0])
    tap_point(page, "floor_b", photo.floor[1])
    nudge_to(page, "floor-a", photo.floor[0])
    nudge_to(page, "floor-b", photo.floor[1])
    settled(page)
    assert metric(page, "shin")[0] == pytest.approx(0.0, abs=0.5)


def test_the_guide_states_the_thresholds_the_tool_uses(built_site: Any) -> None:
    import html
    import re

    from hipthrust.checker import THRESHOLDS

    page = (built_site / "tools/angle-checker/index.html").read_text()
    rows = {
        html.unescape(re.sub(r"<[^>]+>", "", cells[0])): [
            html.unescape(re.sub(r"<[^>]+>", "", c)) for c in cells
        ]
        for cells in (
            re.findall(r"<td>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", page, re.S)
        )
        if cells
    }
    for band in THRESHOLDS.values():
        row = rows[band.label]
        assert row[2] == f"up to {band.good:g}°" and row[3] == f"up to {band.close:g}°", band.label
        for fault in (band.above, band.below):
            if fault is not None:
                assert fault.title in row[5]
    assert "<svg" in page and "How to take the photo" in page


def test_instant_navigation_away_and_back_starts_a_fresh_checker(page: Any, site_url: str) -> None:
    open_checker(page, site_url)
    choose(page, "first.png", encode(render(Pose(shin=10.0)).image), "image/png")
    wait_ready(page)
    page.locator(".md-nav__link", has_text="Tempo timer").first.click()
    page.wait_for_url("**/tools/tempo-timer/")
    assert page.locator(".checker").count() == 0  # unmounted: nothing left behind
    page.go_back()
    page.wait_for_url("**/tools/angle-checker/")
    page.wait_for_selector(".hipthrust-tool[data-python='ready']", timeout=TIMEOUT_MS)
    assert page.locator(".checker").count() == 1
    photo = render(Pose(hip_line=12.0))
    choose(page, "second.png", encode(photo.image), "image/png")
    wait_ready(page)
    place_points(page, photo.joints)
    settled(page)
    assert page.get_by_test_id("metric-shin").count() == 1


@pytest.mark.parametrize(("width", "height"), [(1000, 1500), (1600, 900)])
def test_photo_and_landmark_layer_keep_the_same_shape(
    page: Any, site_url: str, width: int, height: int
) -> None:
    """Canvas (the photo) and SVG (the points) must cover the same box, or points drift off the joints."""
    page.set_viewport_size({"width": 1280, "height": 720})
    open_checker(page, site_url)
    choose(page, "shape.png", encode(render(Pose(), width=width, height=height).image), "image/png")
    wait_ready(page)
    canvas = page.locator(".checker-photo").bounding_box()
    svg = page.locator(".checker-svg").bounding_box()
    assert canvas == svg
    assert canvas["width"] / canvas["height"] == pytest.approx(width / height, rel=0.01)
    assert canvas["height"] <= 0.8 * 720 + 1
    corner = to_screen(page, width, height)
    assert corner[0] == pytest.approx(svg["x"] + svg["width"], abs=1)
    assert corner[1] == pytest.approx(svg["y"] + svg["height"], abs=1)


def test_without_create_image_bitmap_for_files_the_img_fallback_still_orients(
    page: Any, site_url: str
) -> None:
    """Older Safari: no createImageBitmap(file, options). The <img> path must give the same result."""
    page.add_init_script(
        """(() => {
          const original = self.createImageBitmap;
          self.createImageBitmap = (source, ...rest) =>
            source instanceof Blob ? Promise.reject(new TypeError("unsupported")) : original(source, ...rest);
        })();"""
    )
    photo = render(Pose(shin=-9.0), width=1500, height=1000)
    open_checker(page, site_url)
    choose(page, "rotated.jpg", exif_rotated_jpeg(photo.image), "image/jpeg")
    wait_ready(page)
    stage = page.locator(".checker-stage")
    assert (stage.get_attribute("data-width"), stage.get_attribute("data-height")) == (
        "1500",
        "1000",
    )
    place_points(page, photo.joints)
    settled(page)
    assert metric(page, "shin")[0] == pytest.approx(-9.0, abs=0.5)


def test_dropping_a_photo_on_the_tool_opens_it(page: Any, site_url: str) -> None:
    import base64

    open_checker(page, site_url)
    data = base64.b64encode(encode(render(Pose(), width=900, height=600).image)).decode()
    page.evaluate(
        """(data) => {
          const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
          const transfer = new DataTransfer();
          transfer.items.add(new File([bytes], "dropped.png", { type: "image/png" }));
          const root = document.querySelector(".hipthrust-tool");
          root.dispatchEvent(new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }));
          root.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
        }""",
        data,
    )
    wait_ready(page)
    assert page.locator(".checker-stage").get_attribute("data-width") == "900"
