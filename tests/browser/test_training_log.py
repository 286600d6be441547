"""The Log page (issue 20): what it shows comes from the entries on the phone and from Python's
rule; copies go out and come back whole; a bad copy changes nothing; deleting asks first.

Entries are put on the phone through the page's own store (``javascripts/log/store.js``), as the
timer's prompt does; the expected advice is Python's ``log_advice`` on CPython for the same
entries, so the test checks the page against the rule, not against numbers copied here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from hipthrust.log_format import check_entry
from hipthrust.presets import PRESETS
from hipthrust.web_log import log_advice

pytestmark = pytest.mark.browser

BOOT_TIMEOUT_MS = 120_000
READY = "[data-tool='training-log'][data-state='ready']"


def entry(
    number: int, leg: str, set_: int, reps: int, rir: int, day: str, load: float | None = None
) -> dict[str, Any]:
    return {
        "id": f"t{number}",
        "date": f"{day}T18:00:00",
        "step": "single-leg-hip-thrust",
        "leg": leg,
        "set": set_,
        "reps": reps,
        "rir": rir,
        "load": load,
        "unit": "kg",
        "plan": {"tempo": "3-0-1-1", "reps": 10, "preset": PRESETS[0].key},
    }


# Two sessions; the left leg lags (fewer reps, less in reserve) in the latest.
LOG = [
    entry(1, "right", 1, 10, 2, "2026-11-24"),
    entry(2, "left", 1, 10, 2, "2026-11-24"),
    entry(3, "right", 1, 12, 2, "2026-12-01"),
    entry(4, "right", 2, 12, 1, "2026-12-01"),
    entry(5, "left", 1, 9, 1, "2026-12-01"),
    entry(6, "left", 2, 8, 0, "2026-12-01"),
]


def open_log(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}tools/log/")
    page.wait_for_selector(READY, timeout=BOOT_TIMEOUT_MS)


def seed(page: Any, site_url: str, entries: list[dict[str, Any]]) -> None:
    """Store entries through the page's own store module, checked as the timer checks them
    (``log_check_entry``), then show the page afresh."""
    open_log(page, site_url)
    page.evaluate(
        "async (entries) => (await import('../../javascripts/log/store.js')).addEntries(entries)",
        [check_entry(e) for e in entries],
    )
    open_log(page, site_url)


def stored(page: Any) -> list[dict[str, Any]]:
    return list(
        page.evaluate("async () => (await import('../../javascripts/log/store.js')).allEntries()")
    )


def test_the_page_lists_every_set_and_gives_the_rules_advice_per_leg(
    page: Any, site_url: str
) -> None:
    seed(page, site_url, LOG)
    shown = page.get_by_test_id("log-entry")
    assert shown.count() == len(LOG)
    by_id = {item.get_attribute("data-id"): item for item in shown.all()}
    for expected in LOG:
        item = by_id[expected["id"]]
        assert item.get_attribute("data-date") == expected["date"][:10]
        assert item.get_attribute("data-step") == expected["step"]
        assert item.get_attribute("data-leg") == expected["leg"]
        assert item.get_attribute("data-reps") == str(expected["reps"])
        assert item.get_attribute("data-rir") == str(expected["rir"])
        assert item.get_attribute("data-load") == ""
    rule = log_advice(LOG)
    advice = {a.get_attribute("data-leg"): a for a in page.get_by_test_id("log-advice").all()}
    assert set(advice) == {"left", "right"}
    for expected in rule["advice"]:
        shown_advice = advice[expected["leg"]]
        assert shown_advice.get_attribute("data-action") == expected["action"]
        text = shown_advice.inner_text()
        assert expected["rule"]["when"] in text and expected["next_words"] in text
        assert (
            shown_advice.get_by_role("link", name="When to move up")
            .get_attribute("href")
            .endswith("/programming/#when-to-move-up")
        )
    # The left leg lags: the page says so and the timer's plan starts with it.
    assert rule["balance"] and rule["balance"]["lagging"] == "left"
    balance = page.get_by_test_id("log-balance")
    assert balance.get_attribute("data-leg") == "left"
    assert rule["balance"]["words"] in balance.inner_text()
    plan = page.get_by_test_id("log-timer-plan")
    plan.click()
    page.wait_for_url("**/tools/tempo-timer/**")
    page.wait_for_selector('[data-testid="start-button"]:not([disabled])', timeout=BOOT_TIMEOUT_MS)
    assert page.get_by_test_id("first-select").input_value() == "left"
    assert page.get_by_test_id("reps-input").input_value() == str(rule["timer"]["fields"]["reps"])


def test_export_then_import_into_a_fresh_profile_gives_the_same_log(
    browser: Any, page: Any, site_url: str, tmp_path: Path
) -> None:
    seed(page, site_url, LOG)
    with page.expect_download() as json_download:
        page.locator('[data-testid="log-export"][data-format="json"]').click()
    copy = tmp_path / json_download.value.suggested_filename
    json_download.value.save_as(copy)
    assert copy.name.startswith("hipthrust-log-") and copy.suffix == ".json"
    with page.expect_download() as csv_download:
        page.locator('[data-testid="log-export"][data-format="csv"]').click()
    csv_text = Path(csv_download.value.path()).read_text(encoding="utf-8")
    assert len(csv_text.strip().splitlines()) == len(LOG) + 1  # a header and one row a set
    before = sorted(stored(page), key=lambda e: e["id"])

    fresh = browser.new_context()
    try:
        other = fresh.new_page()
        open_log(other, site_url)
        assert other.get_by_test_id("log-entry").count() == 0
        other.get_by_test_id("log-import").set_input_files(str(copy))
        other.wait_for_selector(f"{READY}[data-entries='{len(LOG)}']")
        assert sorted(stored(other), key=lambda e: e["id"]) == before
        assert other.get_by_test_id("log-entry").count() == len(LOG)
    finally:
        fresh.close()


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"{ not json", "not valid JSON"),
        (json.dumps({"songs": [1, 2]}).encode(), "not a training log"),
        (
            json.dumps(
                {"format": "hipthrust-log", "version": 1, "entries": [{"id": "x"}]}
            ).encode(),
            "Set 1 in the file",
        ),
        # Over Python's limit (8 MB, log_setup): refused before it is read, with its size.
        (b" " * 8_400_000, "the file is too big (8.4 MB; a training log is at most 8.0 MB)"),
    ],
)
def test_a_broken_or_foreign_file_is_refused_and_the_log_is_untouched(
    page: Any, site_url: str, content: bytes, says: str
) -> None:
    seed(page, site_url, LOG[:2])
    before = stored(page)
    page.get_by_test_id("log-import").set_input_files(
        files=[{"name": "copy.json", "mimeType": "application/json", "buffer": content}]
    )
    message = page.get_by_test_id("log-message")
    message.filter(has_text="Not loaded").wait_for()
    assert says in message.inner_text() and "unchanged" in message.inner_text()
    assert message.get_attribute("data-kind") == "error"
    assert stored(page) == before
    assert page.get_by_test_id("log-entry").count() == 2


def test_deleting_asks_first_and_removes_one_set_or_all(page: Any, site_url: str) -> None:
    seed(page, site_url, LOG[:3])
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.locator('[data-testid="log-entry"][data-id="t1"] [data-testid="log-delete"]').click()
    assert len(stored(page)) == 3  # dismissed: nothing deleted
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator('[data-testid="log-entry"][data-id="t1"] [data-testid="log-delete"]').click()
    page.wait_for_selector(f"{READY}[data-entries='2']")
    assert sorted(e["id"] for e in stored(page)) == ["t2", "t3"]
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_test_id("log-delete-all").click()
    page.wait_for_selector(f"{READY}[data-entries='0']")
    assert stored(page) == []
    assert page.get_by_test_id("log-advice").count() == 0
    assert page.get_by_test_id("log-delete-all").is_disabled()


def test_without_indexeddb_the_page_says_so(browser: Any, site_url: str) -> None:
    context = browser.new_context()
    # What a browser that refuses storage looks like to the page (e.g. some private modes).
    context.add_init_script("Object.defineProperty(window, 'indexedDB', { value: undefined });")
    try:
        page = context.new_page()
        open_log(page, site_url)
        message = page.get_by_test_id("log-message")
        assert "will not keep the log" in message.inner_text()
        assert page.get_by_test_id("log-import").is_disabled()
    finally:
        context.close()
