"""Judge recorded evidence against the current spec and the generated client.

Nothing here sends a request or generates one: the checks read what was recorded. That is why
replay does not break when a test file is edited, a helper gains a string literal, or hypothesis
or schemathesis get a patch upgrade; and why a spec change is judged against the recorded
answers rather than met with "please re-record".
"""

from __future__ import annotations

import importlib
import json
import re
from collections import Counter
from decimal import Decimal
from typing import Any

import httpx
from clicksend_sms_campaigns import OPERATIONS, ClickSendError, analyze_message, parse_search_query

from scripts.contract import speclib
from scripts.openapi_spec import resolve

#: The generated module of each operation, whose parser judges what was recorded.
OPERATION_MODULES: dict[str, Any] = {
    operation.id: importlib.import_module(operation.module) for operation in OPERATIONS
}
UNDECLARED = "(undeclared method or path)"
SERVER_PREFIX = "/v3"


def find_operation(spec: dict[str, Any], method: str, path: str) -> tuple[str, str] | None:
    """(operationId, path template) for a recorded request, or None for an undeclared one."""
    relative = path.removeprefix(SERVER_PREFIX)
    for template, item in spec["paths"].items():
        pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+", re.escape(template).replace(r"\{", "{").replace(r"\}", "}")) + "$"
        if re.match(pattern, relative) and method.lower() in item:
            return item[method.lower()]["operationId"], template
    return None


def check_interaction(spec: dict[str, Any], interaction: dict[str, Any], where: str) -> tuple[str, list[str]]:
    """(operation, problems) for one recorded interaction."""
    request, response = interaction["request"], interaction["response"]
    status, body = response["status"], response["body"]
    found = find_operation(spec, request["method"], request["path"])
    if found is None:
        problems = [] if status in (404, 405) else [f"{where}: {request['method']} {request['path']} got HTTP {status}"]
        if status == 405 and "allow" not in response["headers"]:
            problems.append(f"{where}: 405 without an Allow header")
        return UNDECLARED, problems + _schema_problems(spec, "#/components/schemas/ErrorEnvelope", body, where)
    operation_id, template = found
    label = f"{operation_id} ({where})"
    responses = spec["paths"][template][request["method"].lower()]["responses"]
    if str(status) not in responses:
        return operation_id, [f"{label}: HTTP {status} is not declared for this operation"]
    declared, at = speclib.resolve_at(
        spec, responses[str(status)], ("paths", template, request["method"].lower(), "responses", str(status))
    )
    problems = []
    if "application/json" in declared.get("content", {}):
        pointer = speclib.pointer(*at, "content", "application/json", "schema")
        problems += _schema_problems(spec, "#" + pointer, body, label)
    problems += _client_problems(operation_id, interaction, label, spec)
    return operation_id, problems


def _schema_problems(spec: dict[str, Any], ref: str, body: Any, label: str) -> list[str]:
    if isinstance(body, dict) and set(body) == {"raw"}:
        return [f"{label}: the answer is not JSON"]
    validator = _validator(spec, ref.removeprefix("#"))
    problems = []
    for error in validator.iter_errors(body):
        error = _deepest(error)
        where = "/".join(str(part) for part in error.absolute_path) or "(whole body)"
        problems.append(f"{label}: response at {where}: {error.message[:200]}")
    return problems


def _deepest(error: Any) -> Any:
    """For a value that fits none of an anyOf's branches, the branch's error that reaches deepest,
    so the problem names the field (`data/sms_campaign/senders`) rather than the whole `data`."""
    while error.context:
        error = max(error.context, key=lambda sub: len(sub.absolute_path))
    return error


_VALIDATORS: dict[tuple[int, str], tuple[dict[str, Any], Any]] = {}


def _validator(spec: dict[str, Any], pointer: str) -> Any:
    """One validator per spec object and schema, reused across thousands of interactions."""
    key = (id(spec), pointer)
    cached = _VALIDATORS.get(key)
    if cached is None or cached[0] is not spec:  # the spec kept alive in the cache, so ids cannot be reused
        cached = _VALIDATORS[key] = (spec, speclib.schema_validator(spec, pointer))
    return cached[1]


def parse_recorded(operation_id: str, interaction: dict[str, Any]) -> Any:
    """What the generated client makes of a recorded answer: its model, or the ClickSendError it raises."""
    request, recorded = interaction["request"], interaction["response"]
    body = recorded["body"]
    content = body["raw"].encode() if isinstance(body, dict) and set(body) == {"raw"} else json.dumps(body).encode()
    response = httpx.Response(
        recorded["status"],
        content=content,
        headers=recorded["headers"],
        request=httpx.Request(request["method"], "http://replay.invalid" + request["path"]),
    )
    return OPERATION_MODULES[operation_id]._parse_response(response)


def _client_problems(
    operation_id: str, interaction: dict[str, Any], label: str, spec: dict[str, Any] | None = None
) -> list[str]:
    """The generated client must parse every recorded success (reading every field the spec declares
    into its attribute) and raise ClickSendError for every error."""
    status = interaction["response"]["status"]
    success = 200 <= status < 300
    try:
        parsed = parse_recorded(operation_id, interaction)
    except ClickSendError as error:
        return (
            []
            if not success
            else [f"{label}: the client raised {type(error).__name__} for a recorded success: {error}"]
        )
    except Exception as error:  # anything else is a client bug
        return [f"{label}: the client raised {type(error).__name__}, not a ClickSendError: {error}"]
    if not success:
        return [f"{label}: the client returned a model for recorded HTTP {status}"]
    unread = [] if spec is None else unread_fields(spec, parsed.parsed if hasattr(parsed, "parsed") else parsed)
    return [f"{label}: the client did not read the declared field {field}" for field in unread]


def unread_fields(spec: dict[str, Any], model: Any, where: str = "") -> list[str]:
    """Fields the spec declares for a model's schema that the model kept among its unknown fields
    instead of its attributes (such as `currency`, the older name of `_currency`), at any depth."""
    schemas = spec["components"]["schemas"]
    found: list[str] = []
    extras = getattr(model, "additional_properties", None)
    name = type(model).__name__
    if isinstance(extras, dict) and name in schemas:
        declared = _declared_properties(spec, schemas[name])
        found += [f"{where}{key}" for key in sorted(declared & set(extras))]
    for field in getattr(model, "__attrs_attrs__", ()):
        attribute, value = field.name, getattr(model, field.name)
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            if hasattr(item, "__attrs_attrs__"):
                at = f"{where}{attribute}" + (f"[{index}]" if isinstance(value, list) else "")
                found += unread_fields(spec, item, at + ".")
    return found


def _declared_properties(spec: dict[str, Any], schema: dict[str, Any]) -> set[str]:
    schema = resolve(spec, schema).node
    names = set(schema.get("properties") or {})
    for part in schema.get("allOf") or []:
        names |= _declared_properties(spec, part)
    return names


def check_all(spec: dict[str, Any], interactions: list[tuple[str, dict[str, Any]]]) -> tuple[Counter[str], list[str]]:
    """Per-operation counts and every problem, for (place, interaction) pairs."""
    counts: Counter[str] = Counter()
    problems: list[str] = []
    for where, interaction in interactions:
        operation, found = check_interaction(spec, interaction, where)
        counts[operation] += 1
        problems += found
    return counts, problems


# --- Properties, over the recorded answers -----------------------------------------------


def _scenario(interactions: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    return [i for i in interactions if i["scenario"] == name]


def price_problems(interactions: list[dict[str, Any]]) -> tuple[int, list[str]]:
    """analyze_message's parts x the one-part price of the list == the server's price, for every body."""
    [calibration] = _scenario(interactions, "price-calibration")
    one_part = Decimal(str(calibration["response"]["body"]["data"]["total_price"]))
    problems = []
    priced = _scenario(interactions, "price")
    for interaction in priced:
        body = interaction["request"]["body"]["body"]
        total = Decimal(str(interaction["response"]["body"]["data"]["total_price"]))
        analysis = analyze_message(body)
        if analysis.parts * one_part != total:
            server_parts = total / one_part
            problems.append(
                f"price of {body!r}: client says {analysis.encoding}, {analysis.length} characters, "
                f"{analysis.parts} part(s); the server's price means {server_parts} part(s)"
            )
    return len(priced), problems


def sent_campaign(answer: dict[str, Any]) -> dict[str, Any]:
    """The campaign of a send answer, in either shape (`data`, or `data.sms_campaign`)."""
    data: dict[str, Any] = answer["data"]
    return data["sms_campaign"] if "sms_campaign" in data and "sms_campaign_id" not in data else data


def send_answer_shapes(interactions: list[dict[str, Any]]) -> set[str]:
    """The shapes ("flat", "nested") of the successful send answers among recorded interactions."""
    shapes = set()
    for interaction in interactions:
        request, response = interaction["request"], interaction["response"]
        if (
            request["method"] == "POST"
            and request["path"].endswith("/sms-campaigns/send")
            and response["status"] == 200
        ):
            data = response["body"].get("data") if isinstance(response["body"], dict) else None
            if isinstance(data, dict):
                shapes.add("nested" if "sms_campaign" in data and "sms_campaign_id" not in data else "flat")
    return shapes


def documented_match(campaign: dict[str, Any], conditions: list[tuple[str, str]]) -> bool:
    """All conditions hold: case-insensitive, empty value matches any, text matches by substring."""
    return all(
        value == "" or value.casefold() in str(campaign.get(field, "")).casefold() for field, value in conditions
    )


def search_problems(interactions: list[dict[str, Any]]) -> tuple[int, list[str]]:
    """Each search returns exactly this run's campaigns that match it."""
    campaigns = [sent_campaign(i["response"]["body"]) for i in _scenario(interactions, "search-setup")]
    created = {campaign["sms_campaign_id"]: campaign for campaign in campaigns}
    problems = []
    searches = _scenario(interactions, "search")
    for interaction in searches:
        q = interaction["request"]["query"]["q"]
        conditions = parse_search_query(q)
        expected = {cid for cid, campaign in created.items() if documented_match(campaign, conditions)}
        returned = {c["sms_campaign_id"] for c in interaction["response"]["body"]["data"]["data"]}
        if returned != expected:
            problems.append(f"q={q!r}: expected campaigns {sorted(expected)}, the server returned {sorted(returned)}")
    return len(searches), problems


def limit_problems(interactions: list[dict[str, Any]]) -> tuple[int, list[str]]:
    """Every documented limit (the spec's bounds, 15..100) was accepted and honoured in per_page."""
    problems = []
    seen = set()
    for interaction in _scenario(interactions, "limit"):
        limit = int(interaction["request"]["query"]["limit"])
        seen.add(limit)
        response = interaction["response"]
        per_page = response["body"]["data"]["per_page"] if response["status"] == 200 else None
        if per_page != limit:
            problems.append(f"limit={limit}: HTTP {response['status']}, per_page {per_page}")
    documented = speclib.DOCUMENTED_LIMITS
    if seen != set(documented):
        problems.append(
            f"limits recorded: {sorted(seen)}; expected every one of {documented.start}..{documented.stop - 1}"
        )
    return len(seen), problems
