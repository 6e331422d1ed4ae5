"""Apply OpenAPI Overlay 1.0 documents to an OpenAPI description.

Semantics, per the Overlay Specification 1.0.0, with the choices it leaves open made explicit:
- Actions run in order; each sees the document as the earlier actions left it.
- `target` is an RFC 9535 JSONPath. A target that selects nothing is an error: an overlay
  whose spec moved on must fail the build, not silently do nothing.
- `remove: true` removes every selected node from its parent; `remove: false` removes nothing.
- `update` on a selected object merges recursively: nested objects merge key by key, while
  arrays and scalar values in the update replace what was there (so a `required` list is
  replaced, never concatenated into duplicates). `update` on a selected array appends the
  update value to it, as the specification says.
- The input document is never mutated; a new document is returned.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jsonpath_rfc9535 as jsonpath
import yaml

SUPPORTED_VERSIONS = ("1.0.0",)


class OverlayError(Exception):
    """An overlay that is malformed or does not apply. The message names the file and action."""


def load_overlay(path: Path) -> dict[str, Any]:
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise OverlayError(f"{path}: not valid YAML: {error}") from error
    _check_overlay_document(document, str(path))
    return document  # type: ignore[no-any-return]


def apply_overlay(document: Any, overlay: dict[str, Any], source: str = "<overlay>") -> Any:
    """Return a copy of `document` with every action of `overlay` applied."""
    _check_overlay_document(overlay, source)
    result = copy.deepcopy(document)
    for index, action in enumerate(overlay["actions"]):
        where = f"{source}: action {index + 1} (target {action['target']!r})"
        result = _apply_action(result, action, where)
    return result


def apply_overlays(document: Any, paths: Sequence[Path]) -> Any:
    """Apply overlay files in the order given."""
    for path in paths:
        document = apply_overlay(document, load_overlay(path), str(path))
    return document


def _check_overlay_document(overlay: Any, source: str) -> None:
    if not isinstance(overlay, dict):
        raise OverlayError(f"{source}: an overlay must be a mapping")
    if overlay.get("overlay") not in SUPPORTED_VERSIONS:
        raise OverlayError(f"{source}: `overlay` must be one of {SUPPORTED_VERSIONS}, found {overlay.get('overlay')!r}")
    info = overlay.get("info")
    if not isinstance(info, dict) or not info.get("title") or not info.get("version"):
        raise OverlayError(f"{source}: `info` needs a title and a version")
    actions = overlay.get("actions")
    if not isinstance(actions, list) or not actions:
        raise OverlayError(f"{source}: `actions` must be a non-empty list")
    for index, action in enumerate(actions):
        where = f"{source}: action {index + 1}"
        if not isinstance(action, dict) or not isinstance(action.get("target"), str):
            raise OverlayError(f"{where}: needs a string `target`")
        if "update" not in action and "remove" not in action:
            raise OverlayError(f"{where}: needs `update` or `remove`")
        if "remove" in action and not isinstance(action["remove"], bool):
            raise OverlayError(f"{where}: `remove` must be true or false")


def _apply_action(document: Any, action: dict[str, Any], where: str) -> Any:
    try:
        nodes = jsonpath.find(action["target"], document)
    except jsonpath.JSONPathError as error:
        raise OverlayError(f"{where}: invalid JSONPath: {error}") from error
    if not nodes:
        raise OverlayError(f"{where}: the target matches nothing in the document")
    locations = [tuple(node.location) for node in nodes]
    if action.get("remove") is True:
        if () in locations:
            raise OverlayError(f"{where}: cannot remove the document root")
        # Deepest and last first, so that removing one array element does not shift the next.
        for location in sorted(locations, key=lambda loc: (len(loc), loc), reverse=True):
            parent = _node_at(document, location[:-1])
            del parent[location[-1]]
        return document
    if "update" in action:
        for location in locations:
            target = _node_at(document, location)
            updated = _updated(target, action["update"], where)
            if location == ():
                document = updated
            else:
                _node_at(document, location[:-1])[location[-1]] = updated
    return document


def _node_at(document: Any, location: tuple[Any, ...]) -> Any:
    node = document
    for key in location:
        node = node[key]
    return node


def _updated(target: Any, update: Any, where: str) -> Any:
    if isinstance(target, list):
        return [*target, copy.deepcopy(update)]
    if isinstance(target, dict):
        if not isinstance(update, dict):
            raise OverlayError(f"{where}: the target is an object, so `update` must be an object")
        return _merge(target, update)
    raise OverlayError(f"{where}: the target is a {type(target).__name__}; only objects and arrays can be updated")


def _merge(target: dict[str, Any], update: dict[str, Any]) -> dict[str, Any]:
    merged = dict(target)
    for key, value in update.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged
