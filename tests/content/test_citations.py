"""Citations a reader can open: every footnote on every built page links to its source.

A footnote counts as linked when it holds an ``https://`` link other than Material's back-link,
and that link is the one ``hipthrust.sources`` gives for the footnote's key (so a page can't
cite a key with no known address, and no page writes its own copy of a source).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from hipthrust.sources import SOURCES, SOURCES_BY_KEY, footnotes


class Footnotes(HTMLParser):
    """Footnote id -> the external links inside it; plus the footnote references in the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.notes: dict[str, list[str]] = {}
        self.refs: list[str] = []
        self._current: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        note_id = attributes.get("id") or ""
        if tag == "li" and note_id.startswith("fn:"):
            self._current = note_id.removeprefix("fn:")
            self.notes[self._current] = []
        href = attributes.get("href") or ""
        if tag == "a" and self._current is not None and href.startswith("https://"):
            self.notes[self._current].append(href)
        if tag == "a" and href.startswith("#fn:"):
            self.refs.append(href.removeprefix("#fn:"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "li":
            self._current = None


def _pages(site: Path) -> list[Path]:
    return sorted(
        path
        for path in site.rglob("index.html")
        if path.relative_to(site).parts[0] not in ("pyodide", "assets", "search")
    )


def _parse(path: Path) -> Footnotes:
    parsed = Footnotes()
    parsed.feed(path.read_text(encoding="utf-8"))
    return parsed


def test_every_footnote_links_to_its_source(built_site: Path) -> None:
    unlinked, wrong = [], []
    total = 0
    for path in _pages(built_site):
        for key, links in _parse(path).notes.items():
            total += 1
            page = str(path.relative_to(built_site))
            if not links:
                unlinked.append((page, key))
            elif key not in SOURCES_BY_KEY or SOURCES_BY_KEY[key].url not in links:
                wrong.append((page, key, links))
    assert unlinked == []
    assert wrong == []
    assert total >= 15, "the FAQ alone cites more than a dozen sources"


def test_every_reference_has_its_footnote(built_site: Path) -> None:
    for path in _pages(built_site):
        parsed = _parse(path)
        assert set(parsed.refs) <= set(parsed.notes), path


@pytest.mark.parametrize("source", SOURCES, ids=lambda source: source.key)
def test_sources_have_openable_addresses(source) -> None:  # type: ignore[no-untyped-def]
    assert re.fullmatch(r"https://[a-z0-9.-]+\.[a-z]+/\S+", source.url)
    assert source.text.strip() and "http" not in source.text


def test_footnotes_fail_on_an_unknown_key() -> None:
    assert footnotes("ace").startswith("[^ace]: ")
    with pytest.raises(KeyError):
        footnotes("no-such-source")
