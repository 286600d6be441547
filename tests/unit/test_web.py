"""hipthrust.web: the JSON door the browser calls."""

from __future__ import annotations

import json

import pytest

from hipthrust import __version__, web


def test_describe_reports_the_package_version() -> None:
    result = json.loads(web.call("describe", "{}"))
    assert result["package"] == __version__
    assert result["python"].count(".") == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3-0-1-1", {"ok": True, "tempo": "3-0-1-1"}),
        ("3011", {"ok": True, "tempo": "3-0-1-1"}),
        ("2-0-x-2", {"ok": True, "tempo": "2-0-X-2"}),
    ],
)
def test_check_tempo_accepts_valid_text(text: str, expected: dict[str, object]) -> None:
    assert json.loads(web.call("check_tempo", json.dumps({"text": text}))) == expected


def test_check_tempo_explains_bad_text() -> None:
    result = json.loads(web.call("check_tempo", json.dumps({"text": "fast"})))
    assert result["ok"] is False
    assert "3-0-1-1" in result["message"]


def test_every_api_function_is_callable_by_name() -> None:
    assert set(web.API) >= {"describe", "check_tempo"}
    with pytest.raises(KeyError, match="no function"):
        web.call("os.system", "{}")


def test_arguments_must_be_an_object() -> None:
    with pytest.raises(TypeError):
        web.call("describe", "[1, 2]")
