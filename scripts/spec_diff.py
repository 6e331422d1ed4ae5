"""Classify every difference between two versions of the spec by what it does to a consumer.

    breaking  code written against the old client may stop working (or a request it sent is now refused)
    additive  something new; code written against the old client goes on working
    internal  prose: descriptions, examples, summaries, titles, documented rules the client only warns about

The classifier compares operations, parameters, request bodies and answers by meaning, resolving
`$ref`s, with the direction that matters: narrowing what a request accepts breaks callers, and so does
widening what an answer may hold. Everything it did not look at is found by a plain walk of both
documents and counted as breaking ("not a change the classifier knows"), so that nothing is waved
through as internal by accident.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any, Literal

from scripts.openapi_spec import resolve

Kind = Literal["breaking", "additive", "internal"]
KINDS: tuple[Kind, ...] = ("breaking", "additive", "internal")

# Keys whose change never alters what goes over the wire or what the generated code accepts.
# x-known-values, x-documented-rule and the search/sort field lists only shape the client's warnings.
PROSE_KEYS = frozenset(
    {
        "description",
        "summary",
        "example",
        "examples",
        "title",
        "tags",
        "externalDocs",
        "contact",
        "x-known-values",
        "x-documented-rule",
        # Only adds a warning: a field whose absence ClickSend documents as risky.
        "x-warn-if-absent",
        "x-search-fields",
        "x-sort-fields",
        # The generated client does not read links; they document which answer field feeds which call.
        "links",
    }
)
# Other names an answer field is read under: more is additive (more answers read), fewer breaking.
ALSO_NAMED = "x-also-named"
# An answer value read as another type (a campaign id sent as digits, read as an integer): added is
# additive (such answers are read), taken away or changed breaking (the attribute's type changes).
READ_AS = "x-read-as"
# Lists whose order carries no meaning.
UNORDERED_KEYS = frozenset({"required", "enum", "type"})
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
JSON_TYPES = frozenset({"string", "number", "integer", "boolean", "array", "object", "null"})
# Request constraints: whether a larger new value narrows (True) or widens (False) what is accepted.
LOWER_BOUNDS = ("minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties")
UPPER_BOUNDS = ("maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties")
Side = Literal["request", "answer"]


@dataclasses.dataclass(frozen=True)
class Change:
    kind: Kind
    where: str  # for a person: "sendSmsCampaign request body: senders[].sender_id"
    pointer: str  # JSON pointer into the spec (the new one, or the old one for what was removed)
    why: str

    def line(self) -> str:
        return f"{self.kind:<9} {self.where}: {self.why}  [#{self.pointer}]"


@dataclasses.dataclass
class SpecDiff:
    changes: list[Change]

    def of_kind(self, kind: Kind) -> list[Change]:
        return [change for change in self.changes if change.kind == kind]

    @property
    def worst(self) -> Kind | None:
        """The most serious kind present, or None when the specs are the same."""
        return next((kind for kind in KINDS if self.of_kind(kind)), None)

    def report(self) -> str:
        if not self.changes:
            return "No change to the spec."
        counts = ", ".join(f"{len(self.of_kind(kind))} {kind}" for kind in KINDS)
        return "\n".join([f"{len(self.changes)} change(s): {counts}", *(c.line() for c in self.changes)])


def classify(old: dict[str, Any], new: dict[str, Any]) -> SpecDiff:
    comparer = _Comparer(old, new)
    comparer.compare_documents()
    for pointer, key, added_or_removed in _differences(old, new, ""):
        if key in PROSE_KEYS:
            comparer.add("internal", _place(pointer), pointer, f"{key} changed")
        elif key == READ_AS:
            comparer.add(*_read_as_change(old, new, pointer))
        elif key == ALSO_NAMED or pointer.split("/")[-2:-1] == [ALSO_NAMED]:
            comparer.add(*_also_named_change(old, new, pointer.split(f"/{ALSO_NAMED}")[0] + f"/{ALSO_NAMED}"))
        elif not comparer.examined(pointer, added_or_removed):
            comparer.add("breaking", _place(pointer), pointer, "not a change the classifier knows; counted as breaking")
    # A shared schema reached from several operations is one change, named at the first place met.
    places: dict[tuple[Kind, str, str], list[str]] = {}
    for change in comparer.changes:
        places.setdefault((change.kind, change.pointer, change.why), []).append(change.where)
    order = {kind: index for index, kind in enumerate(KINDS)}
    changes = [Change(kind, _places(wheres), pointer, why) for (kind, pointer, why), wheres in places.items()]
    return SpecDiff(sorted(changes, key=lambda c: (order[c.kind], c.pointer, c.why)))


def _places(wheres: list[str]) -> str:
    unique = list(dict.fromkeys(wheres))
    return unique[0] + (f" (and {len(unique) - 1} other place(s))" if len(unique) > 1 else "")


class _Comparer:
    def __init__(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        self.old, self.new = old, new
        self.changes: list[Change] = []
        self._examined: set[str] = set()
        self._schemas_being_compared: set[tuple[str, str, Side]] = set()

    def add(self, kind: Kind, where: str, pointer: str, why: str) -> None:
        self.changes.append(Change(kind, where, pointer, why))
        self.look(pointer)

    def look(self, *pointers: str) -> None:
        self._examined.update(pointers)

    def examined(self, pointer: str, added_or_removed: bool) -> bool:
        """Whether the comparison judged this place; a whole new or removed node counts as judged
        when the comparison reached into it (a new schema reached from an operation, say)."""
        parts = pointer.split("/")
        if any("/".join(parts[:end]) in self._examined for end in range(1, len(parts) + 1)):
            return True
        return added_or_removed and any(seen.startswith(pointer + "/") for seen in self._examined)

    # -- the document -------------------------------------------------------------------------

    def compare_documents(self) -> None:
        self.look("/openapi", "/info/version", "/info/license")
        if self.old.get("servers") != self.new.get("servers"):
            self.add(
                "breaking", "servers", "/servers", "the server URL changed, and with it the client's default base URL"
            )
        self.look("/servers")
        if self.old.get("security") != self.new.get("security"):
            self.add("breaking", "security", "/security", "the security requirement changed")
        self.look("/security")
        old_schemes = _get(self.old, "components", "securitySchemes")
        new_schemes = _get(self.new, "components", "securitySchemes")
        if old_schemes != new_schemes:
            self.add("breaking", "security schemes", "/components/securitySchemes", "a security scheme changed")
        self.look("/components/securitySchemes")
        # Components are compared where operations use them; a schema nobody uses changes nothing.
        for section in ("schemas", "parameters", "responses", "requestBodies", "headers"):
            old_names = set(_get(self.old, "components", section) or {})
            new_names = set(_get(self.new, "components", section) or {})
            for name in old_names ^ new_names:
                pointer = f"/components/{section}/{_escape(name)}"
                if not self._used(self.old, pointer) and not self._used(self.new, pointer):
                    self.add(
                        "internal", f"components.{section}.{name}", pointer, "an unused component was added or removed"
                    )
                    self.look(pointer)
        old_ops, new_ops = _operations(self.old), _operations(self.new)
        for op_id in old_ops.keys() - new_ops.keys():
            path, method, _ = old_ops[op_id]
            self.add(
                "breaking", op_id, _op_pointer(path, method), f"operation {method.upper()} {path} removed or renamed"
            )
            self.look(_op_pointer(path, method))
        for op_id in new_ops.keys() - old_ops.keys():
            path, method, _ = new_ops[op_id]
            self.add("additive", op_id, _op_pointer(path, method), f"new operation {method.upper()} {path}")
            self.look(_op_pointer(path, method))
        for op_id in sorted(old_ops.keys() & new_ops.keys()):
            self.compare_operation(op_id, old_ops[op_id], new_ops[op_id])
        for path in set(self.old.get("paths") or {}) ^ set(self.new.get("paths") or {}):
            self.look(f"/paths/{_escape(path)}")  # its operations were reported as added or removed

    def _used(self, spec: dict[str, Any], pointer: str) -> bool:
        return any(value == "#" + pointer for value in _refs(spec))

    def compare_operation(self, op_id: str, old: tuple[str, str, Any], new: tuple[str, str, Any]) -> None:
        (old_path, old_method, old_op), (new_path, new_method, new_op) = old, new
        pointer = _op_pointer(new_path, new_method)
        old_pointer = _op_pointer(old_path, old_method)
        self.look(pointer + "/operationId", old_pointer + "/operationId")
        if (old_path, old_method) != (new_path, new_method):
            why = f"moved from {old_method.upper()} {old_path} to {new_method.upper()} {new_path}"
            self.add("breaking", op_id, pointer, why)
            self.look(old_pointer)
        old_security = old_op.get("security", self.old.get("security"))
        if old_security != new_op.get("security", self.new.get("security")):
            self.add("breaking", op_id, pointer + "/security", "the security requirement changed")
        self.look(pointer + "/security", old_pointer + "/security")
        self.compare_retry_safety(op_id, old_op.get("x-safe-to-repeat"), new_op.get("x-safe-to-repeat"), pointer)
        self.compare_parameters(op_id, old_path, old_op, new_path, new_op, pointer)
        self.compare_request_body(op_id, old_op.get("requestBody"), new_op.get("requestBody"), pointer + "/requestBody")
        self.compare_responses(op_id, old_op.get("responses") or {}, new_op.get("responses") or {}, pointer)

    def compare_retry_safety(self, op_id: str, old: Any, new: Any, pointer: str) -> None:
        """x-safe-to-repeat decides whether the client repeats a request that may have reached the server."""
        at = pointer + "/x-safe-to-repeat"
        self.look(at)
        if old == new:
            return
        if new is None:
            self.add("breaking", op_id, at, "x-safe-to-repeat removed: the client cannot be generated without it")
        elif old is None:
            self.add("internal", op_id, at, f"x-safe-to-repeat declared ({str(new).lower()})")
        elif new:
            self.add(
                "breaking",
                op_id,
                at,
                "now safe to repeat: the client retries it after a failure that may have reached ClickSend",
            )
        else:
            self.add("internal", op_id, at, "no longer safe to repeat: the client stops retrying it")

    # -- parameters ----------------------------------------------------------------------------

    def compare_parameters(
        self, op_id: str, old_path: str, old_op: Any, new_path: str, new_op: Any, pointer: str
    ) -> None:
        old_params = self._parameters(self.old, old_path, old_op)
        new_params = self._parameters(self.new, new_path, new_op)
        for key in old_params.keys() - new_params.keys():
            old_param, old_at = old_params[key]
            self.add("breaking", f"{op_id} {key[0]} parameter {key[1]}", old_at, "parameter removed or renamed")
        for key in new_params.keys() - old_params.keys():
            new_param, new_at = new_params[key]
            where = f"{op_id} {key[0]} parameter {key[1]}"
            if new_param.get("required"):
                self.add("breaking", where, new_at, "new required parameter")
            else:
                self.add("additive", where, new_at, "new optional parameter")
        for key in sorted(old_params.keys() & new_params.keys()):
            (old_param, old_at), (new_param, new_at) = old_params[key], new_params[key]
            where = f"{op_id} {key[0]} parameter {key[1]}"
            self.look(new_at + "/required", new_at + "/in", new_at + "/name")
            self._required_flag(where, new_at, bool(old_param.get("required")), bool(new_param.get("required")))
            self.compare_schema(
                where,
                (old_param.get("schema") or {}, old_at + "/schema"),
                (new_param.get("schema") or {}, new_at + "/schema"),
                "request",
            )

    def _parameters(self, spec: dict[str, Any], path: str, operation: Any) -> dict[tuple[str, str], tuple[Any, str]]:
        found: dict[tuple[str, str], tuple[Any, str]] = {}
        path_item = spec["paths"][path]
        for owner, base in ((path_item, f"/paths/{_escape(path)}"), (operation, "")):
            if not base:
                method = next(m for m in METHODS if path_item.get(m) is operation)
                base = _op_pointer(path, method)
            for index, raw in enumerate(owner.get("parameters") or []):
                param, at = _resolve(spec, raw, f"{base}/parameters/{index}")
                self.look(f"{base}/parameters/{index}/$ref")
                found[(str(param.get("in")), str(param.get("name")))] = (param, at)
        return found

    def _required_flag(self, where: str, pointer: str, was: bool, now: bool) -> None:
        if now and not was:
            self.add("breaking", where, pointer, "became required")
        elif was and not now:
            self.add("additive", where, pointer, "no longer required")

    # -- request bodies ------------------------------------------------------------------------

    def compare_request_body(self, op_id: str, old_raw: Any, new_raw: Any, pointer: str) -> None:
        self.look(pointer + "/$ref")
        where = f"{op_id} request body"
        if old_raw is None and new_raw is None:
            return
        if old_raw is None:
            new_body, _ = _resolve(self.new, new_raw, pointer)
            kind: Kind = "breaking" if new_body.get("required") else "additive"
            self.add(
                kind, where, pointer, "a request body was added" + (" and is required" if kind == "breaking" else "")
            )
            return
        if new_raw is None:
            self.add("breaking", where, pointer, "the request body was removed")
            return
        old_body, old_at = _resolve(self.old, old_raw, pointer)
        new_body, new_at = _resolve(self.new, new_raw, pointer)
        self.look(new_at + "/required")
        self._required_flag(where, new_at, bool(old_body.get("required")), bool(new_body.get("required")))
        self.compare_content(where, old_body, old_at, new_body, new_at, "request")

    def compare_content(self, where: str, old: Any, old_at: str, new: Any, new_at: str, side: Side) -> None:
        old_content, new_content = old.get("content") or {}, new.get("content") or {}
        for media in old_content.keys() - new_content.keys():
            self.add("breaking", where, f"{old_at}/content/{_escape(media)}", f"media type {media} removed")
        for media in new_content.keys() - old_content.keys():
            self.add("additive", where, f"{new_at}/content/{_escape(media)}", f"media type {media} added")
        for media in sorted(old_content.keys() & new_content.keys()):
            old_media_at, new_media_at = f"{old_at}/content/{_escape(media)}", f"{new_at}/content/{_escape(media)}"
            self.compare_schema(
                where,
                (old_content[media].get("schema") or {}, old_media_at + "/schema"),
                (new_content[media].get("schema") or {}, new_media_at + "/schema"),
                side,
            )

    # -- answers -------------------------------------------------------------------------------

    def compare_responses(self, op_id: str, old: dict[str, Any], new: dict[str, Any], pointer: str) -> None:
        for status in old.keys() - new.keys():
            self.add("breaking", f"{op_id} response {status}", f"{pointer}/responses/{status}", "response removed")
        for status in new.keys() - old.keys():
            self.add("additive", f"{op_id} response {status}", f"{pointer}/responses/{status}", "new response")
        for status in sorted(old.keys() & new.keys(), key=str):
            at = f"{pointer}/responses/{status}"
            old_response, old_at = _resolve(self.old, old[status], at)
            new_response, new_at = _resolve(self.new, new[status], at)
            self.look(at + "/$ref")
            where = f"{op_id} response {status}"
            self.compare_content(where, old_response, old_at, new_response, new_at, "answer")
            old_headers, new_headers = old_response.get("headers") or {}, new_response.get("headers") or {}
            for name in old_headers.keys() - new_headers.keys():
                self.add("breaking", f"{where} header {name}", f"{old_at}/headers/{_escape(name)}", "header removed")
            for name in new_headers.keys() - old_headers.keys():
                self.add("additive", f"{where} header {name}", f"{new_at}/headers/{_escape(name)}", "new header")
            for name in sorted(old_headers.keys() & new_headers.keys()):
                old_header, old_header_at = _resolve(self.old, old_headers[name], f"{old_at}/headers/{_escape(name)}")
                new_header, new_header_at = _resolve(self.new, new_headers[name], f"{new_at}/headers/{_escape(name)}")
                self.look(f"{new_at}/headers/{_escape(name)}/$ref", new_header_at + "/required")
                self.compare_schema(
                    f"{where} header {name}",
                    (old_header.get("schema") or {}, old_header_at + "/schema"),
                    (new_header.get("schema") or {}, new_header_at + "/schema"),
                    "answer",
                )

    # -- schemas -------------------------------------------------------------------------------

    def compare_schema(self, where: str, old: tuple[Any, str], new: tuple[Any, str], side: Side) -> None:
        old_view = _SchemaView.of(self.old, *old)
        new_view = _SchemaView.of(self.new, *new)
        key = (old_view.sources[0], new_view.sources[0], side)
        if key in self._schemas_being_compared:
            return  # a schema that contains itself: judged once, further up
        self._schemas_being_compared.add(key)
        try:
            self._compare_views(where, old_view, new_view, side)
        finally:
            self._schemas_being_compared.discard(key)

    def _compare_views(self, where: str, old_view: _SchemaView, new_view: _SchemaView, side: Side) -> None:
        for view in (old_view, new_view):
            self.look(*view.ref_sites, *(f"{at}/{keyword}" for at in view.sources for keyword in _LEAF_KEYWORDS))
        at = new_view.sources[0]
        for combinator in ("anyOf", "oneOf", "allOf"):
            if len(old_view.branches.get(combinator, ())) != len(new_view.branches.get(combinator, ())):
                self.look(f"{old_view.sources[0]}/{combinator}", f"{at}/{combinator}")
        self._compare_types(where, at, old_view.types, new_view.types, side)
        self._compare_constraints(where, at, old_view, new_view, side)
        self._compare_properties(where, old_view, new_view, side)
        if old_view.items is not None and new_view.items is not None:
            self.compare_schema(where + "[]", old_view.items, new_view.items, side)
        else:
            self.look(f"{old_view.sources[0]}/items", f"{at}/items")  # an array's items added or removed: a type change
        if old_view.tolerant and not new_view.tolerant:
            self.add("breaking", where, at, "no longer read tolerantly (x-tolerant-reader removed)")
        elif new_view.tolerant and not old_view.tolerant:
            self.add("additive", where, at, "now read tolerantly (x-tolerant-reader added)")

    def _compare_types(self, where: str, at: str, old: frozenset[str], new: frozenset[str], side: Side) -> None:
        if old == new:
            return
        described = f"{_types(old)} to {_types(new)}"
        widened, narrowed = old < new, new < old
        if side == "request":
            kind: Kind = "additive" if widened else "breaking"
            self.add(kind, where, at, ("type widened " if widened else "type narrowed or changed ") + described)
        elif widened and new - old == {"null"}:
            self.add("breaking", where, at, "made nullable: callers may now get None")
        elif narrowed:
            self.add("additive", where, at, f"type narrowed {described}: callers get a subset")
        else:
            self.add("breaking", where, at, f"type widened or changed {described}: callers may get values they did not")

    def _compare_constraints(self, where: str, at: str, old: _SchemaView, new: _SchemaView, side: Side) -> None:
        if old.enum != new.enum:
            old_values = set(old.enum) if old.enum is not None else None
            new_values = set(new.enum) if new.enum is not None else None
            widened = new_values is None or (old_values is not None and old_values <= new_values)
            if side == "request":
                self.add(
                    "additive" if widened else "breaking", where, at, f"enum {'widened' if widened else 'narrowed'}"
                )
            else:
                kind: Kind = "breaking" if widened else "additive"
                self.add(kind, where, at, f"enum of an answer {'widened' if widened else 'narrowed'}")
        for keyword, larger_narrows in [(k, True) for k in LOWER_BOUNDS] + [(k, False) for k in UPPER_BOUNDS]:
            before, after = old.constraints.get(keyword), new.constraints.get(keyword)
            if before == after:
                continue
            if side == "answer":
                self.add("internal", where, at, f"{keyword} of an answer changed (answers are not checked against it)")
                continue
            narrowed = before is None or (after is not None and (after > before) == larger_narrows)
            self.add("breaking" if narrowed else "additive", where, at, f"{keyword} {before} to {after}")
        for keyword in ("pattern", "format", "const", "multipleOf", "uniqueItems"):
            before, after = old.constraints.get(keyword), new.constraints.get(keyword)
            if before == after:
                continue
            if side == "answer":
                self.add("internal", where, at, f"{keyword} of an answer changed (answers are not checked against it)")
            elif after is None:
                self.add("additive", where, at, f"{keyword} removed")
            else:
                self.add("breaking", where, at, f"{keyword} {'added' if before is None else 'changed'}: {after!r}")
        if old.constraints.get("default") != new.constraints.get("default"):
            kind = "breaking" if side == "request" else "internal"
            self.add(kind, where, at, "default changed: a caller who leaves it out gets another value")
        old_extra, new_extra = old.additional, new.additional
        if old_extra != new_extra and not (isinstance(old_extra, dict) or isinstance(new_extra, dict)):
            opened = bool(new_extra) and not old_extra
            if side == "request":
                self.add(
                    "additive" if opened else "breaking", where, at, f"additionalProperties {old_extra} to {new_extra}"
                )
            else:
                self.add("internal", where, at, f"additionalProperties of an answer {old_extra} to {new_extra}")

    def _compare_properties(self, where: str, old: _SchemaView, new: _SchemaView, side: Side) -> None:
        prefix = where + (": " if ": " not in where else ".")
        for name in sorted(old.properties.keys() - new.properties.keys()):
            self.add("breaking", prefix + name, old.properties[name][1], f"{_field(side)} removed or renamed")
        for name in sorted(new.properties.keys() - old.properties.keys()):
            pointer = new.properties[name][1]
            if side == "request" and name in new.required:
                self.add("breaking", prefix + name, pointer, f"new required {_field(side)}")
            else:
                self.add(
                    "additive",
                    prefix + name,
                    pointer,
                    f"new optional {_field(side)}" if side == "request" else "new answer field",
                )
        for name in sorted(old.properties.keys() & new.properties.keys()):
            field_where, pointer = prefix + name, new.properties[name][1]
            was, now = name in old.required, name in new.required
            if side == "request":
                self._required_flag(field_where, pointer, was, now)
            elif was and not now:
                self.add("breaking", field_where, pointer, "made optional: callers may now get None")
            elif now and not was:
                self.add("additive", field_where, pointer, "now always present")
            self.compare_schema(field_where, old.properties[name], new.properties[name], side)


# The keywords of one schema node that compare_schema judges itself; properties, items and
# combinator branches are judged node by node.
_CONSTRAINTS = (*LOWER_BOUNDS, *UPPER_BOUNDS, "pattern", "format", "default", "multipleOf", "uniqueItems")
_LEAF_KEYWORDS = ("type", "required", "enum", "const", "additionalProperties", "x-tolerant-reader", *_CONSTRAINTS)


@dataclasses.dataclass
class _SchemaView:
    """A schema with its `$ref`s followed and its combinators merged: what a value may be, field by field."""

    sources: list[str]  # pointers of every schema node merged here, the node itself first
    ref_sites: list[str]  # pointers of the `$ref` keywords followed on the way
    branches: dict[str, list[Any]]
    types: frozenset[str] = JSON_TYPES
    properties: dict[str, tuple[Any, str]] = dataclasses.field(default_factory=dict)
    required: set[str] = dataclasses.field(default_factory=set)
    items: tuple[Any, str] | None = None
    enum: list[Any] | None = None
    constraints: dict[str, Any] = dataclasses.field(default_factory=dict)
    additional: Any = None
    tolerant: bool = False

    @classmethod
    def of(cls, spec: dict[str, Any], raw: Any, raw_at: str, depth: int = 0) -> _SchemaView:
        schema, at, refs = resolve(spec, raw, raw_at)
        ref_sites = list(refs)
        if not isinstance(schema, dict):
            schema = {}
        view = cls([at], ref_sites, {c: list(schema.get(c) or []) for c in ("anyOf", "oneOf", "allOf")})
        view.tolerant = bool(schema.get("x-tolerant-reader"))
        view.additional = schema.get("additionalProperties")
        if "type" in schema:
            declared = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            view.types = _widen({str(t) for t in declared})
        if "enum" in schema:
            view.enum = list(schema["enum"])
        elif "const" in schema:
            view.enum = [schema["const"]]
        view.constraints = {k: schema[k] for k in _CONSTRAINTS if k in schema}
        for name, sub in (schema.get("properties") or {}).items():
            view.properties[name] = (sub, f"{at}/properties/{_escape(name)}")
        view.required = set(schema.get("required") or [])
        if "items" in schema:
            view.items = (schema["items"], f"{at}/items")
        if depth > 20:
            return view
        for combinator, branches in view.branches.items():
            if not branches:
                continue
            merged = [cls.of(spec, branch, f"{at}/{combinator}/{i}", depth + 1) for i, branch in enumerate(branches)]
            for branch in merged:
                view.sources += branch.sources
                view.ref_sites += branch.ref_sites
                for name, sub in branch.properties.items():
                    view.properties.setdefault(name, sub)
                view.items = view.items or branch.items
                view.tolerant = view.tolerant or branch.tolerant
            if combinator == "allOf":
                view.required |= set().union(*(b.required for b in merged))
                view.types = view.types.intersection(*(b.types for b in merged))
            else:
                view.required |= set.intersection(*(b.required for b in merged))
                view.types = view.types & frozenset().union(*(b.types for b in merged))
                if view.enum is None and all(b.enum is not None for b in merged):
                    view.enum = [value for b in merged for value in (b.enum or [])]
        return view


def _widen(types: set[str]) -> frozenset[str]:
    # A number accepts integers too.
    return frozenset(types | ({"integer"} if "number" in types else set()))


def _types(types: frozenset[str]) -> str:
    shown = sorted(types - {"integer"} if "number" in types else types)
    return "|".join(shown) if types != JSON_TYPES else "any"


def _field(side: Side) -> str:
    return "request field" if side == "request" else "answer field"


def _operations(spec: dict[str, Any]) -> dict[str, tuple[str, str, Any]]:
    found = {}
    for path, item in (spec.get("paths") or {}).items():
        for method in METHODS:
            if isinstance(item, dict) and method in item:
                operation = item[method]
                found[str(operation.get("operationId") or f"{method.upper()} {path}")] = (path, method, operation)
    return found


def _op_pointer(path: str, method: str) -> str:
    return f"/paths/{_escape(path)}/{method}"


def _resolve(spec: dict[str, Any], node: Any, at: str) -> tuple[Any, str]:
    """Follow local `$ref`s; return the node and its pointer in the document."""
    resolved = resolve(spec, node, at)
    return resolved.node, resolved.pointer


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _differences(old: Any, new: Any, at: str) -> Iterator[tuple[str, str, bool]]:
    """(pointer, key, added or removed) of every place where the two documents differ; a prose key is one place."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new), key=str):
            pointer = f"{at}/{_escape(str(key))}"
            if key not in old or key not in new:
                yield pointer, str(key), True
            elif key in PROSE_KEYS:
                if old[key] != new[key]:
                    yield pointer, str(key), False
            elif key in UNORDERED_KEYS and isinstance(old[key], list) and isinstance(new[key], list):
                if sorted(map(repr, old[key])) != sorted(map(repr, new[key])):
                    yield pointer, str(key), False
            else:
                yield from _differences(old[key], new[key], pointer)
    elif isinstance(old, list) and isinstance(new, list):
        for index, (left, right) in enumerate(zip(old, new, strict=False)):
            yield from _differences(left, right, f"{at}/{index}")
        for index in range(min(len(old), len(new)), max(len(old), len(new))):
            yield f"{at}/{index}", str(index), True
    elif old != new or type(old) is not type(new):
        yield at, at.rsplit("/", 1)[-1], False


def _also_named_change(old: dict[str, Any], new: dict[str, Any], pointer: str) -> tuple[Kind, str, str, str]:
    """An answer field read under other names: names added are additive, names taken away breaking."""

    def pairs(spec: dict[str, Any]) -> set[tuple[str, str]]:
        found = _get(spec, *(_unescape(part) for part in pointer.strip("/").split("/"))) or {}
        return {(field, other) for field, others in found.items() for other in others}

    lost = pairs(old) - pairs(new)
    if lost:
        named = ", ".join(f"{field} as {other}" for field, other in sorted(lost))
        return "breaking", _place(pointer), pointer, f"no longer read under another name: {named}"
    return "additive", _place(pointer), pointer, "an answer field is read under another name too"


def _read_as_change(old: dict[str, Any], new: dict[str, Any], pointer: str) -> tuple[Kind, str, str, str]:
    keys = [_unescape(part) for part in pointer.strip("/").split("/")]
    before, after = _get(old, *keys), _get(new, *keys)
    if before is None:
        return "additive", _place(pointer), pointer, f"an answer value is read as {after} too"
    return "breaking", _place(pointer), pointer, f"an answer value is no longer read as {before}"


def _place(pointer: str) -> str:
    return ".".join(_unescape(part) for part in pointer.split("/")[1:]) or "(document)"


def _get(spec: dict[str, Any], *keys: str) -> Any:
    node: Any = spec
    for key in keys:
        node = node.get(key) if isinstance(node, dict) else None
    return node


def _escape(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")


def _unescape(part: str) -> str:
    return part.replace("~1", "/").replace("~0", "~")
