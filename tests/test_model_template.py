"""generator/templates/model.py.jinja: tolerant and strict answer models, request models that send what they hold.

Two tiny specs exercise every kind of field the template treats differently: one of answer models
(`x-tolerant-reader: true`), one of request models. Each is generated with the project's templates
and the hand-written modules the models import, then the code is run.
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

import pytest
import yaml

from scripts import regenerate

pytestmark = pytest.mark.slow  # generator runs

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "generator" / "templates"

#: The hand-written layer the models reach (through _core/runtime.py): the errors they raise.
CORE = ROOT / "generated" / "clicksend_sms_campaigns" / "_core"

NODE_REF = {"$ref": "#/components/schemas/Node"}


def _spec(schemas: dict[str, Any], top: str) -> dict[str, Any]:
    ref = {"$ref": f"#/components/schemas/{top}"}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Models", "version": "1.0.0"},
        "paths": {
            "/things": {
                "post": {
                    "operationId": "post_thing",
                    "x-safe-to-repeat": False,
                    "requestBody": {
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Order"}}}
                    },
                    "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": ref}}}},
                }
            }
        },
        "components": {"schemas": schemas},
    }


ANSWER_SCHEMAS: dict[str, Any] = {
    # Node and Edge refer to each other: a cycle that must import in either order.
    "Node": {
        "type": "object",
        "x-tolerant-reader": True,
        "required": ["id"],
        "properties": {
            "id": {"type": "integer"},
            "key": {"anyOf": [{"type": "integer"}, {"type": "string"}]},
            "label": {"type": ["string", "null"]},
            "weight": {"type": "number"},
            "active": {"type": "boolean"},
            "tags": {"type": "array", "items": {"type": "string"}},
            "edges": {"type": ["array", "null"], "items": {"$ref": "#/components/schemas/Edge"}},
            "owner": {"$ref": "#/components/schemas/Tag"},
            "anything": {"description": "no type: any JSON value"},
        },
    },
    "Edge": {
        "type": "object",
        "x-tolerant-reader": True,
        "required": ["weight"],
        "properties": {"weight": {"type": "number"}, "to": NODE_REF},
    },
    "Tag": {"type": "object", "x-tolerant-reader": True, "properties": {"name": {"type": "string"}}},
    "Order": {
        "type": "object",
        "required": ["item", "count"],
        "properties": {
            "item": {"type": "string"},
            "count": {"type": "integer"},
            "from": {"type": "string"},
            "lines": {"type": "array", "items": {"$ref": "#/components/schemas/Line"}},
            "kind": {"type": "string", "enum": ["retail", "trade"]},
        },
    },
    "Line": {"type": "object", "properties": {"sku": {"type": "string"}}},
}
SPEC = _spec(ANSWER_SCHEMAS, "Node")


def _inputs(tmp_path: Path, name: str, spec: dict[str, Any], config: dict[str, object]) -> regenerate.Inputs:
    """The model template alone (the other templates need the whole client)."""
    inputs = regenerate.Inputs(tmp_path / f"{name}.yaml", tmp_path / f"{name}-overlays", tmp_path / f"{name}-generator")
    inputs.spec.write_text(yaml.safe_dump(spec))
    for folder in (inputs.overlays, inputs.generator / "templates"):
        folder.mkdir(parents=True)
    (inputs.generator / "config.yaml").write_text(yaml.safe_dump(config))
    shutil.copy(TEMPLATES / "model.py.jinja", inputs.generator / "templates" / "model.py.jinja")
    return inputs


def _generate(tmp_path: Path, package: str, spec: dict[str, Any], **options: object) -> Path:
    config: dict[str, object] = {
        "project_name_override": package.replace("_", "-"),
        "package_name_override": package,
        "post_hooks": [],
        "literal_enums": True,
        "field_prefix": "",
        **options,
    }
    built = regenerate.build(_inputs(tmp_path, package, spec, config), tmp_path / f"{package}-scratch")
    # The hand-written part the models import, as it lies beside them in this package: its errors.
    core = built / package / "_core"
    core.mkdir()
    (core / "__init__.py").write_text("")
    shutil.copy(CORE / "exceptions.py", core / "exceptions.py")
    (core / "runtime.py").write_text("from .exceptions import InvalidFieldError\n\n__all__ = ('InvalidFieldError',)\n")
    return built


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    built = _generate(tmp_path_factory.mktemp("model-template"), "models_ours", SPEC)
    sys.path.insert(0, str(built))
    yield built
    sys.path.remove(str(built))


def _models(project: Path) -> ModuleType:
    assert project.is_dir()
    return importlib.import_module("models_ours.models")


def _invalid(project: Path) -> type[Exception]:
    error: type[Exception] = importlib.import_module("models_ours._core.runtime").InvalidFieldError
    return error


GOOD = {
    "id": 3,
    "key": "k",
    "label": "root",
    "weight": 2,
    "active": False,
    "tags": ["a", "b"],
    "edges": [{"weight": 1.5, "to": {"id": 4, "edges": None}}],
    "owner": {"name": "ops"},
    "anything": {"x": [1, None]},
    "extra": {"kept": True},
}


def test_an_answer_decodes_and_encodes_what_it_was_given(project: Path) -> None:
    node = _models(project).Node.from_dict(GOOD)
    assert (node.id, node.key, node.weight, node.active, node.tags) == (3, "k", 2, False, ["a", "b"])
    assert node.edges[0].to.id == 4 and node.edges[0].to.edges is None
    assert node.owner.name == "ops" and node.anything == {"x": [1, None]}
    assert node.additional_properties == {"extra": {"kept": True}}
    assert node.to_dict() == {**GOOD, "edges": [{"weight": 1.5, "to": {"id": 4}}]}, "None is left out"


@pytest.mark.parametrize("field", ["key", "label", "weight", "active", "tags", "edges", "owner", "anything"])
@pytest.mark.parametrize("how", ["missing", "null"])
def test_a_missing_or_null_field_of_an_answer_reads_none(project: Path, field: str, how: str) -> None:
    payload = {key: value for key, value in GOOD.items() if key != field}
    if how == "null":
        payload[field] = None
    assert getattr(_models(project).Node.from_dict(payload), field) is None


@pytest.mark.parametrize(
    ("change", "field", "problem"),
    [
        ({"id": None}, "id", "is required but missing or null"),
        ({"id": "3"}, "id", "expected an integer, got a string"),
        ({"id": True}, "id", "expected an integer, got a boolean"),
        ({"key": 1.5}, "key", "expected an integer or a string, got a number"),
        ({"label": ["x"]}, "label", "expected a string, got an array"),
        ({"weight": "2"}, "weight", "expected a number, got a string"),
        ({"active": 1}, "active", "expected a boolean, got an integer"),
        ({"tags": "a"}, "tags", "expected an array, got a string"),
        ({"tags": ["a", 2]}, "tags[1]", "expected a string, got an integer"),
        ({"edges": {}}, "edges", "expected an array, got an object"),
        ({"edges": [None]}, "edges[0]", "expected an object, got NoneType"),
        ({"edges": [{}]}, "edges[0].weight", "is required but missing or null"),
        ({"edges": [{"weight": 1, "to": {"id": "x"}}]}, "edges[0].to.id", "expected an integer, got a string"),
        ({"owner": "ops"}, "owner", "expected an object, got a string"),
        ({"owner": {"name": {"first": "o"}}}, "owner.name", "expected a string, got an object"),
    ],
)
def test_a_value_of_another_type_in_an_answer_names_the_field(
    project: Path, change: dict[str, Any], field: str, problem: str
) -> None:
    with pytest.raises(_invalid(project)) as raised:
        _models(project).Node.from_dict({**GOOD, **change})
    assert (raised.value.field, raised.value.problem) == (field, problem)  # type: ignore[attr-defined]


def test_an_answer_leaves_its_input_alone(project: Path) -> None:
    snapshot = yaml.safe_dump(GOOD)
    _models(project).Node.from_dict(GOOD)
    assert yaml.safe_dump(GOOD) == snapshot


def test_a_request_sends_every_field_it_was_given(project: Path) -> None:
    models = _models(project)
    payload = {"item": "tea", "count": 2, "from": "shop", "lines": [{"sku": "t1", "size": "L"}], "gift": True}
    order = models.Order.from_dict(payload)
    assert order.from_ == "shop" and order.lines[0].additional_properties == {"size": "L"}
    assert order.to_dict() == payload
    explicit = models.Order(item="tea", count=2, additional_properties={"gift": True})
    assert explicit.to_dict() == {"item": "tea", "count": 2, "gift": True}, "unset fields are not sent"


def test_a_request_holds_and_sends_a_wrong_value_as_given(project: Path) -> None:
    # The checks before sending decide about it; switched off, it is sent as it was given.
    order = _models(project).Order.from_dict({"item": "tea", "count": "2", "lines": ["t1", {"sku": "t2"}]})
    assert order.to_dict() == {"item": "tea", "count": "2", "lines": ["t1", {"sku": "t2"}]}


def test_a_request_without_a_required_field_and_an_extra_shadowing_one_are_refused(project: Path) -> None:
    models = _models(project)
    with pytest.raises(_invalid(project)) as missing:
        models.Order.from_dict({"item": "tea"})
    assert missing.value.field == "count"  # type: ignore[attr-defined]
    shadowing = models.Order(item="tea", count=1, additional_properties={"from": "elsewhere"})
    with pytest.raises(_invalid(project)) as refused:
        shadowing.to_dict()
    assert refused.value.field == "from"  # type: ignore[attr-defined]


def test_from_dict_imports_nothing_and_defines_no_parser(project: Path) -> None:
    # What made the generator's from_dict slow: parser functions and model imports on every call.
    found = {}
    for module in sorted((project / "models_ours" / "models").glob("[!_]*.py")):
        for node in ast.walk(ast.parse(module.read_text())):
            if isinstance(node, ast.FunctionDef) and node.name == "from_dict":
                inner = [n for n in ast.walk(node) if n is not node and isinstance(n, ast.FunctionDef | ast.ImportFrom)]
                found[module.stem] = [getattr(n, "name", "import") for n in inner]
    assert found == {"edge": [], "line": [], "node": [], "order": [], "tag": []}


def test_models_that_refer_to_each_other_import_and_decode(project: Path) -> None:
    # In a fresh interpreter: edge.py first, whose import of Node at its end loads node.py.
    script = (
        "from models_ours.models.edge import Edge\nprint(Edge.from_dict({'weight': 1, 'to': {'id': 2, 'edges': []}}))"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=project, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "Edge(weight=1, to=Node(id=2, " in result.stdout and "edges=[]" in result.stdout


def test_the_generated_models_pass_mypy_strict_and_ruff(project: Path) -> None:
    package = project / "models_ours"
    for command in (["mypy", "--strict", "--no-incremental", str(package)], ["ruff", "check", "--no-cache", "."]):
        result = subprocess.run(
            [sys.executable, "-m", *command], cwd=project, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_attribute_docstrings_follow_the_generator_option(tmp_path: Path) -> None:
    described = yaml.safe_load(yaml.safe_dump(SPEC))
    described["components"]["schemas"]["Tag"]["properties"]["name"]["description"] = "What the tag says."
    built = _generate(tmp_path, "models_documented", described, docstrings_on_attributes=True)
    source = (built / "models_documented" / "models" / "tag.py").read_text()
    assert re.search(r'name: str \| None = None\n    """ ?What the tag says\. ?"""', source), source
    assert "Attributes:" not in source


def _build_fails(tmp_path: Path, spec: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> str:
    config: dict[str, object] = {"project_name_override": "stops", "package_name_override": "stops", "post_hooks": []}
    inputs = _inputs(tmp_path, "stops", spec, config)
    output = tmp_path / "out"
    output.mkdir()
    arguments = ["--spec", str(inputs.spec), "--overlays", str(inputs.overlays), "--generator", str(inputs.generator)]
    assert regenerate.main([*arguments, "--output", str(output)]) == 2
    return capsys.readouterr().err


def test_a_field_an_answer_cannot_check_stops_the_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    schemas = yaml.safe_load(yaml.safe_dump(ANSWER_SCHEMAS))
    schemas["Tag"]["properties"]["seen"] = {"type": "string", "format": "date-time"}
    assert "tolerant_reader_cannot_check_type" in _build_fails(tmp_path, _spec(schemas, "Node"), capsys)


def test_a_multipart_body_stops_the_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = yaml.safe_load(yaml.safe_dump(SPEC))
    form = {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}
    spec["paths"]["/things"]["put"] = {
        "operationId": "upload",
        "x-safe-to-repeat": False,
        "requestBody": {"content": {"multipart/form-data": {"schema": form}}},
        "responses": {"200": {"description": "ok"}},
    }
    assert "model_template_cannot_render_multipart_bodies" in _build_fails(tmp_path, spec, capsys)
