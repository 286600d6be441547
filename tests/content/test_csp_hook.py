"""The CSP hook: hashes of runnable inline scripts only, a policy per page kind, and a build that
fails when a page lacks the placeholder."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from tests.support import load_hook

META = '<meta http-equiv="Content-Security-Policy" content="__CSP__">'


def _hook() -> ModuleType:
    return load_hook("csp")


def _sha(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


def test_only_runnable_inline_scripts_are_hashed() -> None:
    html = (
        "<script>a=1</script><script type=module>b()</script><script src=x.js></script>"
        '<script type="application/json">{"c": 1}</script>'
    )
    assert _hook().inline_script_hashes(html) == [_sha("a=1"), _sha("b()")]


def _site(tmp_path: Path, pages: dict[str, str]) -> Path:
    site = tmp_path / "site"
    for name, body in pages.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(f"<head>{META}</head>{body}", encoding="utf-8")
    return site


def test_every_page_gets_every_hash_and_only_tool_pages_get_wasm(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {"index.html": "<script>x=1</script>", "tools/t/index.html": '<div data-tool="t"></div>'},
    )
    hook = _hook()
    hook.on_post_build(SimpleNamespace(site_dir=str(site)))
    guide = (site / "index.html").read_text()
    tool = (site / "tools/t/index.html").read_text()
    for page in (guide, tool):
        assert _sha("x=1") in page and "'unsafe-inline' 'sha" not in page
        assert "script-src 'self' 'sha256-" in page
    assert "'wasm-unsafe-eval'" in tool and "'wasm-unsafe-eval'" not in guide


def test_the_dev_server_allows_its_live_reload_script(tmp_path: Path) -> None:
    site = _site(tmp_path, {"index.html": "<script>x=1</script>"})
    hook = _hook()
    hook.on_startup("serve")
    hook.on_post_build(SimpleNamespace(site_dir=str(site)))
    assert "script-src 'self' 'unsafe-inline';" in (site / "index.html").read_text()


def test_a_page_without_the_placeholder_fails_the_build(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<head></head>", encoding="utf-8")
    with pytest.raises(PluginError, match="no CSP placeholder"):
        _hook().on_post_build(SimpleNamespace(site_dir=str(site)))
