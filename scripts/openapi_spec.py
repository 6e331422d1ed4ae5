"""Load the hand-written spec, check that it is valid OpenAPI (naming the place of any fault), and
follow its `$ref`s: the one resolver of the project's scripts, checks and tools."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, NamedTuple

import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "openapi" / "clicksend-sms-campaigns.yaml"


def load_spec(path: Path = SPEC_PATH) -> dict[str, Any]:
    """The spec as a mapping; a YAML error names the file, line and column."""
    try:
        # libyaml's loader when PyYAML has it: the same YAML, several times faster.
        loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as error:
        raise ValueError(f"{path}: not valid YAML: {error}") from error
    if not isinstance(loaded, dict):
        raise ValueError(f"{path}: the spec is not a YAML mapping")
    return loaded


def validity_problems(spec: dict[str, Any]) -> list[str]:
    """What openapi-spec-validator finds, with the place in the spec."""
    # Imported here: it takes half a second, which regenerate.py spends while the generator runs.
    from openapi_spec_validator import validate as validate_openapi
    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError
    from referencing.exceptions import Unresolvable

    try:
        validate_openapi(copy.deepcopy(spec))
    except OpenAPIValidationError as error:
        place = "/".join(str(part) for part in getattr(error, "absolute_path", []) or []) or "(document root)"
        return [f"spec is not valid OpenAPI at {place}: {error.message}"]
    except Unresolvable as error:
        return [f"spec has a reference that points nowhere: {error.ref}"]
    return []


class Resolved(NamedTuple):
    """Where a chain of local `$ref`s ends."""

    node: Any  #: what it points at ({} when it points nowhere)
    pointer: str  #: its JSON pointer in the document (the starting `at` when no `$ref` was followed)
    refs: tuple[str, ...]  #: the pointers of the `$ref` keywords followed on the way


#: Chains longer than this are cut: a `$ref` that leads back to itself would never end.
_MOST_REFS = 50


def resolve(spec: Any, node: Any, at: str = "") -> Resolved:
    """Follow local `$ref`s (`#/components/...`) from `node`, found at JSON pointer `at`.

    A `$ref` that points nowhere resolves to {}; one that is not local raises ValueError, since the
    spec is one file.
    """
    refs: list[str] = []
    for _ in range(_MOST_REFS):
        ref = node.get("$ref") if isinstance(node, dict) else None
        if not isinstance(ref, str):
            return Resolved(node, at, tuple(refs))
        if not ref.startswith("#/"):
            raise ValueError(f"only local references are supported, found {ref!r} at {at or '(root)'}")
        refs.append(f"{at}/$ref")
        at, node = ref[1:], spec
        for part in pointer_parts(at):
            node = node.get(part, {}) if isinstance(node, dict) else {}
    return Resolved({}, at, tuple(refs))


def pointer(*parts: str) -> str:
    """The JSON pointer of a place: `pointer("paths", "/a/b")` is `/paths/~1a~1b`."""
    return "".join("/" + part.replace("~", "~0").replace("/", "~1") for part in parts)


def pointer_parts(at: str) -> tuple[str, ...]:
    """The keys of a JSON pointer, unescaped; () for the document itself."""
    return tuple(part.replace("~1", "/").replace("~0", "~") for part in at.split("/")[1:]) if at else ()
