"""The drift report: per operation and field, what a target was observed to send against what the spec says.

    python3 tasks.py drift                              every committed cassette set and the public evidence
    python3 tasks.py drift --target live                one committed set (contract_tests/cassettes/live)
    python3 tasks.py drift --evidence DIR --out FILE    a folder of recordings; the Markdown also goes to FILE

For every successful answer recorded, each field the spec declares (and each field it does not)
is counted as present, missing or null, with the JSON types seen; where an answer schema offers
several shapes (the send answer's `data`), the shape each answer took is counted. A row is marked
as drift when the evidence goes beyond the spec: a type the spec does not allow, a null it does not
allow, a required field missing, or a field it does not declare. The report is Markdown, for a
person to read; it never fails the run (the contract checks do that).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from scripts.contract import cassettes, evidence_checks, public_evidence, speclib
from scripts.openapi_spec import resolve

JSON_TYPES = (
    (bool, "boolean"),
    (int, "integer"),
    (float, "number"),
    (str, "string"),
    (list, "array"),
    (dict, "object"),
)


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    return next(name for kind, name in JSON_TYPES if isinstance(value, kind))


@dataclass
class FieldSeen:
    """What one field of one operation's answers looked like, and what the spec says of it."""

    declared: bool
    allowed: frozenset[str]  # JSON types the spec allows ("number" includes "integer")
    required: bool
    present: int = 0
    missing: int = 0
    types: Counter[str] = field(default_factory=Counter)
    shapes: Counter[str] = field(default_factory=Counter)

    def drift(self) -> list[str]:
        found = []
        if not self.declared:
            found.append("not in the spec")
        elif self.required and self.missing:
            found.append("missing, but the spec requires it")
        for kind in sorted(self.types):
            if self.declared and not _allows(self.allowed, kind):
                found.append("null, which the spec does not allow" if kind == "null" else f"{kind}, not allowed")
        return found


def _allows(allowed: frozenset[str], kind: str) -> bool:
    return not allowed or kind in allowed or (kind == "integer" and "number" in allowed)


class Report:
    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.answers: Counter[str] = Counter()
        self.fields: dict[str, dict[str, FieldSeen]] = defaultdict(dict)
        self.sources: list[str] = []

    # --- reading the evidence ---------------------------------------------------------------

    def add(self, operation: str, status: int, body: Any, template: str, method: str) -> None:
        if not 200 <= status < 300 or not isinstance(body, dict):
            return
        self.answers[operation] += 1
        schema = self.spec["paths"][template][method.lower()]["responses"][str(status)]
        schema = resolve(self.spec, schema).node["content"]["application/json"]["schema"]
        self._walk(operation, "", body, schema)

    def _walk(self, operation: str, path: str, value: Any, schema: Any) -> None:
        schema = self._resolve(schema)
        if isinstance(value, list):
            items = self._items(schema)
            for item in value:
                self._walk(operation, f"{path}[]", item, items)
            return
        if not isinstance(value, dict):
            return
        branch = self._branch(schema, value)
        if branch is not None and self._shape_names(schema):
            self._seen(operation, path or "(answer)", schema).shapes[self._shape_names(schema)[branch[0]]] += 1
            schema = branch[1]
        properties, required = self._properties(schema)
        for name in sorted(set(properties) | set(value)):
            child = f"{path}.{name}" if path else name
            seen = self._seen(
                operation, child, properties.get(name), declared=name in properties, required=name in required
            )
            if name not in value:
                seen.missing += 1
                continue
            seen.present += 1
            seen.types[json_type(value[name])] += 1
            if name in properties:
                self._walk(operation, child, value[name], properties[name])

    def _seen(
        self, operation: str, path: str, schema: Any, *, declared: bool = True, required: bool = False
    ) -> FieldSeen:
        if path not in self.fields[operation]:
            allowed = frozenset(self._types(schema)) if schema is not None else frozenset()
            self.fields[operation][path] = FieldSeen(declared, allowed, required)
        return self.fields[operation][path]

    # --- reading the spec -------------------------------------------------------------------

    def _resolve(self, schema: Any) -> Any:
        node = resolve(self.spec, schema).node
        return node if isinstance(node, dict) else {}

    def _types(self, schema: Any) -> set[str]:
        schema = self._resolve(schema)
        declared = schema.get("type")
        types = set(declared if isinstance(declared, list) else [declared] if declared else [])
        for part in schema.get("anyOf", []) + schema.get("oneOf", []) + schema.get("allOf", []):
            types |= self._types(part)
        if "properties" in schema:
            types.add("object")
        return types

    def _properties(self, schema: Any) -> tuple[dict[str, Any], set[str]]:
        schema = self._resolve(schema)
        properties, required = dict(schema.get("properties", {})), set(schema.get("required", []))
        for part in schema.get("allOf", []):
            more, more_required = self._properties(part)
            properties.update(more)
            required |= more_required
        return properties, required

    def _items(self, schema: Any) -> Any:
        schema = self._resolve(schema)
        if "items" in schema:
            return schema["items"]
        return next((self._items(b) for b in schema.get("anyOf", []) if "items" in self._resolve(b)), {})

    def _shape_names(self, schema: Any) -> list[str]:
        return [
            str(branch.get("$ref", f"shape {i}")).rsplit("/", 1)[-1] for i, branch in enumerate(schema.get("anyOf", []))
        ]

    def _branch(self, schema: Any, value: dict[str, Any]) -> tuple[int, Any] | None:
        """The anyOf branch of objects whose required fields the value has (the first, if several)."""
        branches = [(i, self._resolve(b)) for i, b in enumerate(schema.get("anyOf", []))]
        objects = [(i, b) for i, b in branches if "object" in self._types(b)]
        if not objects:
            return None
        return next((pair for pair in objects if all(k in value for k in self._properties(pair[1])[1])), objects[0])

    # --- writing ----------------------------------------------------------------------------

    def markdown(self) -> str:
        lines = [
            "# Drift report",
            "",
            "What the evidence shows ClickSend sending, field by field, against the spec.",
            "",
        ]
        lines += [f"Evidence: {source}" for source in self.sources] + [""]
        total = sum(len(seen.drift()) > 0 for fields in self.fields.values() for seen in fields.values())
        lines += [f"Fields with drift: {total}.", ""]
        for operation in sorted(self.answers):
            lines += [f"## {operation} ({self.answers[operation]} answers)", ""]
            lines += [
                "| field | spec | present | missing | null | types seen | drift |",
                "| --- | --- | --- | --- | --- | --- | --- |",
            ]
            for path, seen in sorted(self.fields[operation].items()):
                spec = (
                    "not declared"
                    if not seen.declared
                    else (("required; " if seen.required else "") + (" or ".join(sorted(seen.allowed)) or "any"))
                )
                types = ", ".join(f"{kind} {count}" for kind, count in sorted(seen.types.items()))
                if seen.shapes:
                    types += (
                        ("; " if types else "")
                        + "shapes: "
                        + ", ".join(f"{shape} {count}" for shape, count in sorted(seen.shapes.items()))
                    )
                cells = [
                    f"`{_printable(path)}`",
                    spec,
                    str(seen.present),
                    str(seen.missing),
                    str(seen.types.get("null", 0)),
                    types,
                ]
                lines.append("| " + " | ".join([*cells, "; ".join(seen.drift()) or ""]) + " |")
            lines.append("")
        return "\n".join(lines)


def _printable(text: str) -> str:
    """A field name as it can stand in a Markdown table cell."""
    return repr(text)[1:-1].replace("|", "\\|").replace("`", "'")


def recorded_answers(folder: Path) -> Iterator[tuple[str, str, int, Any]]:
    """(method, path, status, body) of every answer in a folder of recordings, flow included."""
    for _, _, interaction in cassettes.load_interactions(folder):
        request, response = interaction["request"], interaction["response"]
        yield request["method"], request["path"], response["status"], response["body"]
    flow = folder / cassettes.FLOW_FILE
    if flow.exists():
        for item in cassettes.read_yaml(flow)["interactions"]:
            text = item["response"]["body"]["string"]
            text = text.decode() if isinstance(text, bytes) else text
            path = httpx.URL(item["request"]["uri"]).path
            yield item["request"]["method"], path, item["response"]["status"]["code"], json.loads(text)


def build(spec: dict[str, Any], folders: Iterable[Path], include_public: bool) -> Report:
    report = Report(spec)
    for folder in folders:
        meta = cassettes.read_meta(folder)
        report.sources.append(f"`{folder.name}` recordings ({meta.get('target')}, recorded {meta.get('recorded_at')})")
        for method, path, status, body in recorded_answers(folder):
            found = evidence_checks.find_operation(spec, method, path)
            if found is not None:
                report.add(found[0], status, body, found[1], method)
    if include_public:
        samples = [s for s in public_evidence.load_samples() if s.data["kind"] == "response"]
        report.sources.append(f"{len(samples)} public answer samples (`contract_tests/evidence/public/samples.json`)")
        for sample in samples:
            method, path = public_evidence.operation_route(spec, sample.data["operation"])
            found = evidence_checks.find_operation(spec, method, path)
            assert found is not None
            report.add(found[0], sample.data["status"], public_evidence.answer_body(sample), found[1], method)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python3 tasks.py drift", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--target", choices=[*cassettes.TARGETS, "public"], help="one committed set, or only the public evidence"
    )
    parser.add_argument("--evidence", type=Path, action="append", help="a folder of recordings (repeatable)")
    parser.add_argument("--out", type=Path, help="also write the Markdown here")
    args = parser.parse_args(argv)
    if args.evidence:
        folders, include_public = list(args.evidence), False
    elif args.target == "public":
        folders, include_public = [], True
    elif args.target:
        folders, include_public = [cassettes.CASSETTES / args.target], False
    else:
        folders, include_public = cassettes.recorded_sets(), True
    for folder in folders:
        if not (folder / cassettes.META_FILE).exists():
            print(f"drift: {folder} holds no recordings ({cassettes.META_FILE} is missing)", file=sys.stderr)
            return 2
    text = build(speclib.load_spec(), folders, include_public).markdown()
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
