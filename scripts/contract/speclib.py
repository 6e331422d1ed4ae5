"""Checks on the hand-written OpenAPI spec, each returning problems that name their place.

The tests call these on the real spec and on deliberately broken copies of it, so a check
that stopped finding problems would fail too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from clicksend_sms_campaigns.spec_facts import PARAMETERS
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT202012

# Re-exported: the spec checks use them through this module.
from scripts.openapi_spec import SPEC_PATH as SPEC_PATH
from scripts.openapi_spec import load_spec as load_spec
from scripts.openapi_spec import pointer as pointer
from scripts.openapi_spec import pointer_parts, resolve
from scripts.openapi_spec import validity_problems as validity_problems

_LIMIT = PARAMETERS["list_sms_campaigns"]["limit"]["x-documented-rule"]
#: The page sizes the reference documents (the spec's documented rule for `limit`), for recording and judging.
DOCUMENTED_LIMITS = range(_LIMIT["minimum"], _LIMIT["maximum"] + 1)
#: Page sizes just outside them and far outside, whose answers are recorded as facts.
LIMITS_OUTSIDE = (0, DOCUMENTED_LIMITS.start - 1, DOCUMENTED_LIMITS.stop, 500)

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
ERROR_STATUSES = ("400", "401", "403", "404", "405", "429", "500")
# The base URI under which the spec is registered, so a JSON pointer into it is a schema.
_SPEC_URI = "urn:clicksend-sms-campaigns-spec"


def iter_operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield (path, method, operation) for every operation in the spec."""
    for path, item in (spec.get("paths") or {}).items():
        for method in HTTP_METHODS:
            if isinstance(item, dict) and method in item:
                yield path, method, item[method]


@dataclass(frozen=True)
class Example:
    place: str  # where the example stands, for messages: "POST /sms-campaigns/send request example 'x'"
    value: Any
    schema_pointer: str  # JSON pointer to the schema the example must satisfy


def iter_examples(spec: dict[str, Any]) -> Iterator[Example]:
    """Every example in the spec with the schema it must satisfy.

    Covers named and single examples of request bodies, responses and parameters, and the
    `examples` keyword of schemas under components.
    """
    for path, method, operation in iter_operations(spec):
        label = f"{method.upper()} {path}"
        base = ("paths", path, method)
        body = operation.get("requestBody") or {}
        for media, content in (body.get("content") or {}).items():
            yield from _media_examples(content, f"{label} request {media}", (*base, "requestBody", "content", media))
        for status, response in (operation.get("responses") or {}).items():
            resolved, where = resolve_at(spec, response, (*base, "responses", status))
            for media, content in (resolved.get("content") or {}).items():
                yield from _media_examples(content, f"{label} response {status} {media}", (*where, "content", media))
        parameter_lists = (
            (("paths", path), spec["paths"][path].get("parameters")),
            (base, operation.get("parameters")),
        )
        for where, parameters in parameter_lists:
            for index, parameter in enumerate(parameters or []):
                resolved, at = resolve_at(spec, parameter, (*where, "parameters", str(index)))
                name = resolved.get("name", f"#{index}")
                for example_name, example in (resolved.get("examples") or {}).items():
                    place = f"{label} parameter {name!r} example {example_name!r}"
                    yield Example(place, example.get("value"), pointer(*at, "schema"))
    for schema_name, schema in ((spec.get("components") or {}).get("schemas") or {}).items():
        yield from _schema_examples(schema, f"schema {schema_name}", ("components", "schemas", schema_name))


def _media_examples(content: dict[str, Any], label: str, where: tuple[str, ...]) -> Iterator[Example]:
    schema_ptr = pointer(*where, "schema")
    if "example" in content:
        yield Example(f"{label} example", content["example"], schema_ptr)
    for name, example in (content.get("examples") or {}).items():
        yield Example(f"{label} example {name!r}", example.get("value"), schema_ptr)


def _schema_examples(schema: Any, label: str, where: tuple[str, ...]) -> Iterator[Example]:
    """The `examples` keyword of a schema and of the schemas nested in its properties."""
    if not isinstance(schema, dict):
        return
    for index, value in enumerate(schema.get("examples") or []):
        yield Example(f"{label} examples[{index}]", value, pointer(*where))
    for prop, sub in (schema.get("properties") or {}).items():
        yield from _schema_examples(sub, f"{label}.{prop}", (*where, "properties", prop))
    if isinstance(schema.get("items"), dict):
        yield from _schema_examples(schema["items"], f"{label}[]", (*where, "items"))


def resolve_at(spec: dict[str, Any], node: Any, where: tuple[str, ...]) -> tuple[Any, tuple[str, ...]]:
    """`node` (found at the keys `where`) with its local `$ref`s followed, and the keys of where it ends."""
    resolved = resolve(spec, node, pointer(*where))
    return resolved.node, pointer_parts(resolved.pointer)


def schema_validator_for(spec: dict[str, Any], schema: dict[str, Any]) -> Draft202012Validator:
    """A validator for a schema given inline (a parameter's), resolving `#/components/...` refs in the spec."""
    document = {**spec, "$id": _SPEC_URI}
    registry: Registry[Any] = Registry().with_resource(_SPEC_URI, DRAFT202012.create_resource(document))
    inline = {**schema, "$id": "urn:inline"} if "$ref" not in schema else {"$ref": f"{_SPEC_URI}{schema['$ref']}"}
    return Draft202012Validator(inline, registry=registry, format_checker=FormatChecker())


def schema_validator(spec: dict[str, Any], schema_pointer: str) -> Draft202012Validator:
    """A validator for the schema at `schema_pointer`, resolving `#/components/...` refs in the spec."""
    document = {**spec, "$id": _SPEC_URI}
    registry: Registry[Any] = Registry().with_resource(_SPEC_URI, DRAFT202012.create_resource(document))
    return Draft202012Validator(
        {"$ref": f"{_SPEC_URI}#{schema_pointer}"}, registry=registry, format_checker=FormatChecker()
    )


def example_problems(spec: dict[str, Any]) -> list[str]:
    """Each example that does not satisfy its schema, with the example's place and the failing field."""
    problems = []
    for example in iter_examples(spec):
        validator = schema_validator(spec, example.schema_pointer)
        try:
            for error in validator.iter_errors(example.value):
                field = "/".join(str(part) for part in error.absolute_path) or "(whole value)"
                problems.append(f"{example.place}: at {field}: {error.message}")
        except Unresolvable as error:
            problems.append(f"{example.place}: its schema has a reference that points nowhere: {error.ref}")
    return problems


def operation_problems(
    spec: dict[str, Any], expected: dict[str, tuple[str, str]], error_statuses: tuple[str, ...] = ERROR_STATUSES
) -> list[str]:
    """Missing or incomplete operations.

    `expected` maps each operationId to its (METHOD, path). Each operation must exist there with
    a summary, a description, a tag, Basic security, every error status and at least one example.
    """
    problems = []
    found = {op.get("operationId"): (method.upper(), path, op) for path, method, op in iter_operations(spec)}
    for operation_id, (method, path) in expected.items():
        if operation_id not in found:
            problems.append(f"operation {operation_id!r} ({method} {path}) is missing from the spec")
            continue
        actual_method, actual_path, operation = found[operation_id]
        label = f"operation {operation_id!r}"
        if (actual_method, actual_path) != (method, path):
            problems.append(f"{label} is at {actual_method} {actual_path}, expected {method} {path}")
        for key in ("summary", "description", "tags"):
            if not operation.get(key):
                problems.append(f"{label} has no {key}")
        if {"basicAuth": []} not in (operation.get("security") or []):
            problems.append(f"{label} does not declare the basicAuth security scheme")
        responses = operation.get("responses") or {}
        for status in ("200", *error_statuses):
            if status not in responses:
                problems.append(f"{label} does not declare the {status} response")
        label_prefix = f"{actual_method} {actual_path} "
        if not any(example.place.startswith(label_prefix) for example in iter_examples(spec)):
            problems.append(f"{label} has no example")
    for found_id, (method, path, _) in found.items():
        if found_id not in expected:
            problems.append(f"{method} {path} has operationId {found_id!r}, which is not one of the expected ones")
    return problems
