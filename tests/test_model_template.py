"""overlays/templates/model.py.jinja: the same models as the generator's own template, decoded faster.

One tiny spec exercises every kind of field the template treats differently. The package is
generated twice, once with our model template and once with the generator's, and both must decode
the same payloads to the same data and fail on the same bad ones.
"""

from __future__ import annotations

import ast
import importlib
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest
import yaml

from scripts import regenerate

ROOT = Path(__file__).resolve().parent.parent
MODEL_TEMPLATE = ROOT / "overlays" / "templates" / "model.py.jinja"

NODE_REF = {"$ref": "#/components/schemas/Node"}
SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Models", "version": "1.0.0"},
    "paths": {
        "/nodes": {
            "get": {
                "operationId": "get_node",
                "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": NODE_REF}}}},
            }
        }
    },
    "components": {
        "schemas": {
            # Node and Edge refer to each other: a cycle that must import in either order.
            "Node": {
                "type": "object",
                "required": ["id", "key", "edges"],
                "properties": {
                    "id": {"type": "integer"},
                    "key": {"oneOf": [{"type": "integer"}, {"type": "string"}]},
                    "label": {"type": ["string", "null"]},
                    "tags": {"type": "array", "items": {"type": "string"}},
                    "edges": {"type": "array", "items": {"$ref": "#/components/schemas/Edge"}},
                    "kind": {"type": "string", "enum": ["leaf", "branch"]},
                    "seen": {"type": "string", "format": "date-time"},
                    "owner": {"oneOf": [{"$ref": "#/components/schemas/Tag"}, {"type": "string"}]},
                },
                "additionalProperties": {"$ref": "#/components/schemas/Tag"},
            },
            "Edge": {
                "type": "object",
                "required": ["weight"],
                "properties": {"weight": {"type": "number"}, "to": NODE_REF},
            },
            "Tag": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}},
        }
    },
}

GOOD_NODES: list[dict[str, Any]] = [
    {"id": 1, "key": 7, "edges": []},
    {"id": 2, "key": "seven", "label": None, "tags": ["a", "b"], "edges": [{"weight": 1.5}]},
    {
        "id": 3,
        "key": 0,
        "label": "root",
        "edges": [{"weight": 2, "to": {"id": 4, "key": "x", "edges": [], "kind": "leaf"}}],
        "kind": "branch",
        "seen": "2026-11-27T06:00:00Z",
        "owner": {"name": "ops"},
        "extra": {"name": "kept"},
    },
    {"id": 5, "key": "k", "edges": [], "owner": "someone"},
]
BAD_NODES: list[dict[str, Any]] = [
    {"key": 1, "edges": []},  # no id
    {"id": 1, "key": 1},  # no edges
    {"id": 1, "key": 1, "edges": [], "kind": "trunk"},  # not in the enum
    {"id": 1, "key": 1, "edges": [{}]},  # an edge without its weight
    {"id": 1, "key": 1, "edges": [], "seen": "yesterday"},  # not a date-time
]


def _generate(
    tmp_path: Path, package: str, model_template: Path | None, spec: dict[str, Any] = SPEC, **options: object
) -> Path:
    spec_path, overlays = tmp_path / f"{package}.yaml", tmp_path / f"{package}-overlays"
    spec_path.write_text(yaml.safe_dump(spec))
    overlays.mkdir()
    config: dict[str, object] = {
        "project_name_override": package.replace("_", "-"),
        "package_name_override": package,
        "post_hooks": [],
        **options,
    }
    (overlays / "generator-config.yaml").write_text(yaml.safe_dump(config))
    if model_template is not None:
        (overlays / "templates").mkdir()
        shutil.copy(model_template, overlays / "templates" / "model.py.jinja")
    return regenerate.build(spec_path, overlays, tmp_path / f"{package}-scratch")


@pytest.fixture(scope="module")
def projects(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    tmp_path = tmp_path_factory.mktemp("model-template")
    built = {
        "ours": _generate(tmp_path, "models_ours", MODEL_TEMPLATE),
        "stock": _generate(tmp_path, "models_stock", None),
    }
    sys.path[:0] = [str(path) for path in built.values()]
    yield built
    for path in built.values():
        sys.path.remove(str(path))


def _models(projects: dict[str, Path], which: str) -> ModuleType:
    assert projects[which].is_dir()
    return importlib.import_module(f"models_{which}.models")


def _plain(value: Any) -> Any:
    """Decoded objects as comparable data: class names and field values, with UNSET by name."""
    if attrs.has(type(value)):
        fields = {field.name: _plain(getattr(value, field.name)) for field in attrs.fields(type(value))}
        return (type(value).__name__, fields)
    if type(value).__name__ == "Unset":
        return "UNSET"
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return (type(value).__name__, value)


@pytest.mark.parametrize("payload", GOOD_NODES)
def test_our_models_decode_what_the_generators_decode(projects: dict[str, Path], payload: dict[str, Any]) -> None:
    ours = _models(projects, "ours").Node.from_dict(payload)
    stock = _models(projects, "stock").Node.from_dict(payload)
    assert ours.to_dict() == stock.to_dict()
    assert _plain(ours) == _plain(stock)


@pytest.mark.parametrize("payload", BAD_NODES)
def test_our_models_refuse_what_the_generators_refuse(projects: dict[str, Path], payload: dict[str, Any]) -> None:
    errors = []
    for which in ("ours", "stock"):
        with pytest.raises(Exception) as raised:
            _models(projects, which).Node.from_dict(payload)
        errors.append((type(raised.value), str(raised.value)))
    assert errors[0] == errors[1]


def test_decoding_leaves_the_input_alone(projects: dict[str, Path]) -> None:
    payload = GOOD_NODES[2]
    snapshot = yaml.safe_dump(payload)
    _models(projects, "ours").Node.from_dict(payload)
    assert yaml.safe_dump(payload) == snapshot


def test_from_dict_imports_nothing_and_defines_parsers_only_for_unions_that_convert(
    projects: dict[str, Path],
) -> None:
    # What made the generator's from_dict slow: parser functions for plain unions, and model imports, on every call.
    # A union holding a model (Node.owner) still goes through the generator's union template and its parser.
    found = {}
    for module in sorted((projects["ours"] / "models_ours" / "models").glob("[!_]*.py")):
        for node in ast.walk(ast.parse(module.read_text())):
            if isinstance(node, ast.FunctionDef) and node.name == "from_dict":
                inner = [n for n in ast.walk(node) if n is not node and isinstance(n, ast.FunctionDef | ast.ImportFrom)]
                found[module.stem] = [getattr(n, "name", "import") for n in inner]
    assert found == {"edge": [], "node": ["_parse_owner"], "tag": []}


def test_models_that_refer_to_each_other_import_and_decode(projects: dict[str, Path]) -> None:
    # In a fresh interpreter: the package imports edge.py first, whose import of Node at its end
    # loads node.py, which finds Edge already defined in the half-imported edge.py.
    script = (
        "from models_ours.models.node import Node\n"
        "print(Node.from_dict({'id': 1, 'key': 1, 'edges': [{'weight': 1, 'to': {'id': 2, 'key': 2, 'edges': []}}]}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=projects["ours"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "Edge(weight=1, to=Node(edges=[], id=2, key=2," in result.stdout


def test_the_generated_models_pass_mypy_strict_and_ruff(projects: dict[str, Path]) -> None:
    package = projects["ours"] / "models_ours"
    for command in (["mypy", "--strict", "--no-incremental", str(package)], ["ruff", "check", "--no-cache", "."]):
        result = subprocess.run(
            [sys.executable, "-m", *command], cwd=projects["ours"], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_attribute_docstrings_follow_the_generator_option(tmp_path: Path) -> None:
    described = yaml.safe_load(yaml.safe_dump(SPEC))
    described["components"]["schemas"]["Tag"]["properties"]["name"]["description"] = "What the tag says."
    built = _generate(tmp_path, "models_documented", MODEL_TEMPLATE, described, docstrings_on_attributes=True)
    source = (built / "models_documented" / "models" / "tag.py").read_text()
    assert re.search(r'name: str\n    """ ?What the tag says\. ?"""', source)
    assert "Attributes:" not in source


def test_a_multipart_body_stops_the_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = yaml.safe_load(yaml.safe_dump(SPEC))
    form = {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}
    spec["paths"]["/nodes"]["post"] = {
        "operationId": "upload",
        "requestBody": {"content": {"multipart/form-data": {"schema": form}}},
        "responses": {"200": {"description": "ok"}},
    }
    spec_path, overlays = tmp_path / "spec.yaml", tmp_path / "overlays"
    spec_path.write_text(yaml.safe_dump(spec))
    shutil.copytree(ROOT / "overlays" / "templates", overlays / "templates", ignore=shutil.ignore_patterns("[!m]*"))
    config = {"project_name_override": "upload", "package_name_override": "upload", "post_hooks": []}
    (overlays / "generator-config.yaml").write_text(yaml.safe_dump(config))
    output = tmp_path / "out"
    output.mkdir()
    assert regenerate.main(["--spec", str(spec_path), "--overlays", str(overlays), "--output", str(output)]) == 2
    assert "model_template_cannot_render_multipart_bodies" in capsys.readouterr().err
