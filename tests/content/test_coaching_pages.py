"""The pages a coach and a physio asked for (issue 12): in the navigation, covering what they
must cover, and linking from the home page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.content.guide_text import COACHING_PAGES, GUIDE_PAGES, read_page

# (page, phrases the page must hold: each topic the issue lists)
TOPICS: list[tuple[str, tuple[str, ...]]] = [
    (
        "safety",
        (
            r"sharp or stabbing pain",
            r"builds rep after rep",
            r"pinch at the front of the hip",
            r"lower back",
            r"knee",
            r"padding",
            r"warm-up",
            r"pregnancy",
            r"lying flat on your back",
            r"pelvic floor",
            r"after surgery or an injury",
            r"ask a physio or doctor when",
        ),
    ),
]


@pytest.mark.parametrize("page", list(COACHING_PAGES))
def test_new_pages_are_in_the_navigation_of_every_guide_page(built_site: Path, page: str) -> None:
    url = COACHING_PAGES[page].removesuffix("index.html")
    for other in (*GUIDE_PAGES.values(), *COACHING_PAGES.values()):
        depth = other.count("/")
        prefix = "../" * depth if depth else ""
        links = read_page(built_site, other).links
        assert f"{prefix}{url}" in links or (other == COACHING_PAGES[page] and "./" in links), (
            other,
            url,
        )


@pytest.mark.parametrize(("page", "phrases"), TOPICS, ids=[page for page, _ in TOPICS])
def test_page_covers_its_topics(built_site: Path, page: str, phrases: tuple[str, ...]) -> None:
    text = read_page(built_site, COACHING_PAGES[page]).text
    missing = [p for p in phrases if not re.search(p, text, re.IGNORECASE)]
    assert missing == []


def test_home_links_every_new_page(built_site: Path) -> None:
    links = read_page(built_site, GUIDE_PAGES["home"]).links
    for path in COACHING_PAGES.values():
        assert path.removesuffix("index.html") in links, path
