"""Plain words on every guide page: reading grade at most 8, and under 1 % of the prose repeating
the source article word for word (8-word sequences)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.content.guide_text import ALL_GUIDE_PAGES, read_prose
from tests.content.plain_words import (
    SHINGLES_FILE,
    article_hashes,
    grade,
    overlap,
    shingle_hashes,
    syllables,
)

MAX_GRADE = 8.0
MAX_OVERLAP = 0.01


@pytest.fixture(scope="module")
def prose(built_site: Path) -> dict[str, list[str]]:
    return {name: read_prose(built_site, path) for name, path in ALL_GUIDE_PAGES.items()}


@pytest.mark.parametrize("page", list(ALL_GUIDE_PAGES))
def test_reading_grade_is_at_most_8(prose: dict[str, list[str]], page: str) -> None:
    measured = grade(prose[page])
    print(f"\n{page}: grade {measured:.1f}")
    assert measured <= MAX_GRADE


@pytest.mark.parametrize("page", list(ALL_GUIDE_PAGES))
def test_page_repeats_under_1_percent_of_the_article(
    prose: dict[str, list[str]], page: str
) -> None:
    share = overlap(" ".join(prose[page]), article_hashes())
    print(f"\n{page}: 8-gram overlap {share:.2%}")
    assert share < MAX_OVERLAP


def test_whole_guide_repeats_under_1_percent_of_the_article(prose: dict[str, list[str]]) -> None:
    text = " ".join(" ".join(blocks) for blocks in prose.values())
    share = overlap(text, article_hashes())
    print(f"\nwhole guide: 8-gram overlap {share:.2%}")
    assert share < MAX_OVERLAP


def test_prose_leaves_out_footnotes_and_keeps_the_text(prose: dict[str, list[str]]) -> None:
    faq = " ".join(prose["faq"])
    assert "J Appl Biomech" not in faq and "pubmed" not in faq
    assert "Contreras et al., 2015" in faq


# --- the measures themselves -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("cat", 1),
        ("glute", 1),
        ("make", 1),
        ("table", 2),
        ("single", 2),
        ("tension", 2),
        ("hamstrings", 2),
        ("ceiling", 2),
        ("extension", 3),
        ("abductors", 3),
    ],
)
def test_syllables(word: str, count: int) -> None:
    assert syllables(word) == count


def test_grade_follows_the_flesch_kincaid_formula() -> None:
    # 6 words, 1 sentence, 6 syllables: 0.39 * 6 + 11.8 * 1 - 15.59
    assert grade(["The cat sat on the mat."]) == pytest.approx(-1.45)
    # one item per block: two blocks, two sentences
    assert grade(["The cat sat.", "The dog ran."]) == pytest.approx(0.39 * 3 + 11.8 - 15.59)
    hard = "Electromyographic amplitude characterises neuromuscular activation comprehensively."
    assert grade([hard]) > MAX_GRADE
    with pytest.raises(ValueError, match="no prose"):
        grade(["", "123"])


def test_overlap_counts_shared_8_word_sequences() -> None:
    text = "one two three four five six seven eight nine ten"
    assert len(shingle_hashes(text)) == 3
    assert overlap(text, shingle_hashes(text)) == 1.0
    assert overlap(text, shingle_hashes("one two three four five six seven eight")) == 1 / 3
    assert overlap("too short", shingle_hashes(text)) == 0.0


def test_the_article_hashes_are_all_there() -> None:
    header = SHINGLES_FILE.read_text(encoding="utf-8").splitlines()[0]
    count = int(header.split()[1])
    assert len(article_hashes()) == count > 500
