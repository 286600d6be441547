"""The checker's browser functions: JSON in, JSON out, messages instead of errors."""

from __future__ import annotations

import json

import pytest

from hipthrust import web


def call(name: str, **arguments: object) -> dict[str, object]:
    result = json.loads(web.call(name, json.dumps(arguments)))
    assert isinstance(result, dict)
    return result


def test_setup_gives_start_points_inside_the_photo_and_the_thresholds() -> None:
    result = call("checker_setup", width=4000, height=3000)
    assert result["ok"] is True
    side = result["side"]
    assert isinstance(side, dict) and set(side) >= {"shoulder", "hip", "knee", "ankle"}
    assert all(0 <= x <= 4000 and 0 <= y <= 3000 for x, y in side.values())
    assert result["thresholds"]["shin"]["good"] < result["thresholds"]["shin"]["close"]  # type: ignore[index]


@pytest.mark.parametrize(("width", "height"), [(0, 100), (100, -1), ("a", 3), (None, 5)])
def test_setup_refuses_a_photo_without_a_size(width: object, height: object) -> None:
    result = call("checker_setup", width=width, height=height)
    assert result["ok"] is False and "size" in str(result["message"])


def test_side_round_trip_reports_facing_metrics_and_overlay() -> None:
    start = call("checker_setup", width=1000, height=800)
    result = call(
        "checker_side", landmarks=start["side"], width=1000, height=800, floor=start["floor"]
    )
    assert result["ok"] is True and result["facing"] == "right"
    names = [m["name"] for m in result["metrics"]]  # type: ignore[union-attr]
    assert names[:2] == ["shin", "hip_line"]
    assert str(result["overlay"]).startswith("<g ")


def test_front_round_trip() -> None:
    result = call(
        "checker_front",
        landmarks={"hip": [100, 0], "knee": [100, 300], "ankle": [100, 600]},
        width=1000,
        height=1000,
        leg="left",
    )
    assert result["ok"] is True
    assert result["metrics"][0]["value"] == 0.0  # type: ignore[index]
    bad = call("checker_front", landmarks={"hip": [1, 1]}, width=10, height=10, leg="middle")
    assert bad["ok"] is False and "leg" in str(bad["message"])
