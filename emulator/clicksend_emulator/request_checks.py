"""What every request to the emulator goes through: credentials, a JSON body checked whole against
the spec's own schemas (the generated package's spec_facts), and the query's documented parameters.
A request that fails here changes nothing."""

from __future__ import annotations

import base64
import binascii
import json
import re
from typing import Any

from clicksend_sms_campaigns import operation_by_id
from clicksend_sms_campaigns.spec_facts import PARAMETERS
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry
from starlette.requests import Request

from .config import EmulatorConfig
from .protocol import ApiError, field_name, shorten
from .seed import Account

#: Deeper bodies are refused before validation, which walks them recursively.
_MAX_BODY_DEPTH = 32


class RequestChecks:
    """The checks, as methods of the emulator (which sets these attributes)."""

    accounts: dict[str, Account]
    config: EmulatorConfig
    _registry: Registry[Any]

    def _authenticate(self, request: Request) -> Account:
        header = request.headers.get("authorization", "")
        if not header:
            raise ApiError(401, "UNAUTHORIZED", "Authentication credentials were missing or incorrect.")
        scheme, _, encoded = header.partition(" ")
        try:
            username, _, api_key = base64.b64decode(encoded, validate=True).decode("utf-8").partition(":")
        except (binascii.Error, ValueError):  # ValueError: characters outside ASCII, undecodable UTF-8
            username = api_key = ""
        account = self.accounts.get(username)
        if scheme.lower() != "basic" or account is None or account.api_key != api_key:
            raise ApiError(401, "UNAUTHORIZED", "Authentication credentials were missing or incorrect.")
        if account.status == "notactive":
            raise ApiError(403, "FORBIDDEN", "Your account has not been activated.")
        if account.status == "banned":
            raise ApiError(403, "FORBIDDEN", "Your account has been suspended.")
        return account

    async def _json_body(self, request: Request, operation: str) -> dict[str, Any]:
        declared = request.headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.config.max_body_bytes):
            raise ApiError(400, "BAD_REQUEST", f"The request body must be at most {self.config.max_body_bytes} bytes.")
        raw = b""
        async for chunk in request.stream():
            raw += chunk
            if len(raw) > self.config.max_body_bytes:
                raise ApiError(
                    400, "BAD_REQUEST", f"The request body must be at most {self.config.max_body_bytes} bytes."
                )
        try:
            body = json.loads(raw.decode("utf-8"))
        except (ValueError, RecursionError):  # RecursionError: nested deeper than the parser goes
            raise ApiError(400, "BAD_REQUEST", "The request body must be a JSON object in UTF-8.") from None
        if not isinstance(body, dict):
            raise ApiError(400, "BAD_REQUEST", "The request body must be a JSON object.")
        problem = _unstorable(body)
        if problem is not None:
            raise ApiError(400, "BAD_REQUEST", "Invalid input.", {problem[0]: problem[1]})
        schema = {"$ref": f"urn:spec#/components/schemas/{operation_by_id(operation).body}"}
        self._validate(Draft202012Validator(schema, registry=self._registry, format_checker=FormatChecker()), body)
        return body

    def _validate(self, validator: Draft202012Validator, instance: Any) -> None:
        problems: dict[str, str] = {}
        for error in validator.iter_errors(instance):
            if error.validator == "required" and isinstance(error.instance, dict):
                for name in error.validator_value:
                    if name not in error.instance:
                        problems.setdefault(field_name(error.absolute_path, name), _required(name))
            elif error.validator == "minLength" and error.instance == "" and error.absolute_path:
                problems.setdefault(field_name(error.absolute_path), _required(str(error.absolute_path[-1])))
            elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
                allowed = set(error.schema.get("properties", {}))
                for name in error.instance:
                    if name not in allowed:
                        problems.setdefault(field_name(error.absolute_path, name), f"The {name} field is not allowed.")
            else:
                problems.setdefault(field_name(error.absolute_path), shorten(error.message))
        if problems:
            raise ApiError(400, "BAD_REQUEST", "Invalid input.", problems)

    def _reject_undocumented_query(self, request: Request, operation: str) -> None:
        # A guess (README): unknown query parameters are refused, unlike unknown body fields, which
        # ClickSend is seen to accept. Nothing shows ClickSend taking an unknown parameter.
        documented = PARAMETERS.get(operation, {})
        unknown = [name for name in request.query_params if name not in documented]
        if unknown:
            problems = {name or "(empty name)": f"The {name!r} query parameter is not documented." for name in unknown}
            raise ApiError(400, "BAD_REQUEST", "Invalid input.", problems)

    def _query(self, request: Request) -> dict[str, Any]:
        """The list operation's query parameters, converted and checked against the spec."""
        values: dict[str, Any] = {}
        problems: dict[str, str] = {}
        for name, schema in PARAMETERS["list_sms_campaigns"].items():
            if name not in request.query_params:
                continue
            raw = request.query_params[name]
            if schema.get("type") == "integer":
                if not re.fullmatch(r"-?[0-9]{1,100}", raw):
                    problems[name] = f"The {name} must be an integer."
                    continue
                value: Any = int(raw)
                # The schema's bounds, then the documented ones (limit: 15..100), per the limit policy.
                problem = _outside(name, value, schema)
                documented = schema.get("x-documented-rule")
                if problem is None and documented is not None:
                    if name == "limit" and self.config.limit_policy == "clamp":
                        value = min(max(value, documented["minimum"]), documented["maximum"])
                    else:
                        problem = _outside(name, value, documented)
                if problem is not None:
                    problems[name] = problem
                    continue
            else:
                value = raw
                if "enum" in schema and value not in schema["enum"]:
                    problems[name] = f"The {name} must be one of {', '.join(schema['enum'])}."
                    continue
                if "pattern" in schema and not re.search(schema["pattern"], value):
                    problems[name] = f"The {name} is not in the documented field:value form."
                    continue
            values[name] = value
        if problems:
            raise ApiError(400, "BAD_REQUEST", "Invalid input.", problems)
        return values


def _outside(name: str, value: int, bounds: dict[str, Any]) -> str | None:
    low, high = bounds.get("minimum"), bounds.get("maximum")
    if (low is not None and value < low) or (high is not None and value > high):
        return f"The {name} must be between {low} and {high}." if high else f"The {name} must be at least {low}."
    return None


def _required(name: str) -> str:
    """ClickSend's message for a required field that is missing or empty: "Name field is required."
    (the envelope documented in ClickSend's spec); for other fields the same form is a guess."""
    return f"{name.replace('_', ' ').capitalize()} field is required."


def _unstorable(body: Any) -> tuple[str, str] | None:
    """(field, problem) for a body that could be parsed but not stored or answered: a string with a
    lone surrogate (JSON's \\ud800 escape), which no UTF-8 answer or database row can hold, or
    nesting deeper than any campaign field has."""
    pending: list[tuple[str, Any, int]] = [("body", body, 0)]
    while pending:
        where, value, depth = pending.pop()
        if depth > _MAX_BODY_DEPTH:
            return where, "is nested too deeply."
        if isinstance(value, str) and not _encodable(value):
            return where, "contains a lone surrogate, which is not text."
        if isinstance(value, dict):
            for key, item in value.items():
                if not _encodable(key):
                    return where, "has a field name with a lone surrogate."
                pending.append((key if where == "body" else f"{where}.{key}", item, depth + 1))
        elif isinstance(value, list):
            pending.extend((f"{where}[{index}]", item, depth + 1) for index, item in enumerate(value))
    return None


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
