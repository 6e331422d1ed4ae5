"""Answers are read tolerantly and strictly: every field the spec declares, in every operation's answer,
may be missing or null (it then reads None), except the campaign id; a value of a type the spec does
not allow raises MalformedResponseError naming the operation and the field.

The fields are not listed here: they are taken from the spec's own success examples and schemas,
so a field added to the spec is tried without touching this file.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from clicksend_sms_campaigns import MalformedResponseError
from clicksend_sms_campaigns.models import SmsCampaign, SmsCampaignSendWrapper

from scripts.contract import speclib
from scripts.openapi_spec import resolve
from tests.client.fakes import SPEC, FakeClickSend
from tests.client.test_client import OPERATIONS

CAMPAIGN_ID = "sms_campaign_id"
# A value of each JSON type; a field gets the first whose type its schema does not allow.
WRONG_VALUES: list[tuple[str, Any]] = [
    ("array", [1]),
    ("object", {"k": 1}),
    ("string", "text"),
    ("boolean", True),
    ("number", 1.5),
]


def _success_examples() -> Iterator[tuple[str, str, dict[str, Any], str]]:
    """(operationId, example name, answer, JSON pointer of the answer's schema) for every success example."""
    for path, method, operation in speclib.iter_operations(SPEC):
        content = operation["responses"]["200"]["content"]["application/json"]
        pointer = speclib.pointer("paths", path, method, "responses", "200", "content", "application/json", "schema")
        for name, example in content["examples"].items():
            yield operation["operationId"], name, example["value"], pointer


def _resolve(schema: Any) -> Any:
    return resolve(SPEC, schema).node


def _property_schema(schema: Any, key: str, value: Any) -> Any:
    """The schema of `key` inside an object of `schema` (through allOf and the anyOf branch `value` fits)."""
    schema = _resolve(schema)
    for part in schema.get("allOf", []):
        found = _property_schema(part, key, value)
        if found is not None:
            return found
    if key in schema.get("properties", {}):
        return schema["properties"][key]
    for branch in schema.get("anyOf", []):
        branch = _resolve(branch)
        if key in branch.get("properties", {}) and all(name in value for name in branch.get("required", [])):
            return branch["properties"][key]
    return None


def _allowed_types(schema: Any) -> set[str]:
    schema = _resolve(schema)
    types = schema.get("type")
    allowed = set(types if isinstance(types, list) else [types] if types else [])
    for branch in schema.get("anyOf", []) + schema.get("allOf", []):
        allowed |= _allowed_types(branch)
    if "properties" in schema or "allOf" in schema:
        allowed.add("object")
    if "integer" in allowed:
        allowed.add("number_integer")  # 1.5 is still a wrong type for an integer
    return allowed or {"array", "object", "string", "boolean", "number", "null"}  # no type: anything goes


def _fields(value: Any, schema: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """(path, schema) of every field in an example answer, depth first."""
    if isinstance(value, dict):
        for key, item in value.items():
            sub = _property_schema(schema, key, value)
            if sub is None:
                continue
            yield (*path, key), sub
            yield from _fields(item, sub, (*path, key))
    elif isinstance(value, list):
        items = _resolve(schema).get("items") or next(
            (_resolve(b)["items"] for b in _resolve(schema).get("anyOf", []) if "items" in _resolve(b)), None
        )
        for index, item in enumerate(value[:1]):
            yield from _fields(item, items, (*path, index))


def _dotted(path: tuple[Any, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _cases() -> Iterator[Any]:
    for operation, example, answer, pointer in _success_examples():
        for path, schema in _fields(answer, {"$ref": "#" + pointer}):
            if path == ("data",) and isinstance(answer.get("data"), dict) and "sms_campaign" in answer["data"]:
                schema = {"type": "object"}
            wrong = next(v for t, v in WRONG_VALUES if t not in _allowed_types(schema))
            yield pytest.param(operation, example, path, wrong, id=f"{operation}:{example}:{_dotted(path)}")


def _answer(operation: str, example: str, change: Any) -> Any:
    answer = copy.deepcopy(next(a for op, name, a, _ in _success_examples() if (op, name) == (operation, example)))
    change(answer)
    return answer


def _call(operation: str, answer: Any) -> Any:
    module, kwargs, *_ = OPERATIONS[operation]
    fake = FakeClickSend().then(httpx.Response(200, json=answer))
    with fake.client() as client:
        return module.sync(client=client, **kwargs)


def _at(answer: Any, path: tuple[Any, ...]) -> tuple[Any, Any]:
    holder = answer
    for part in path[:-1]:
        holder = holder[part]
    return holder, path[-1]


def _required(schema: Any) -> set[str]:
    schema = _resolve(schema)
    return set(schema.get("required", [])).union(*(_required(part) for part in schema.get("allOf", [])))


def _answer_requires_data(operation_id: str) -> bool:
    """Whether the spec's success answer of the operation requires `data` (the campaign it returns)."""
    operation = next(op for _, _, op in speclib.iter_operations(SPEC) if op["operationId"] == operation_id)
    return "data" in _required(operation["responses"]["200"]["content"]["application/json"]["schema"])


def _must_be_present(operation: str, path: tuple[Any, ...]) -> bool:
    """The campaign id, and the campaign that carries it, are the only fields a reader cannot do without."""
    return path[-1] == CAMPAIGN_ID or (
        _answer_requires_data(operation) and path in (("data",), ("data", "sms_campaign"))
    )


def _python_name(wire: str) -> str:
    return "from_" if wire == "from" else wire.lstrip("_")


def _read(model: Any, path: tuple[Any, ...]) -> Any:
    """The attribute a wire path reads as: the nested send answer's campaign is `data`, and the
    other fields of its wrapper are on `data_wrapper`."""
    value = model
    if getattr(model, "data_wrapper", None) is not None and len(path) > 1 and path[1] != "sms_campaign":
        value, path = model.data_wrapper, path[1:]
    for part in path:
        if part == "sms_campaign" and isinstance(value, SmsCampaign):
            continue
        value = value[part] if isinstance(part, int) else getattr(value, _python_name(part))
    return value


CASES = list(_cases())


def test_the_cases_cover_every_operation_and_both_send_shapes() -> None:
    ids = [case.id for case in CASES]
    for operation in OPERATIONS:
        assert any(i.startswith(operation + ":") for i in ids), operation
    assert any(":observedNestedResponse:data.sms_campaign.senders" in i for i in ids)
    assert any(":referenceResponse:data.senders" in i for i in ids)
    assert any(i.startswith("calculate_sms_campaign_price:") and i.endswith(".total_price") for i in ids)
    assert len(CASES) > 150


@pytest.mark.parametrize(("operation", "example", "path", "wrong"), CASES)
@pytest.mark.parametrize("how", ["missing", "null"])
def test_a_missing_or_null_field_reads_none(
    operation: str, example: str, path: tuple[Any, ...], wrong: Any, how: str
) -> None:
    def change(answer: Any) -> None:
        holder, key = _at(answer, path)
        if how == "missing" and isinstance(key, str):
            del holder[key]
        else:
            holder[key] = None

    answer = _answer(operation, example, change)
    if _must_be_present(operation, path):
        with pytest.raises(MalformedResponseError) as raised:
            _call(operation, answer)
        # Without `sms_campaign`, a send answer reads as the flat shape, which lacks the id.
        assert raised.value.field in (_dotted(path), _dotted(path) + "_id"), str(raised.value)
        return
    if isinstance(path[-1], int):
        return  # a null item of a list is a wrong type, tried below
    parsed = _call(operation, answer)
    assert _read(parsed, path) is None


@pytest.mark.parametrize(("operation", "example", "path", "wrong"), CASES)
def test_a_value_of_another_type_is_a_malformed_response_naming_operation_and_field(
    operation: str, example: str, path: tuple[Any, ...], wrong: Any
) -> None:
    def change(answer: Any) -> None:
        holder, key = _at(answer, path)
        holder[key] = wrong

    answer = _answer(operation, example, change)
    if path == ("data",) and operation in ("list_sms_campaigns", "calculate_sms_campaign_price"):
        pass  # a page or price that is an array is as wrong as any
    with pytest.raises(MalformedResponseError) as raised:
        _call(operation, answer)
    error = raised.value
    assert (error.operation, error.field) == (operation, _dotted(path)), str(error)
    assert operation in str(error) and _dotted(path) in str(error)
    assert error.status == 200


@pytest.mark.parametrize(("value", "read"), [(2286887, 2286887), ("2286887", 2286887), ("007", 7)])
def test_the_campaign_id_is_an_integer_or_a_string_of_digits(value: Any, read: int) -> None:
    answer = _answer("get_sms_campaign", "referenceResponse", lambda a: a["data"].update(sms_campaign_id=value))
    assert _call("get_sms_campaign", answer).data.sms_campaign_id == read


@pytest.mark.parametrize("value", ["", "12a", "²", "-4", " 7", "1" * 40])
@pytest.mark.parametrize("operation", ["get_sms_campaign", "send_sms_campaign", "list_sms_campaigns"])
def test_a_campaign_id_that_is_not_digits_is_malformed(operation: str, value: str) -> None:
    def change(answer: Any) -> None:
        campaign = answer["data"]["data"][0] if operation == "list_sms_campaigns" else answer["data"]
        campaign = campaign.get("sms_campaign", campaign)
        campaign["sms_campaign_id"] = value

    example = "referenceDataExample" if operation == "list_sms_campaigns" else "referenceResponse"
    with pytest.raises(MalformedResponseError) as raised:
        _call(operation, _answer(operation, example, change))
    assert raised.value.field is not None and raised.value.field.endswith("sms_campaign_id")


def test_both_send_shapes_give_the_campaign_as_data_and_keep_the_wrapper() -> None:
    flat = _call("send_sms_campaign", _answer("send_sms_campaign", "referenceResponse", lambda a: None))
    assert isinstance(flat.data, SmsCampaign) and flat.data.sms_campaign_id == 7
    assert flat.data_wrapper is None

    def with_more(answer: Any) -> None:
        answer["data"]["blocked_count"] = 0

    nested = _call("send_sms_campaign", _answer("send_sms_campaign", "observedNestedResponse", with_more))
    assert isinstance(nested.data, SmsCampaign)
    assert (nested.data.sms_campaign_id, nested.data.status, nested.data.senders) == (2286887, "Scheduled", None)
    assert isinstance(nested.data_wrapper, SmsCampaignSendWrapper)
    assert nested.data_wrapper.total_count == 4
    assert nested.data_wrapper.additional_properties == {"blocked_count": 0}
    assert nested.data_wrapper.sms_campaign.sms_campaign_id == 2286887


def test_a_sender_without_its_country_and_null_senders_read() -> None:
    def change(answer: Any) -> None:
        answer["data"]["data"][0]["senders"] = [{"sender_id": "+61411111111", "sender_country_code": "AU"}, {}]

    page = _call("list_sms_campaigns", _answer("list_sms_campaigns", "referenceDataExample", change)).data
    first, second = page.data[0].senders
    assert (first.sender_id, first.recipient_country_code, first.sender_country_code) == ("+61411111111", None, "AU")
    assert second.to_dict() == {}


def test_to_dict_leaves_out_what_reads_none_and_keeps_unknown_fields() -> None:
    campaign = SmsCampaign.from_dict({"sms_campaign_id": 5, "name": None, "colour": "red"})
    assert (campaign.name, campaign.status) == (None, None)
    assert campaign.to_dict() == {"sms_campaign_id": 5, "colour": "red"}
