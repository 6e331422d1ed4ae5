"""The spec classifier, rule by rule, on the small spec pairs of spec_changes.yaml; and on the real spec."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts.openapi_spec import SPEC_PATH, load_spec
from scripts.spec_diff import classify

CASES_FILE = Path(__file__).with_name("spec_changes.yaml")
CASES = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))


def _parts(pointer: str) -> list[str]:
    return [part.replace("~1", "/").replace("~0", "~") for part in pointer.split("/")[1:]]


def _node(document: Any, pointer: str) -> Any:
    for part in _parts(pointer):
        document = document[int(part)] if isinstance(document, list) else document[part]
    return document


def _apply(base: dict[str, Any], edits: list[dict[str, Any]]) -> dict[str, Any]:
    """Edits are {remove: POINTER} or {at: POINTER, set: VALUE}; {$copy: POINTER} copies a node of the base."""
    head = copy.deepcopy(base)
    for edit in edits:
        pointer = str(edit.get("remove", edit.get("at")))
        *parents, last = _parts(pointer)
        parent = _node(head, "".join("/" + p.replace("~", "~0").replace("/", "~1") for p in parents))
        if "remove" in edit:
            del parent[int(last) if isinstance(parent, list) else last]
            continue
        value = edit["set"]
        if isinstance(value, dict) and set(value) == {"$copy"}:
            value = copy.deepcopy(_node(base, value["$copy"]))
        if isinstance(parent, list) and int(last) == len(parent):
            parent.append(value)
        elif isinstance(parent, list):
            parent[int(last)] = value
        else:
            parent[last] = value
    return head


@pytest.mark.parametrize("case", CASES["cases"], ids=[case["name"] for case in CASES["cases"]])
def test_each_rule_classifies_its_change(case: dict[str, Any]) -> None:
    head = _apply(CASES["base"], case["edits"])
    found = classify(CASES["base"], head).changes
    got = sorted((change.kind, change.why) for change in found)
    expected = sorted((kind, why) for kind, why in case["expect"])
    assert len(got) == len(expected), "\n".join(change.line() for change in found)
    for (got_kind, got_why), (kind, why) in zip(got, expected, strict=True):
        assert (got_kind, got_why[: len(why)]) == (kind, why), "\n".join(change.line() for change in found)


def test_every_kind_and_every_rule_of_the_issue_has_a_case() -> None:
    kinds = {kind for case in CASES["cases"] for kind, _ in case["expect"]}
    assert kinds == {"breaking", "additive", "internal"}
    assert len(CASES["cases"]) >= 35


def test_a_change_names_its_place_in_the_spec_and_the_operation() -> None:
    head = _apply(CASES["base"], [{"remove": "/components/schemas/Thing/properties/note"}])
    [change] = classify(CASES["base"], head).changes
    assert change.pointer == "/components/schemas/Thing/properties/note"
    # Thing answers both operations: one change, named once with the other place counted.
    assert change.where.startswith("createThing response 200: note") and "1 other place" in change.where


def test_the_real_spec_against_itself_has_no_change() -> None:
    spec = load_spec(SPEC_PATH)
    assert classify(spec, copy.deepcopy(spec)).changes == []


def test_on_the_real_spec_a_removed_answer_field_is_breaking_and_a_new_description_internal() -> None:
    spec = load_spec(SPEC_PATH)
    head = copy.deepcopy(spec)
    del head["components"]["schemas"]["SmsCampaign"]["properties"]["custom_string"]
    head["components"]["schemas"]["SmsCampaign"]["description"] = "changed"
    result = classify(spec, head)
    assert [(c.kind, c.pointer) for c in result.changes] == [
        ("breaking", "/components/schemas/SmsCampaign/properties/custom_string"),
        ("internal", "/components/schemas/SmsCampaign/description"),
    ]
    assert result.worst == "breaking"
