"""The Programming page prints the progression rule from hipthrust.programming (issues 17, 20):
every outcome the training log can give, in words, and each row's numbers."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from hipthrust.programming import PROGRESSION_RULE, ROWS, Row, RuleLine, thresholds
from tests.content.guide_text import COACHING_PAGES, read_page


@pytest.fixture(scope="module")
def section(built_site: Path) -> str:
    """The text of "When to move up", up to the next heading of its level."""
    source = (built_site / COACHING_PAGES["programming"]).read_text(encoding="utf-8")
    start = source.index('id="when-to-move-up"')
    end = source.index("<h2", start)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", source[start:end])))


def test_the_section_keeps_its_anchor(built_site: Path) -> None:
    assert "when-to-move-up" in read_page(built_site, COACHING_PAGES["programming"]).ids


@pytest.mark.parametrize("rule", PROGRESSION_RULE, ids=lambda rule: rule.key)
def test_each_outcome_is_printed_with_its_words(section: str, rule: RuleLine) -> None:
    assert f"{rule.title}. When: {rule.when} Then: {rule.do}" in section


def test_the_outcomes_come_in_the_order_they_are_checked(section: str) -> None:
    places = [section.index(f"{rule.title}. When:") for rule in PROGRESSION_RULE]
    assert places == sorted(places)


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.key)
def test_each_rows_numbers_are_printed(section: str, row: Row) -> None:
    t = thresholds(row)
    up = "Add load" if t.loaded else "Next step"
    assert f"{row.goal} ({row.reps[0]}\N{EN DASH}{row.reps[1]} reps," in section
    assert f"Add a rep: every set {t.reserve}+ in reserve, under {t.top} reps." in section
    assert f"{up}: {t.top} reps on every set, each {t.reserve}+." in section
    assert f"Repeat: a set with {t.reserve - 1} in reserve." in section
    assert f"Ease off: pain, or a set under {t.bottom} reps" in section
