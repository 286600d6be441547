"""Read the built guide pages: the article's visible text and its links, ids and images."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

GUIDE_PAGES = {
    "home": "index.html",
    "setup": "setup/index.html",
    "execution": "execution/index.html",
    "troubleshooting": "troubleshooting/index.html",
    "scaling": "scaling/index.html",
    "faq": "faq/index.html",
}
# Pages added beyond the article (issue 12): sourced coaching content, no article facts of their own.
COACHING_PAGES = {
    "safety": "safety/index.html",
    "programming": "programming/index.html",
    "feel": "feel/index.html",
    "glossary": "glossary/index.html",
}
ALL_GUIDE_PAGES = {**GUIDE_PAGES, **COACHING_PAGES}


class Page(HTMLParser):
    """Collects the text of the page's <article>, every id, link and image, and SVG titles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.images: list[dict[str, str | None]] = []
        self.svgs: list[dict[str, str | None]] = []
        self.svg_titles: list[str] = []
        self._article = 0
        self._in_title = False
        self._hidden = 0
        self._chunks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"] or "")
        if tag == "article":
            self._article += 1
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"] or "")
        if tag == "img":
            self.images.append(attributes)
        if tag == "svg" and self._article:
            self.svgs.append(attributes)
        if tag == "title" and self.svgs:
            self._in_title = True
            self.svg_titles.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._article -= 1
        if tag == "title":
            self._in_title = False
        if tag in ("p", "li", "h1", "h2", "h3", "figcaption", "div"):
            self._chunks.append(" ")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.svg_titles[-1] += data
        elif self._article:
            self._chunks.append(data)

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", "".join(self._chunks))


def read_page(site: Path, relative: str) -> Page:
    page = Page()
    page.feed((site / relative).read_text(encoding="utf-8"))
    return page


_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "td", "th", "dt", "dd", "figcaption")


class Prose(HTMLParser):
    """The article's reading text as blocks (paragraphs, list items, cells, captions), without the
    footnotes (titles of papers are not the guide's prose), figures' inner SVG and permalinks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._article = 0
        self._skip: list[str] = []
        self._current: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "article":
            self._article += 1
        if self._skip or "footnote" in classes or "headerlink" in classes or tag == "svg":
            self._skip.append(tag)
        elif tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            if self._skip[-1] == tag:
                self._skip.pop()
            return
        if tag == "article":
            self._article -= 1
        if tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._article and not self._skip:
            self._current.append(data)

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self._current)).strip()
        if text:
            self.blocks.append(text)
        self._current = []


def read_prose(site: Path, relative: str) -> list[str]:
    prose = Prose()
    prose.feed((site / relative).read_text(encoding="utf-8"))
    prose.close()
    return prose.blocks
