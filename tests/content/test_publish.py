"""What a published build needs: SITE_URL drives canonical links, the sitemap and robots.txt; no
script names a source map the site does not ship (a 404 with developer tools open)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support import ALL_PAGES, build_site

PUBLISHED = "https://example.org/hip-thrust/"


@pytest.fixture(scope="module")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_URL", PUBLISHED)
        return build_site(tmp_path_factory.mktemp("published"))


@pytest.mark.parametrize("page", ["", "setup/", "tools/tempo-timer/"])
def test_site_url_names_the_canonical_address_of_each_page(published_site: Path, page: str) -> None:
    html = (published_site / page / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{PUBLISHED}{page}">' in html
    assert "127.0.0.1" not in html


def test_each_page_title_names_the_site_once(built_site: Path) -> None:
    """What a tab, a bookmark or a search result shows: "Setup - <site>", the home page the
    site's name alone (never "<site> - <site>")."""
    titles = {}
    for page in ALL_PAGES:
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        titles[page] = re.search(r"<head>.*?<title>([^<]*)</title>", html, re.S)[1]  # type: ignore[index]
    site = titles[""]
    assert site == "Single-leg hip thrust"
    others = {page: title for page, title in titles.items() if page}
    assert all(title.endswith(f" - {site}") and title.count(site) == 1 for title in others.values())
    assert len(set(others.values())) == len(others), "each page has its own title"


def test_site_url_names_every_page_of_the_sitemap(published_site: Path) -> None:
    sitemap = (published_site / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert len(locations) >= 12
    assert all(location.startswith(PUBLISHED) for location in locations)


def test_robots_txt_allows_crawling_and_names_the_sitemap(published_site: Path) -> None:
    robots = (published_site / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots and "Disallow" not in robots
    assert f"Sitemap: {PUBLISHED}sitemap.xml" in robots


def test_no_script_names_a_missing_source_map(built_site: Path) -> None:
    dangling = []
    for script in [*built_site.rglob("*.js"), *built_site.rglob("*.mjs")]:
        relative = script.relative_to(built_site).as_posix()
        if relative.startswith(("javascripts/vendor/tfjs/", "models/")):
            continue  # loaded from blob: URLs in the detector's worker, where no map resolves
        match = re.search(r"//# sourceMappingURL=(\S+)\s*$", script.read_text(encoding="utf-8"))
        if match and not (script.parent / match.group(1)).is_file():
            dangling.append(relative)
    assert dangling == []
    assert "sourceMappingURL" not in (built_site / "javascripts/vendor/comlink.mjs").read_text()
