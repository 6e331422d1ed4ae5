"""Load the hand-written spec and check that it is valid OpenAPI, naming the place of any fault."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

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
