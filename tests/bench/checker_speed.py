"""Angle checker speed, on the built site in headless Chromium.

Prints: time from choosing a 12 MP JPEG to the photo shown, ready for the first tap (the page's
``checker-photo-ready`` measure: decode + display copy + Python's first answer + one frame), and
the time per live update while dragging a tapped-in point (``checker-update``: one round trip
into the Python worker and the redraw), as medians, without and with a 4x CPU slowdown (CDP
``Emulation.setCPUThrottlingRate`` on the page and on the Python worker).

Run: ``.venv/bin/python -m tests.bench.checker_speed``
"""

from __future__ import annotations

import json
import statistics
import tempfile
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from hipthrust.pose import Pose
from tests.checker_page import tap_point
from tests.checker_photos import Photo, encode, render
from tests.support import CHROMIUM_ARGS, build_site, chromium_path, serve

PHOTO_RUNS = 5
DRAG_STEPS = 120


def throttle(browser: Any, page: Any, rate: float) -> list[str]:
    """Slow the page and every worker by ``rate``; returns which targets were throttled."""
    page_session = page.context.new_cdp_session(page)
    page_session.send("Emulation.setCPUThrottlingRate", {"rate": rate})
    done = ["page"]
    # Dedicated workers are separate CDP targets: attach to each and throttle it too.
    browser_session = browser.new_browser_cdp_session()
    for target in browser_session.send("Target.getTargets")["targetInfos"]:
        if target["type"] != "worker":
            continue
        attached = browser_session.send(
            "Target.attachToTarget", {"targetId": target["targetId"], "flatten": False}
        )
        message = {"id": 1, "method": "Emulation.setCPUThrottlingRate", "params": {"rate": rate}}
        browser_session.send(
            "Target.sendMessageToTarget",
            {"sessionId": attached["sessionId"], "message": json.dumps(message)},
        )
        done.append(f"worker {target.get('title') or target['url']}")
    return done


def photo_ready_ms(page: Any, data: bytes, run: int) -> float:
    page.evaluate("performance.clearMeasures('checker-photo-ready')")
    page.evaluate("document.querySelector('.hipthrust-tool').dataset.photo = 'none'")
    page.get_by_test_id("photo-input").set_input_files(
        {"name": f"photo-{run}.jpg", "mimeType": "image/jpeg", "buffer": data}
    )
    page.wait_for_selector(".hipthrust-tool[data-photo='ready']", timeout=120_000)
    return float(page.evaluate("performance.getEntriesByName('checker-photo-ready')[0].duration"))


def drag_update_ms(page: Any, photo: Photo) -> list[float]:
    for name in ("shoulder", "hip", "knee", "ankle"):
        tap_point(page, name, photo.joints[name])
    page.wait_for_timeout(500)
    page.evaluate("performance.clearMeasures('checker-update')")
    page.evaluate("document.querySelector('.checker-stage').scrollIntoView({block: 'center'})")
    box = page.get_by_test_id("landmark-knee").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    for step in range(DRAG_STEPS):
        offset = 40 * ((step % 40) / 20 - 1)  # back and forth, 2 px per event
        page.mouse.move(x + offset, y + offset / 3)
        page.wait_for_timeout(8)  # about one event per frame, like a finger
    page.mouse.up()
    page.wait_for_timeout(500)
    return list(
        page.evaluate("performance.getEntriesByName('checker-update').map(e => e.duration)")
    )


def camera_like_jpeg(width: int, height: int) -> tuple[bytes, Photo]:
    """A synthetic photo with sensor-like noise, so the JPEG is as big and as slow to decode as a
    phone's (a flat synthetic image compresses to a tenth of that and decodes much faster)."""
    from PIL import Image

    photo = render(Pose(shin=6.0, hip_line=-4.0), width=width, height=height)
    noise = Image.effect_noise((width, height), 40).convert("RGB")
    return encode(Image.blend(photo.image, noise, 0.2), "JPEG", quality=92), photo


def main(argv: list[str] | None = None) -> None:
    """``argv`` is accepted for tests.bench.all (make bench); there are no options."""
    data, photo = camera_like_jpeg(4000, 3000)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        site = build_site(Path(tmp) / "site")
        with serve(site) as url:
            browser = playwright.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_ARGS
            )
            print(f"12 MP JPEG: 4000x3000, {len(data) / 1e6:.1f} MB; Chromium {browser.version}")
            for rate in (1, 4):
                context = browser.new_context(
                    viewport={"width": 412, "height": 915}, device_scale_factor=2
                )
                page = context.new_page()
                page.goto(f"{url}tools/angle-checker/")
                page.wait_for_selector(".hipthrust-tool[data-python='ready']", timeout=120_000)
                targets = throttle(browser, page, rate) if rate != 1 else ["none"]
                ready = [photo_ready_ms(page, data, run) for run in range(PHOTO_RUNS)]
                updates = drag_update_ms(page, photo)
                label = (
                    "no slowdown" if rate == 1 else f"{rate}x CPU slowdown ({', '.join(targets)})"
                )
                print(f"\n{label}")
                print(
                    f"  photo chosen -> shown, ready to tap: median {statistics.median(ready):.0f} ms "
                    f"(runs: {', '.join(f'{v:.0f}' for v in ready)})"
                )
                print(
                    f"  live update while dragging: median {statistics.median(updates):.1f} ms, "
                    f"p90 {statistics.quantiles(updates, n=10)[-1]:.1f} ms, {len(updates)} updates "
                    f"for {DRAG_STEPS} pointer moves"
                )
                context.close()
            # And the largest phone photos (48 MP), once, without slowdown.
            big, _ = camera_like_jpeg(8000, 6000)
            context = browser.new_context(
                viewport={"width": 412, "height": 915}, device_scale_factor=2
            )
            page = context.new_page()
            page.goto(f"{url}tools/angle-checker/")
            page.wait_for_selector(".hipthrust-tool[data-python='ready']", timeout=120_000)
            runs = [photo_ready_ms(page, big, run) for run in range(3)]
            print(
                f"\n48 MP JPEG (8000x6000, {len(big) / 1e6:.1f} MB), no slowdown: photo chosen -> ready "
                f"median {statistics.median(runs):.0f} ms (runs: {', '.join(f'{v:.0f}' for v in runs)})"
            )
            context.close()
            browser.close()


if __name__ == "__main__":
    main()
