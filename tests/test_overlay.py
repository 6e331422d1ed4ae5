"""The overlay applier, checked case by case: input, overlay, expected output (or error).

Each folder under overlay_cases/ holds one behaviour: `input.yaml`, `overlay.yaml`, and either
`output.yaml` or `error.txt` (text the error message must contain).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts.overlay import OverlayError, apply_overlay, apply_overlays

CASES = Path(__file__).resolve().parent / "overlay_cases"


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_overlay_case(case: str) -> None:
    folder = CASES / case
    document, overlay = _load(folder / "input.yaml"), _load(folder / "overlay.yaml")
    pristine = copy.deepcopy(document)
    if (folder / "error.txt").exists():
        expected_error = (folder / "error.txt").read_text(encoding="utf-8").strip()
        with pytest.raises(OverlayError) as raised:
            apply_overlay(document, overlay, "overlay.yaml")
        assert expected_error in str(raised.value)
        assert str(raised.value).startswith("overlay.yaml: "), "the message names the overlay file"
    else:
        assert apply_overlay(document, overlay, "overlay.yaml") == _load(folder / "output.yaml")
    assert document == pristine, "the input document was mutated"


def test_every_case_has_an_expectation() -> None:
    for folder in CASES.iterdir():
        assert (folder / "output.yaml").exists() != (folder / "error.txt").exists(), folder.name


def test_update_values_are_copied_not_shared() -> None:
    overlay: dict[str, Any] = {
        "overlay": "1.0.0",
        "info": {"title": "t", "version": "1"},
        "actions": [{"target": "$.a[*]", "update": {"x": {"deep": []}}}],
    }
    result = apply_overlay({"a": [{}, {}]}, overlay)
    result["a"][0]["x"]["deep"].append(1)
    assert result["a"][1]["x"]["deep"] == []
    assert overlay["actions"][0]["update"] == {"x": {"deep": []}}


def test_overlay_files_apply_in_the_order_given(tmp_path: Path) -> None:
    first, second = tmp_path / "10-first.overlay.yaml", tmp_path / "20-second.overlay.yaml"
    header = "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n"
    first.write_text(header + "  - target: $\n    update: {a: {b: 1}}\n")
    second.write_text(header + "  - target: $.a\n    update: {c: 2}\n")
    assert apply_overlays({}, [first, second]) == {"a": {"b": 1, "c": 2}}
    with pytest.raises(OverlayError, match=r"20-second.overlay.yaml: action 1 \(target '\$.a'\)"):
        apply_overlays({}, [second, first])


def test_invalid_yaml_names_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.overlay.yaml"
    broken.write_text("overlay: [unclosed\n")
    with pytest.raises(OverlayError, match=r"broken\.overlay\.yaml: not valid YAML"):
        apply_overlays({}, [broken])
