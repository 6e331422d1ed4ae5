"""ClickSend's answers as they really come, settled into the one shape the models read.

ClickSend sends some answers in more than one form (see the spec's descriptions and the public
evidence). Every success answer passes through `read` before its model sees it, and what `read`
does is decided by the answer's schema in the spec (spec_facts.SCHEMAS, before overlays), never by
the operation, so a new operation whose answer holds a campaign is read the same way:

- a field marked `x-read-as: integer` (the campaign id, which ClickSend sends as a number or as a
  string of digits) is given to the model as the same integer; anything but ASCII digits is left
  for the model to refuse;
- a field declared as either an object X or a wrapper W that requires a property holding an X
  (send's `data`: the campaign itself, as the reference shows, or `data.sms_campaign` beside
  `data.total_count`, as integrations observe) is given to the model as the X, and a wrapper that
  came is kept, untouched but for its X, as `<field>_wrapper` (the overlay
  `40-answers-in-the-shape-the-reader-gives` makes the generator's models so).

A problem found here raises InvalidFieldError naming the field where ClickSend put it, as the
models do, and so does a problem the model finds in a field this moved; responses.parse_success
turns it into MalformedResponseError.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..spec_facts import SCHEMAS
from .exceptions import InvalidFieldError

Model = TypeVar("Model")
_REF = "#/components/schemas/"
#: The longest string of digits read as an id (ids are int32 today; no 5,000-digit int()).
_LONGEST_ID = 30


@dataclass(frozen=True)
class _Plan:
    """What to settle in a value of one schema: nothing of it is touched that needs no settling."""

    digits: bool = False  # x-read-as: integer
    properties: dict[str, _Plan] = field(default_factory=dict)
    items: _Plan | None = None
    # Either an X or a wrapper holding the X under `wrapped`: X's plan, its required fields, W's plan.
    wrapped: str | None = None
    inner: _Plan | None = None
    inner_required: frozenset[str] = frozenset()

    @property
    def empty(self) -> bool:
        return not (self.digits or self.properties or self.items or self.wrapped)


def read(schema: str, body: Mapping[str, Any], parse: Callable[[Mapping[str, Any]], Model]) -> Model:
    """The model of an answer of `schema` (a JSON object already), read by `parse` once settled."""
    plan = _plan_of_schema(schema)
    if plan is None:
        return parse(body)
    moved: list[tuple[str, str]] = []  # (where the model sees a field, where ClickSend put it)
    settled = _settle(body, plan, "", moved)
    try:
        return parse(settled)
    except InvalidFieldError as error:
        for seen, sent in moved:
            if error.field == seen or error.field.startswith((seen + ".", seen + "[")):
                raise type(error)(sent + error.field[len(seen) :], error.problem) from None
        raise


@functools.cache
def _plan_of_schema(name: str) -> _Plan | None:
    schema = SCHEMAS.get(name)
    return None if schema is None else _plan(schema, frozenset({name}))


def _resolve(node: Any, seen: frozenset[str]) -> tuple[Mapping[str, Any], frozenset[str]]:
    while isinstance(node, Mapping) and isinstance(node.get("$ref"), str) and node["$ref"].startswith(_REF):
        name = node["$ref"][len(_REF) :]
        if name in seen:  # a schema that holds itself: nothing more to settle down that path
            return {}, seen
        node, seen = SCHEMAS[name], seen | {name}
    return (node if isinstance(node, Mapping) else {}), seen


def _plan(node: Any, seen: frozenset[str]) -> _Plan | None:
    schema, seen = _resolve(node, seen)
    if schema.get("x-read-as") == "integer":
        return _Plan(digits=True)
    shapes = _shapes(schema, seen)
    if shapes is not None:
        return shapes
    properties: dict[str, _Plan] = {}
    for part in [schema, *(_resolve(part, seen)[0] for part in schema.get("allOf", ()))]:
        for name, sub in (part.get("properties") or {}).items():
            found = _plan(sub, seen)
            if found is not None:
                properties[name] = found
    items = _plan(schema["items"], seen) if isinstance(schema.get("items"), Mapping) else None
    plan = _Plan(properties=properties, items=items)
    return None if plan.empty else plan


def _shapes(schema: Mapping[str, Any], seen: frozenset[str]) -> _Plan | None:
    """anyOf [X, W] where W requires one property, and that property is an X."""
    branches = schema.get("anyOf")
    if not isinstance(branches, list) or len(branches) != 2:
        return None
    inner, inner_seen = _resolve(branches[0], seen)
    wrapper, wrapper_seen = _resolve(branches[1], seen)
    required = wrapper.get("required") or []
    if len(required) != 1 or not inner:
        return None
    held = (wrapper.get("properties") or {}).get(required[0])
    if not isinstance(held, Mapping) or held.get("$ref") != branches[0].get("$ref"):
        return None
    wrapper_plan = _plan(wrapper, wrapper_seen) or _Plan()
    return _Plan(
        wrapped=required[0],
        inner=_plan(inner, inner_seen) or _Plan(),
        inner_required=frozenset(inner.get("required") or ()),
        # The wrapper's other fields; its X is settled as the X.
        properties={name: sub for name, sub in wrapper_plan.properties.items() if name != required[0]},
    )


def _settle(value: Any, plan: _Plan, where: str, moved: list[tuple[str, str]]) -> Any:
    """`value` as the model reads it; copied only where something changes."""
    if plan.digits:
        return _integer(value, where)
    if plan.items is not None and isinstance(value, list):
        settled = [_settle(item, plan.items, f"{where}[{index}]", moved) for index, item in enumerate(value)]
        return settled if any(new is not old for new, old in zip(settled, value, strict=True)) else value
    if not isinstance(value, Mapping):
        return value
    changed: dict[str, Any] = {}
    for name, sub in plan.properties.items():
        if name not in value:
            continue
        at = f"{where}.{name}" if where else name
        if sub.wrapped is not None:
            changed.update(_unwrapped(name, value[name], sub, at, moved))
            continue
        new = _settle(value[name], sub, at, moved)
        if new is not value[name]:
            changed[name] = new
    return {**value, **changed} if changed else value


def _unwrapped(name: str, value: Any, plan: _Plan, at: str, moved: list[tuple[str, str]]) -> dict[str, Any]:
    """The field's X, and its wrapper as `<name>_wrapper` when ClickSend sent one."""
    assert plan.wrapped is not None and plan.inner is not None
    is_wrapper = (
        isinstance(value, Mapping) and plan.wrapped in value and not any(key in value for key in plan.inner_required)
    )
    if not is_wrapper:
        new = _settle(value, plan.inner, at, moved)
        return {name: new} if new is not value else {}
    assert isinstance(value, Mapping)
    inner = value[plan.wrapped]
    inner_at = f"{at}.{plan.wrapped}"
    if inner is None:
        raise InvalidFieldError.missing(inner_at)
    if not isinstance(inner, Mapping):
        raise InvalidFieldError.wrong_type(inner_at, inner, "an object")
    inner = _settle(inner, plan.inner, inner_at, moved)
    wrapper = _settle({**value, plan.wrapped: inner}, _Plan(properties=plan.properties), at, moved)
    # The model sees the X at `at` and the wrapper at `<at>_wrapper`: errors name where they came.
    moved += [(f"{at}_wrapper", at), (at, inner_at)]
    return {name: inner, f"{name}_wrapper": wrapper}


def _integer(value: Any, where: str) -> Any:
    if not isinstance(value, str):
        return value  # an integer, or something the model refuses with the right message
    if not (value.isascii() and value.isdigit()) or len(value) > _LONGEST_ID:
        raise InvalidFieldError(where, f"expected an integer or a string of digits, got {value[:40]!r}")
    return int(value)
