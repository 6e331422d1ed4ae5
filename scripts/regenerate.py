"""Rebuild generated/ from the spec and its inputs, or check that it is up to date.

    python scripts/regenerate.py              rebuild generated/ (replaced whole, never half-written)
    python scripts/regenerate.py --check      rebuild in a scratch folder; exit 1 listing the files
                                              that differ from generated/, with their diff
    python scripts/regenerate.py --if-edited  rebuild only when an input has uncommitted edits that
                                              generated/ does not reflect (`tasks.py test` runs this)

Steps: load and validate openapi/clicksend-sms-campaigns.yaml; apply openapi/overlays/*.overlay.yaml
in name order; validate again; run the pinned openapi-python-client with generator/config.yaml and
the templates in generator/templates/ (--fail-on-warning: a schema it cannot express stops the
build); drop the generator's unused errors.py; carry the hand-written modules of handwritten/ into
the package, and LICENSE beside it; write build_info.py with the sha256 of every input, and
spec_facts.py with the facts of the hand-written spec (before overlays) that the hand-written modules
use; format with the pinned ruff; begin every file with a line saying where it comes from.
Exit status: 0 done or up to date, 1 drift, 2 error.
"""

from __future__ import annotations

import argparse
import dataclasses
import difflib
import hashlib
import importlib.metadata
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

if __package__ in (None, ""):  # run as a file: make `scripts` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.openapi_spec import ROOT, SPEC_PATH, load_spec, validity_problems
from scripts.overlay import OverlayError, apply_overlays

OVERLAYS_DIR = ROOT / "openapi" / "overlays"
GENERATOR_DIR = ROOT / "generator"
HANDWRITTEN_DIR = ROOT / "handwritten"
OUTPUT_DIR = ROOT / "generated"
CONFIG_NAME = "config.yaml"
LICENSE_PATH = ROOT / "LICENSE"
# Files tools leave behind in a package folder; they are neither generated nor compared.
IGNORED_PARTS = {"__pycache__", ".ruff_cache", ".mypy_cache", ".pytest_cache", "build", "dist"}
MAX_DIFF_LINES = 400


class RegenerationError(Exception):
    """The build cannot go on; the message names the file and place."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="fail with the list of differing files instead of writing")
    parser.add_argument("--spec", type=Path, default=SPEC_PATH, help="the OpenAPI spec (default: %(default)s)")
    parser.add_argument("--overlays", type=Path, default=OVERLAYS_DIR, help="the spec's overlays (*.overlay.yaml)")
    parser.add_argument("--generator", type=Path, default=GENERATOR_DIR, help="generator config.yaml and templates/")
    parser.add_argument("--handwritten", type=Path, default=HANDWRITTEN_DIR, help="modules carried into the package")
    parser.add_argument("--output", type=Path, default=OUTPUT_DIR, help="the generated package project")
    parser.add_argument(
        "--if-edited",
        action="store_true",
        help="regenerate only when an input has uncommitted edits that generated/ does not reflect",
    )
    args = parser.parse_args(argv)
    inputs = Inputs(args.spec, args.overlays, args.generator, args.handwritten)
    if args.if_edited:
        edited = edited_inputs(inputs, args.output)
        if not edited:
            return 0
        print(f"regenerate: {', '.join(edited)} edited since generated/ was made; regenerating.", flush=True)
    try:
        with tempfile.TemporaryDirectory(prefix="regenerate-") as scratch:
            built = build(inputs, Path(scratch))
            if args.check:
                return report_drift(args.output, built)
            replace_tree(built, args.output)
    except RegenerationError as error:
        print(f"regenerate: {error}", file=sys.stderr)
        print(f"regenerate: {args.output} was left untouched.", file=sys.stderr)
        return 2
    print(f"regenerate: wrote {args.output}")
    return 0


@dataclasses.dataclass(frozen=True)
class Inputs:
    """What generated/ is made from."""

    spec: Path = SPEC_PATH
    overlays: Path = OVERLAYS_DIR
    generator: Path = GENERATOR_DIR
    handwritten: Path = HANDWRITTEN_DIR

    def files(self) -> dict[str, Path]:
        """Every input file but the spec, by a name relative to the repository when it is inside it."""
        found = {}
        for folder in (self.overlays, self.generator, self.handwritten):
            for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
                if path.is_file() and not _ignored(path.relative_to(folder)):
                    found[_shown(path)] = path
        return found


def edited_inputs(inputs: Inputs, output: Path) -> list[str]:
    """Inputs whose sha256 differs from what output's build_info recorded, when the working tree has
    uncommitted edits to them or to output itself; otherwise nothing.

    A clean checkout is never regenerated by `--if-edited`, so CI still fails on drift; a working
    tree with edits to the spec, the overlays, the generator or the hand-written modules (or one
    whose generated/ was already regenerated from such edits, since undone) is brought up to date
    before the tests run what was edited.
    """
    recorded = _recorded_hashes(output)
    if recorded is None:
        return []
    current = {name: _sha256(path) for name, path in inputs.files().items()}
    current[_shown(inputs.spec)] = _sha256(inputs.spec)
    differing = sorted(name for name in current.keys() | recorded.keys() if current.get(name) != recorded.get(name))
    if not differing:
        return []
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all", "--", *differing, _shown(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return differing if status.returncode == 0 and status.stdout.strip() else []


def _recorded_hashes(output: Path) -> dict[str, str] | None:
    info = next(output.glob("*/build_info.py"), None)
    if info is None:
        return None
    namespace: dict[str, Any] = {}
    exec(compile(info.read_text(encoding="utf-8"), str(info), "exec"), namespace)  # our own generated file
    recorded = dict(namespace.get("INPUTS_SHA256", {}))
    recorded[namespace.get("SPEC_PATH", "")] = namespace.get("SPEC_SHA256", "")
    return recorded


def _shown(path: Path) -> str:
    return path.resolve().relative_to(ROOT).as_posix() if path.resolve().is_relative_to(ROOT) else str(path)


def build(inputs: Inputs, scratch: Path) -> Path:
    """Generate the package project into `scratch` and return its folder.

    The generator runs in the background while the spec, the overlaid spec and the generator
    config are checked on the other core; any problem stops it before anything is kept.
    """
    spec_path = inputs.spec
    source_spec = _load_spec(spec_path)
    overlay_paths = sorted(inputs.overlays.glob("*.overlay.yaml"))
    try:
        spec = apply_overlays(source_spec, overlay_paths)
    except OverlayError as error:
        _check_valid(source_spec, spec_path)  # an invalid spec is reported as such, not as an overlay fault
        raise RegenerationError(str(error)) from error

    config_path = inputs.generator / CONFIG_NAME
    config = _read_generator_config(config_path)
    package_name = config.get("package_name_override")
    if not isinstance(package_name, str):
        raise RegenerationError(f"{config_path}: package_name_override must name the package")

    scratch.mkdir(parents=True, exist_ok=True)
    spec_for_generator = scratch / "spec.json"
    spec_for_generator.write_text(json.dumps(spec, ensure_ascii=False, indent=1), encoding="utf-8")
    output = scratch / "generated"
    generator = _start_generator(spec_for_generator, config_path, inputs.generator / "templates", output)
    try:
        _check_valid(source_spec, spec_path)
        _check_valid(spec, spec_path, after=overlay_paths)
        _check_config_keys(config, config_path)
    except RegenerationError:
        generator.kill()
        generator.communicate()
        raise
    _finish_generator(generator, spec_for_generator, output)
    package_dir = output / package_name
    _drop_unused_generator_modules(package_dir)
    carried = _carry_modules(inputs.handwritten, package_dir)
    # The wheel carries the license (pyproject's license-files); the repository's LICENSE is its one source.
    shutil.copyfile(LICENSE_PATH, output / "LICENSE")
    _write_build_info(package_dir, spec, inputs)
    _write_spec_facts(package_dir, source_spec, package_name)
    _format(output)
    _mark_generated(output, carried)
    return output


def _load_spec(spec_path: Path) -> dict[str, Any]:
    try:
        return load_spec(spec_path)
    except (OSError, ValueError) as error:
        raise RegenerationError(str(error)) from error


def _check_valid(spec: dict[str, Any], spec_path: Path, after: list[Path] | None = None) -> None:
    where = f"{spec_path} after overlays {[p.name for p in after]}" if after is not None else str(spec_path)
    for problem in validity_problems(spec):
        raise RegenerationError(f"{where}: {problem}")


def _read_generator_config(path: Path) -> dict[str, Any]:
    try:
        config = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise RegenerationError(f"{path}: {error}") from error
    return dict(config)


def _check_config_keys(config: dict[str, Any], path: Path) -> None:
    from openapi_python_client.config import ConfigFile  # heavy import: done while the generator runs

    unknown = sorted(set(config) - set(ConfigFile.model_fields))
    if unknown:
        raise RegenerationError(f"{path}: keys the generator does not know (it would ignore them): {unknown}")


def _start_generator(spec: Path, config: Path, templates: Path, output: Path) -> subprocess.Popen[str]:
    generator = Path(sys.executable).parent / "openapi-python-client"
    command = [str(generator), "generate", "--path", str(spec), "--config", str(config)]
    command += ["--meta", "uv", "--output-path", str(output), "--overwrite", "--fail-on-warning"]
    if templates.is_dir():
        command += ["--custom-template-path", str(templates)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _finish_generator(process: subprocess.Popen[str], spec: Path, output: Path) -> None:
    said = (process.communicate()[0] or "").strip()
    if process.returncode != 0:  # --fail-on-warning: a warning is a failure too
        raise RegenerationError(f"openapi-python-client did not generate cleanly from {spec.name}:\n{said}")
    if not output.is_dir():
        raise RegenerationError(f"openapi-python-client wrote nothing:\n{said}")


def _carry_modules(modules_dir: Path, package_dir: Path) -> dict[Path, str]:
    """Copy the hand-written modules into the package; one may not replace a generated file.

    Returns each copy with the name of its source, for the line that says where to edit it.
    """
    carried: dict[Path, str] = {}
    if not modules_dir.is_dir():
        return carried
    for source in sorted(modules_dir.rglob("*.py")):
        if _ignored(source.relative_to(modules_dir)):
            continue
        destination = package_dir / source.relative_to(modules_dir)
        if destination.exists():
            raise RegenerationError(f"{source}: would replace the generated {destination.relative_to(package_dir)}")
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)
        carried[destination] = _shown(source)
    return carried


# The generator's errors.py holds UnexpectedStatus, which only its own endpoint template raises; our
# template raises ClickSendError for every failure, and a module nothing uses would only mislead.
_UNUSED_GENERATOR_MODULES = ("errors",)


def _drop_unused_generator_modules(package_dir: Path) -> None:
    sources = [path.read_text(encoding="utf-8") for path in package_dir.rglob("*.py")]
    for name in _UNUSED_GENERATOR_MODULES:
        used = re.compile(rf"from \.+ import {name}\b|from \.+{name} import")
        if not any(used.search(source) for source in sources):
            (package_dir / f"{name}.py").unlink(missing_ok=True)


_GENERATED_LINES = (
    "Generated by `python3 tasks.py regenerate` from openapi/clicksend-sms-campaigns.yaml;",
    "do not edit: change the spec, openapi/overlays/ or generator/, then regenerate.",
)
_COPIED_LINES = (
    "Copied by `python3 tasks.py regenerate` from {source}; do not edit this copy:",
    "edit {source} (`python3 tasks.py test` copies it again).",
)


def _mark_generated(output: Path, carried: dict[Path, str]) -> None:
    """Begin every generated or copied file with a line that says where it comes from."""
    for path in sorted(output.rglob("*")):
        if not path.is_file():
            continue
        if path.suffix in (".py", ".toml") or path.name == ".gitignore":
            source = carried.get(path)
            lines = [line.format(source=source) for line in _COPIED_LINES] if source else _GENERATED_LINES
            banner = "".join(f"# {line}\n" for line in lines)
        elif path.suffix == ".md":
            banner = f"<!-- {' '.join(_GENERATED_LINES)} -->\n"
        else:
            continue  # LICENSE is the repository's, word for word; py.typed is empty by design
        path.write_text(banner + path.read_text(encoding="utf-8"), encoding="utf-8")


def _write_build_info(package_dir: Path, spec: dict[str, Any], inputs: Inputs) -> None:
    input_hashes = {name: _sha256(path) for name, path in inputs.files().items()}
    generator = importlib.metadata.version("openapi-python-client")
    text = f'''"""What this package was generated from. Written by scripts/regenerate.py; never edit it."""

from typing import Final

#: The spec's info.version, which is also the package version.
VERSION: Final = {str(spec["info"]["version"])!r}
#: The hand-written spec, and its sha256 (before overlays).
SPEC_PATH: Final = {_shown(inputs.spec)!r}
SPEC_SHA256: Final = {_sha256(inputs.spec)!r}
#: sha256 of every other input: the overlays, the generator's config and templates, the hand-written modules.
INPUTS_SHA256: Final[dict[str, str]] = {input_hashes!r}
GENERATOR: Final = {f"openapi-python-client {generator}"!r}
'''
    (package_dir / "build_info.py").write_text(text, encoding="utf-8")


# Keys that describe rather than constrain; left out of spec_facts.py.
_PROSE_KEYS = {"description", "summary", "examples", "example", "title"}


def _write_spec_facts(package_dir: Path, spec: dict[str, Any], package_name: str) -> None:
    """Write the spec's facts as Python data, so hand-written code never copies them."""
    from openapi_python_client.strings import snake_case  # the generator's own naming of modules

    parameters: dict[str, dict[str, Any]] = {}
    request_schemas: dict[str, str] = {}
    operations = []
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            name = operation["operationId"]
            safe = operation.get("x-safe-to-repeat")
            if not isinstance(safe, bool):
                raise RegenerationError(
                    f"{name}: x-safe-to-repeat must say true or false (whether sending it twice does no harm)"
                )
            tag = snake_case((operation.get("tags") or ["default"])[0])
            module = f"{package_name}.api.{tag}.{snake_case(name)}"
            operations.append(f"    Operation({name!r}, {method.upper()!r}, {path!r}, {module!r}, {safe!r}),\n")
            for parameter in [*item.get("parameters", []), *operation.get("parameters", [])]:
                parameter = _resolve(spec, parameter)
                parameters.setdefault(name, {})[parameter["name"]] = _without_prose(_resolve(spec, parameter["schema"]))
            body_schema = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            if body_schema and "$ref" in body_schema:
                request_schemas[name] = body_schema["$ref"].rsplit("/", 1)[-1]
    schemas = {name: _without_prose(schema) for name, schema in spec["components"]["schemas"].items()}
    text = f'''"""The spec's facts, for the hand-written code. Written by scripts/regenerate.py; never edit it.

Taken from the hand-written spec before overlays, with descriptions and examples left out.
"""

from typing import Any, Final, NamedTuple


class Operation(NamedTuple):
    """One operation of the spec: the registry every list of operations in the project comes from."""

    id: str  #: operationId, also the name of its module and of its retry, fault and evidence entries
    method: str  #: upper case
    path: str  #: the path template, relative to the server URL
    module: str  #: the generated module with sync(), asyncio() and the _detailed forms
    safe_to_repeat: bool  #: x-safe-to-repeat: whether sending it twice does no harm (retries need it)


#: Every operation, in the spec's order.
OPERATIONS: Final[tuple[Operation, ...]] = (
{"".join(operations)})
#: Path and query parameter schemas by operationId, then parameter name ($refs resolved).
PARAMETERS: Final[dict[str, dict[str, Any]]] = {parameters!r}
#: The request body schema of each operation that has one, by operationId.
REQUEST_SCHEMAS: Final[dict[str, str]] = {request_schemas!r}
#: components/schemas ($refs kept as written).
SCHEMAS: Final[dict[str, Any]] = {schemas!r}
'''
    (package_dir / "spec_facts.py").write_text(text, encoding="utf-8")


def _resolve(spec: dict[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/"):
        target: Any = spec
        for part in node["$ref"][2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def _without_prose(node: Any) -> Any:
    if isinstance(node, dict):
        kept = {key: value for key, value in node.items() if key not in _PROSE_KEYS}
        return {
            key: _without_prose_in_properties(value) if key == "properties" else _without_prose(value)
            for key, value in kept.items()
        }
    if isinstance(node, list):
        return [_without_prose(value) for value in node]
    return node


def _without_prose_in_properties(properties: Any) -> Any:
    # Property names are data, not prose: a property called "description" stays.
    if not isinstance(properties, dict):
        return _without_prose(properties)
    return {name: _without_prose(schema) for name, schema in properties.items()}


def _format(project: Path) -> None:
    ruff = [sys.executable, "-m", "ruff"]
    for step in (["check", ".", "--fix-only", "--select=F,I,UP"], ["format", "."]):
        result = subprocess.run([*ruff, *step, "--no-cache"], cwd=project, capture_output=True, text=True)
        if result.returncode != 0:
            raise RegenerationError(f"ruff {step[0]} failed on the generated code:\n{result.stdout}{result.stderr}")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _ignored(relative: Path) -> bool:
    return any(part in IGNORED_PARTS or part.endswith(".egg-info") for part in relative.parts)


def generated_files(tree: Path) -> dict[str, Path]:
    """Every file of a generated tree by relative path, leaving out what tools leave behind."""
    if not tree.is_dir():
        return {}
    return {
        path.relative_to(tree).as_posix(): path
        for path in sorted(tree.rglob("*"))
        if path.is_file() and not _ignored(path.relative_to(tree))
    }


def differences(current: Path, wanted: Path) -> Iterator[tuple[str, str]]:
    """(kind, relative path) for every file that is new, changed or should not be there."""
    have, want = generated_files(current), generated_files(wanted)
    for name in sorted(have.keys() | want.keys()):
        if name not in have:
            yield "missing", name
        elif name not in want:
            yield "unexpected", name
        elif have[name].read_bytes() != want[name].read_bytes():
            yield "changed", name


def report_drift(current: Path, wanted: Path) -> int:
    drift = list(differences(current, wanted))
    if not drift:
        print(f"regenerate --check: {current} matches the spec and overlays.")
        return 0
    print(f"regenerate --check: {current} differs from what the spec and overlays generate:")
    for kind, name in drift:
        print(f"  {kind:10} {name}")
    diff_lines = (line for kind, name in drift for line in _unified_diff(current, wanted, kind, name))
    for printed, line in enumerate(diff_lines):
        if printed == MAX_DIFF_LINES:
            print(f"... diff cut at {MAX_DIFF_LINES} lines")
            break
        sys.stdout.write(line if line.endswith("\n") else line + "\n")
    print("Run `python3 tasks.py regenerate` and commit generated/.")
    return 1


def _unified_diff(current: Path, wanted: Path, kind: str, name: str) -> Iterator[str]:
    old = (current / name).read_text(encoding="utf-8", errors="replace").splitlines(True) if kind != "missing" else []
    new = (wanted / name).read_text(encoding="utf-8", errors="replace").splitlines(True) if kind != "unexpected" else []
    return difflib.unified_diff(old, new, f"a/{name}", f"b/{name}")


def replace_tree(built: Path, destination: Path) -> None:
    """Swap `built` in for `destination` so that a failure leaves either the old or the new tree."""
    staging = destination.with_name(f".{destination.name}.new")
    retired = destination.with_name(f".{destination.name}.old")
    for leftover in (staging, retired):
        shutil.rmtree(leftover, ignore_errors=True)
    shutil.copytree(built, staging)
    if destination.exists():
        destination.rename(retired)
    staging.rename(destination)
    shutil.rmtree(retired, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
