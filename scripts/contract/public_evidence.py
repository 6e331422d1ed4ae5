"""Judge the public evidence (contract_tests/evidence/public/*.json) with the cassettes' checks.

A sample is what someone else's integration exchanged with the live ClickSend API (samples.json),
or what ClickSend's own documentation and SDKs show and send (reference-samples.json). An answer
must satisfy the current spec and be read by the generated client, every field it declares into
its attribute; a request must satisfy the current spec's request schema (a list request: its
query parameters) and leave the generated client unchanged and unrefused. See the README beside
the samples.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from clicksend_sms_campaigns import ClickSendClient, ClickSendError, RetryPolicy
from clicksend_sms_campaigns.api.sms_campaigns import (
    calculate_sms_campaign_price,
    send_sms_campaign,
    update_sms_campaign,
)
from clicksend_sms_campaigns.models import SmsCampaignPriceRequest, SmsCampaignSendRequest, SmsCampaignUpdateRequest

from scripts.contract import evidence_checks, speclib
from scripts.openapi_spec import resolve

EVIDENCE = Path(__file__).resolve().parents[2] / "contract_tests" / "evidence" / "public"
#: Captured from the live API first, then ClickSend's documentation examples and SDK defaults.
SAMPLE_FILES = (EVIDENCE / "samples.json", EVIDENCE / "reference-samples.json")
#: The campaign id put into a path when a sample's operation needs one.
PATH_CAMPAIGN_ID = 7

# How the generated client sends each operation that has a request body.
_SENDERS: dict[str, tuple[Any, type[Any], dict[str, Any]]] = {
    "send_sms_campaign": (send_sms_campaign, SmsCampaignSendRequest, {}),
    "calculate_sms_campaign_price": (calculate_sms_campaign_price, SmsCampaignPriceRequest, {}),
    "update_sms_campaign": (update_sms_campaign, SmsCampaignUpdateRequest, {"sms_campaign_id": PATH_CAMPAIGN_ID}),
}


@dataclass(frozen=True)
class Sample:
    index: int
    data: dict[str, Any]

    @property
    def label(self) -> str:
        """How problems name the sample: its place in the file, its kind and operation, and its source."""
        source = self.data["source"].split(" ")[0]
        return f"public sample #{self.index} ({self.data['kind']} of {self.data['operation']}, {source})"


def load_samples(paths: tuple[Path, ...] = SAMPLE_FILES) -> list[Sample]:
    """Every sample, numbered through the files in order."""
    found = [data for path in paths for data in json.loads(path.read_text(encoding="utf-8"))]
    return [Sample(index, data) for index, data in enumerate(found)]


def operation_route(spec: dict[str, Any], operation_id: str) -> tuple[str, str]:
    """(METHOD, request path) for an operation, with a campaign id filled into the path."""
    for path, method, operation in speclib.iter_operations(spec):
        if operation.get("operationId") == operation_id:
            concrete = path.replace("{sms_campaign_id}", str(PATH_CAMPAIGN_ID))
            return method.upper(), evidence_checks.SERVER_PREFIX + concrete
    raise KeyError(f"the spec has no operation {operation_id!r}")


def answer_body(sample: Sample) -> Any:
    """The whole answer: a published fragment is put back at its place inside an envelope."""
    body = sample.data["body"]
    fragment = sample.data.get("fragment")
    if not fragment:
        return body
    for key in reversed(fragment.split(".")):
        body = {key: body}
    return body


def expected_campaign_id(body: Any) -> Any:
    """The campaign id an answer carries, at data or at data.sms_campaign; None when it carries none."""
    data = body.get("data") if isinstance(body, dict) else None
    if isinstance(data, dict) and isinstance(data.get("sms_campaign"), dict):
        data = data["sms_campaign"]
    return data.get("sms_campaign_id") if isinstance(data, dict) else None


def response_problems(spec: dict[str, Any], sample: Sample) -> list[str]:
    method, path = operation_route(spec, sample.data["operation"])
    body = answer_body(sample)
    interaction = {
        "request": {"method": method, "path": path, "query": {}, "auth": True, "body": None},
        "response": {"status": sample.data["status"], "headers": {"content-type": "application/json"}, "body": body},
    }
    _, problems = evidence_checks.check_interaction(spec, interaction, sample.label)
    wanted = expected_campaign_id(body)
    if not problems and 200 <= sample.data["status"] < 300 and wanted is not None:
        parsed = evidence_checks.parse_recorded(sample.data["operation"], interaction)
        got = getattr(getattr(parsed, "data", None), "sms_campaign_id", None)
        if got != wanted:
            problems.append(f"{sample.label}: the client read the campaign id as {got!r}, the answer says {wanted!r}")
    return problems


def sent_by_the_client(operation_id: str, body: dict[str, Any]) -> tuple[Any, list[str]]:
    """What the generated client puts on the wire for a request built from `body`, and its warnings.

    Raises the ClickSendError the client raises when it refuses the request.
    """
    module, model, path_parameters = _SENDERS[operation_id]
    sent: list[bytes] = []

    def capture(request: httpx.Request) -> httpx.Response:
        sent.append(request.read())
        return httpx.Response(500, json={"http_code": 500, "response_code": "INTERNAL_ERROR", "response_msg": ""})

    with warnings.catch_warnings(record=True) as caught, _capturing_client(capture) as client:
        warnings.simplefilter("always")
        request_model = model.from_dict(body)
        try:
            module.sync(client=client, body=request_model, **path_parameters)
        except ClickSendError:
            if not sent:
                raise
    return (json.loads(sent[0]) if sent else None), [str(warning.message) for warning in caught]


def query_problems(spec: dict[str, Any], sample: Sample) -> list[str]:
    """A list request: each query parameter satisfies its schema (read from the wire's text as a
    server does), and the generated client sends the same query, refusing nothing."""
    label, operation_id, query = sample.label, sample.data["operation"], sample.data["query"]
    declared = {name: _parameter_schema(spec, operation_id, name) for name in query}
    problems, arguments = [], {}
    for name, value in query.items():
        schema = declared[name]
        if schema is None:
            problems.append(f"{label}: the spec has no query parameter {name!r}")
            continue
        resolved = resolve(spec, schema).node
        typed = int(value) if resolved.get("type") == "integer" and str(value).lstrip("-").isdigit() else value
        for error in speclib.schema_validator_for(spec, schema).iter_errors(typed):
            problems.append(f"{label}: the spec refuses the query parameter {name}={value!r}: {error.message[:200]}")
        arguments[name] = typed
    if problems:
        return problems
    try:
        sent, _warnings = _sent_query(operation_id, arguments)
    except ClickSendError as error:
        return [f"{label}: the client refused it: {type(error).__name__}: {error}"]
    wanted = {name: str(value) for name, value in query.items()}
    if sent != wanted:
        problems.append(f"{label}: the client sent the query {sent}, not {wanted}")
    return problems


def _parameter_schema(spec: dict[str, Any], operation_id: str, name: str) -> dict[str, Any] | None:
    for path, _, operation in speclib.iter_operations(spec):
        if operation.get("operationId") != operation_id:
            continue
        for parameter in [*spec["paths"][path].get("parameters", []), *operation.get("parameters", [])]:
            parameter = resolve(spec, parameter).node
            if parameter["name"] == name and parameter["in"] == "query":
                schema: dict[str, Any] = parameter["schema"]
                return schema
    return None


def _sent_query(operation_id: str, arguments: dict[str, Any]) -> tuple[dict[str, str], list[str]]:
    """The query the generated client sends for these arguments, and its warnings."""
    sent: list[dict[str, str]] = []

    def capture(request: httpx.Request) -> httpx.Response:
        sent.append(dict(request.url.params))
        return httpx.Response(500, json={"http_code": 500, "response_code": "INTERNAL_ERROR", "response_msg": ""})

    with warnings.catch_warnings(record=True) as caught, _capturing_client(capture) as client:
        warnings.simplefilter("always")
        try:
            evidence_checks.OPERATION_MODULES[operation_id].sync(client=client, **arguments)
        except ClickSendError:
            if not sent:
                raise
    return sent[0], [str(warning.message) for warning in caught]


def _capturing_client(capture: Any) -> ClickSendClient:
    return ClickSendClient(
        "evidence",
        "evidence",
        base_url="https://clicksend.evidence.invalid/v3",
        transport=httpx.MockTransport(capture),
        retry_policy=RetryPolicy(max_retries=0),
    )


def request_problems(spec: dict[str, Any], sample: Sample) -> list[str]:
    if sample.data.get("query") is not None:
        return query_problems(spec, sample)
    label, operation_id, body = sample.label, sample.data["operation"], sample.data["body"]
    problems = []
    method, path = operation_route(spec, operation_id)
    found = evidence_checks.find_operation(spec, method, path)
    assert found is not None
    template = found[1]
    schema = spec["paths"][template][method.lower()]["requestBody"]["content"]["application/json"]["schema"]
    validator = speclib.schema_validator(spec, _pointer_of(schema, template, method))
    for error in validator.iter_errors(body):
        where = "/".join(str(part) for part in error.absolute_path) or "(whole body)"
        problems.append(f"{label}: the spec refuses the request at {where}: {error.message[:200]}")
    try:
        sent, _warnings = sent_by_the_client(operation_id, body)
    except ClickSendError as error:
        return [*problems, f"{label}: the client refused it: {type(error).__name__}: {error}"]
    except Exception as error:  # anything but a ClickSendError is a client bug
        return [*problems, f"{label}: the client raised {type(error).__name__}: {error}"]
    for field in sorted(set(body) | set(sent or {})):
        if field not in (sent or {}):
            problems.append(f"{label}: the client dropped the field {field!r}")
        elif field not in body:
            problems.append(f"{label}: the client added the field {field!r}")
        elif sent[field] != body[field]:
            problems.append(f"{label}: the client sent {field!r} as {sent[field]!r}, not {body[field]!r}")
    return problems


def _pointer_of(schema: dict[str, Any], template: str, method: str) -> str:
    if "$ref" in schema:
        return str(schema["$ref"]).removeprefix("#")
    return speclib.pointer("paths", template, method.lower(), "requestBody", "content", "application/json", "schema")


def problems_of(spec: dict[str, Any], sample: Sample) -> list[str]:
    if sample.data["kind"] == "response":
        return response_problems(spec, sample)
    return request_problems(spec, sample)


def check_all(spec: dict[str, Any], samples: list[Sample]) -> Iterator[tuple[Sample, list[str]]]:
    for sample in samples:
        yield sample, problems_of(spec, sample)
