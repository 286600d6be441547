"""Installable: Chromium finds the manifest, its icons and the service worker it needs.

``Page.getInstallabilityErrors`` (Chrome DevTools Protocol) runs the same checks as the browser's
"Install app" menu item: a parsable manifest with a name, start URL, standalone display, a 144 px+
icon that loads, and a service worker that controls the page.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support import CHROMIUM_ARGS, chromium_path

pytestmark = pytest.mark.browser


@pytest.fixture
def profile_context(browser: Any, tmp_path: Path) -> Iterator[Any]:
    """A browser with a real profile: Chromium never offers to install from an incognito one."""
    context = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=chromium_path(), args=CHROMIUM_ARGS
    )
    yield context
    context.close()


@pytest.mark.parametrize("path", ["", "tools/tempo-timer/", "tools/angle-checker/"])
def test_chromium_reports_no_installability_errors(
    profile_context: Any, site_url: str, path: str
) -> None:
    context = profile_context
    page = context.pages[0] if context.pages else context.new_page()
    page.goto(site_url + path)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    if not page.evaluate("!!navigator.serviceWorker.controller"):
        page.reload()  # the first visit's worker controls the page from the next load
    cdp = context.new_cdp_session(page)
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert errors == []
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["url"] == site_url + "manifest.webmanifest"
    assert manifest["errors"] == []
    assert json.loads(manifest["data"])["display"] == "standalone"


def test_the_manifest_icons_and_shortcuts_load(browser: Any, site_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    manifest = page.request.get(site_url + "manifest.webmanifest").json()
    purposes = {icon["purpose"] for icon in manifest["icons"]}
    assert purposes == {"any", "maskable"}
    for icon in manifest["icons"]:
        response = page.request.get(site_url + icon["src"])
        assert response.ok and response.headers["content-type"] == "image/png", icon["src"]
    titles = []
    for shortcut in manifest["shortcuts"]:
        page.goto(site_url + shortcut["url"])
        titles.append(page.locator("h1").first.inner_text().rstrip("¶"))
    assert titles == ["Tempo timer", "Angle checker"]
    context.close()
