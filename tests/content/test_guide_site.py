"""The built guide: links and anchors resolve, images have alt text, figures are inline SVG with
titles, troubleshooting keeps the checker's anchors, numbers come from the package, no Pyodide on
guide pages, and no spelling errors in the sources."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from hipthrust import guide
from hipthrust.faults import FAULTS
from tests.content.guide_text import ALL_GUIDE_PAGES, GUIDE_PAGES, read_page
from tests.support import ROOT

PAGES = list(GUIDE_PAGES.values())
ALL_PAGES = list(ALL_GUIDE_PAGES.values())


def _target(site: Path, page: str, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link points to, or None for external links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
        return None
    base = (site / page).parent
    path = unquote(parts.path)
    target = (site / page) if not path else (base / path).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


@pytest.mark.parametrize("page", ALL_PAGES)
def test_internal_links_and_anchors_resolve(built_site: Path, page: str) -> None:
    parsed = read_page(built_site, page)
    broken = []
    for href in parsed.links:
        resolved = _target(built_site, page, href)
        if resolved is None:
            continue
        target, fragment = resolved
        if not target.is_file():
            broken.append((href, "no file"))
        elif (
            fragment
            and fragment not in read_page(built_site, str(target.relative_to(built_site))).ids
        ):
            broken.append((href, "no anchor"))
    assert broken == []
    assert len(parsed.links) > 10


@pytest.mark.parametrize("page", PAGES)
def test_images_have_alt_text(built_site: Path, page: str) -> None:
    parsed = read_page(built_site, page)
    assert [img for img in parsed.images if not (img.get("alt") or "").strip()] == []
    figures = [svg for svg in parsed.svgs if svg.get("role") == "img"]
    assert figures, "every guide page shows at least one figure"
    assert len(parsed.svg_titles) >= len(figures)
    assert all(len(title.split()) >= 3 for title in parsed.svg_titles)


def test_troubleshooting_keeps_every_anchor_with_what_why_and_fix(built_site: Path) -> None:
    source = (built_site / GUIDE_PAGES["troubleshooting"]).read_text(encoding="utf-8")
    parsed = read_page(built_site, GUIDE_PAGES["troubleshooting"])
    for fault in FAULTS:
        assert re.search(rf'<h2 id="{re.escape(fault.anchor)}"', source), fault.anchor
        for field in (fault.title, fault.symptom, fault.why, fault.cue):
            assert html.unescape(field) in parsed.text, (fault.anchor, field)
    # in the order of the package, each section holding its own texts
    positions = [source.index(f'id="{fault.anchor}"') for fault in FAULTS]
    assert positions == sorted(positions)


@pytest.mark.parametrize(
    ("page", "text"),
    [
        (
            "home",
            f"Lower in {guide.LOWERING_SECONDS_MIN}\N{EN DASH}{guide.LOWERING_SECONDS_MAX} seconds.",
        ),
        ("execution", f"default tempo is {guide.DEFAULT_TEMPO}"),
        ("setup", f"about {guide.FREE_LEG_KNEE_DEGREES}°"),
        ("scaling", f"{guide.TOP_HOLD_PROGRESSION_SECONDS} s"),
    ],
)
def test_numbers_come_from_the_package(built_site: Path, page: str, text: str) -> None:
    assert text in read_page(built_site, GUIDE_PAGES[page]).text
    assert "{{" not in read_page(built_site, GUIDE_PAGES[page]).text


@pytest.mark.parametrize("page", ALL_PAGES)
def test_guide_pages_do_not_reference_pyodide(built_site: Path, page: str) -> None:
    source = (built_site / page).read_text(encoding="utf-8")
    assert "pyodide" not in source.lower()
    assert "data-tool" not in source


def test_no_spelling_errors() -> None:
    paths = [
        "docs",
        "tools/hipthrust",
        "overrides",
        "tests/content",
        "tests/unit",
        "tests/browser",
        "mkdocs.yml",
    ]
    codespell = Path(sys.executable).with_name("codespell")
    result = subprocess.run(
        [str(codespell), *paths], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
