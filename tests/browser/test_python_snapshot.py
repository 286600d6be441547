"""Python's memory snapshot (docs/javascripts/python/snapshot.js): the first boot stores one, the
next visit restores it and the tools answer exactly as after a normal boot; a snapshot that is
corrupt, of another Pyodide build or of another wheel is never used, and the tool still works."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from hipthrust import __version__

pytestmark = pytest.mark.browser

TIMER = "tools/tempo-timer/"
BOOT_TIMEOUT_MS = 60_000

# The same calls after each boot: the tempo check, a whole timer plan (segments, cues, figure)
# and a side-view measurement with its SVG overlay.
CALLS = """
async (url) => {
  const { callPython } = await import(url);
  const setup = await callPython("timer_setup");
  const landmarks = { shoulder: [200, 420], hip: [520, 400], knee: [800, 440], ankle: [820, 700] };
  return {
    tempo: await callPython("check_tempo", { text: "3-1-x-2" }),
    setup,
    plan: await callPython("timer_plan", { fields: setup.presets[0].fields }),
    side: await callPython("checker_side", { landmarks, width: 1000, height: 800 }),
  };
}
"""

# How this page's Python started (client.js marks "python-boot-snapshot" or "python-boot-fresh").
BOOT_KIND = """
["snapshot", "fresh"].filter((kind) => performance.getEntriesByName(`python-boot-${kind}`).length)
"""

# The stored snapshot: [key, gzipped bytes, heap bytes], once the first boot has stored it.
STORED = """
async () => {
  for (const deadline = Date.now() + 30000; Date.now() < deadline; ) {
    const cache = await caches.open("python-snapshot");
    const keys = await cache.keys();
    // The page may drop a key between keys() and match() (a boot storing its own snapshot
    // deletes the others): read again then, as CI once did not ("reading 'blob'" of undefined).
    const response = keys.length ? await cache.match(keys[0]) : undefined;
    if (response) {
      const size = (await response.blob()).size;
      return { keys: keys.map((key) => key.url), size, bytes: Number(response.headers.get("X-Snapshot-Bytes")) };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return null;
}
"""

# Replaces the stored snapshot with a damaged one, under the same key (the headers kept).
CORRUPT = """
async (how) => {
  const cache = await caches.open("python-snapshot");
  const [key] = await cache.keys();
  const stored = await cache.match(key);
  const headers = new Headers(stored.headers);
  const gunzip = (response) => new Response(response.body.pipeThrough(new DecompressionStream("gzip")));
  const gzip = (bytes) => new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream("gzip"))).blob();
  let body;
  if (how === "not-gzip") {
    body = new Uint8Array(4096).fill(7);
  } else {
    const bytes = new Uint8Array(await gunzip(stored).arrayBuffer());
    if (how === "other-build") bytes[16] ^= 0xff; // Pyodide's BUILD_ID sits in bytes 16..47
    if (how === "zeroed-heap") bytes.fill(0, 1 << 20); // header intact, Python's memory gone
    if (how === "truncated") headers.set("X-Snapshot-Bytes", String(bytes.byteLength + 1));
    body = await gzip(bytes);
  }
  await cache.put(key, new Response(body, { headers }));
}
"""

# Moves the stored snapshot to the key another wheel (another build of the tools) would have.
OTHER_WHEEL = """
async () => {
  const cache = await caches.open("python-snapshot");
  const [key] = await cache.keys();
  const other = key.url.replace(/[0-9a-f]{64}/, "0".repeat(64));
  await cache.put(other, await cache.match(key));
  await cache.delete(key);
  return other;
}
"""

LOCK_SHA = """
async () => (await (await fetch("../../pyodide/pyodide-lock.json")).json()).packages.hipthrust.sha256
"""


def _boot(page: Any, site_url: str, *, reload: bool = False) -> list[str]:
    if reload:
        page.reload()
    else:
        page.goto(site_url + TIMER)
    page.wait_for_selector(
        "[data-tool][data-python='ready']", state="attached", timeout=BOOT_TIMEOUT_MS
    )
    assert f"tools {__version__}" in page.get_by_test_id("python-ready").inner_text()
    kind: list[str] = page.evaluate(BOOT_KIND)
    return kind


def _answers(page: Any, site_url: str) -> dict[str, Any]:
    answers: dict[str, Any] = page.evaluate(CALLS, site_url + "javascripts/python/client.js")
    return answers


def _stored(page: Any) -> dict[str, Any]:
    stored: dict[str, Any] | None = page.evaluate(STORED)
    assert stored is not None, "the first boot stored no snapshot"
    return stored


def test_second_visit_restores_the_snapshot_and_answers_the_same(context, site_url: str) -> None:
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    assert _boot(page, site_url) == ["fresh"]
    fresh = _answers(page, site_url)
    assert fresh["tempo"] == {"ok": True, "tempo": "3-1-X-2"}
    assert fresh["plan"]["ok"] is True and fresh["side"]["ok"] is True

    stored = _stored(page)
    sha = page.evaluate(LOCK_SHA)
    assert len(stored["keys"]) == 1 and sha in stored["keys"][0], (stored, sha)
    assert 1e6 < stored["size"] < stored["bytes"], stored  # gzipped, and it pays

    assert _boot(page, site_url, reload=True) == ["snapshot"]
    assert any("restored from its memory snapshot" in line for line in console), console
    assert _answers(page, site_url) == fresh
    # The tool itself works on the restored Python: the preset's plan enables Start.
    expect(page.get_by_test_id("start-button")).to_be_enabled(timeout=10_000)


def test_a_bad_snapshot_falls_back_to_a_normal_boot(context, site_url: str) -> None:
    """Four ways a stored snapshot goes bad, one after another in one profile (each fallback
    stores a good copy, which the next way spoils): every time the boot falls back to a normal
    one that answers the same, says so in the console, and the next boot restores again."""
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    assert _boot(page, site_url) == ["fresh"]
    fresh = _answers(page, site_url)
    for how in ("not-gzip", "truncated", "other-build", "zeroed-heap"):
        _stored(page)
        page.evaluate(CORRUPT, how)
        console.clear()

        assert _boot(page, site_url, reload=True) == ["fresh"], how
        assert _answers(page, site_url) == fresh, how
        assert not page.get_by_test_id("python-error").is_visible(), how
        # Visible in the console, and the bad copy was replaced by a good one from this boot.
        assert any("restore failed, booting normally" in line for line in console), (how, console)
        _stored(page)
        assert _boot(page, site_url, reload=True) == ["snapshot"], how
        assert _answers(page, site_url) == fresh, how


def test_a_snapshot_of_another_wheel_is_not_restored(context, site_url: str) -> None:
    page = context.new_page()
    assert _boot(page, site_url) == ["fresh"]
    _stored(page)
    other = page.evaluate(OTHER_WHEEL)

    assert _boot(page, site_url, reload=True) == ["fresh"]
    # This boot stored its own snapshot and dropped the other wheel's.
    for _ in range(100):
        keys = _stored(page)["keys"]
        if other not in keys:
            break
        page.wait_for_timeout(100)
    assert len(keys) == 1 and other not in keys, keys
    assert page.evaluate(LOCK_SHA) in keys[0]
