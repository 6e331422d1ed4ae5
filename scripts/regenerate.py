"""Rebuild generated/ from the spec and overlays, or check that it is up to date.

    python scripts/regenerate.py            rebuild generated/ (replaced whole, never half-written)
    python scripts/regenerate.py --check    rebuild in a scratch folder; exit 1 listing the files
                                            that differ from generated/, with their diff

Steps: load and validate openapi/clicksend-sms-campaigns.yaml; apply overlays/*.overlay.yaml in
name order; validate again; run the pinned openapi-python-client with overlays/generator-config.yaml
and the templates in overlays/templates/ (any generator warning stops the build); carry the
hand-written modules in overlays/modules/ into the package, and LICENSE beside it; write
build_info.py with the sha256 of every input, and spec_facts.py with the constraints of the
hand-written spec (before overlays) that the hand-written modules enforce; format with the pinned
ruff. Exit status: 0 done or up to date, 1 drift, 2 error.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import importlib.metadata
import json
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

OVERLAYS_DIR = ROOT / "overlays"
OUTPUT_DIR = ROOT / "generated"
CONFIG_NAME = "generator-config.yaml"
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
    parser.add_argument("--overlays", type=Path, default=OVERLAYS_DIR, help="overlays, config, templates, modules")
    parser.add_argument("--output", type=Path, default=OUTPUT_DIR, help="the generated package project")
    args = parser.parse_args(argv)
    try:
        with tempfile.TemporaryDirectory(prefix="regenerate-") as scratch:
            built = build(args.spec, args.overlays, Path(scratch))
            if args.check:
                return report_drift(args.output, built)
            replace_tree(built, args.output)
    except RegenerationError as error:
        print(f"regenerate: {error}", file=sys.stderr)
        print(f"regenerate: {args.output} was left untouched.", file=sys.stderr)
        return 2
    print(f"regenerate: wrote {args.output}")
    return 0


def build(spec_path: Path, overlays_dir: Path, scratch: Path) -> Path:
    """Generate the package project into `scratch` and return its folder.

    The generator runs in the background while the spec, the overlaid spec and the generator
    config are checked on the other core; any problem stops it before anything is kept.
    """
    source_spec = _load_spec(spec_path)
    overlay_paths = sorted(overlays_dir.glob("*.overlay.yaml"))
    try:
        spec = apply_overlays(source_spec, overlay_paths)
    except OverlayError as error:
        _check_valid(source_spec, spec_path)  # an invalid spec is reported as such, not as an overlay fault
        raise RegenerationError(str(error)) from error

    config_path = overlays_dir / CONFIG_NAME
    config = _read_generator_config(config_path)
    package_name = config.get("package_name_override")
    if not isinstance(package_name, str):
        raise RegenerationError(f"{config_path}: package_name_override must name the package")

    scratch.mkdir(parents=True, exist_ok=True)
    spec_for_generator = scratch / "spec.json"
    spec_for_generator.write_text(json.dumps(spec, ensure_ascii=False, indent=1), encoding="utf-8")
    output = scratch / "generated"
    generator = _start_generator(spec_for_generator, config_path, overlays_dir / "templates", output)
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
    _carry_modules(overlays_dir / "modules", package_dir)
    # The wheel carries the license (pyproject's license-files); the repository's LICENSE is its one source.
    shutil.copyfile(LICENSE_PATH, output / "LICENSE")
    _write_build_info(package_dir, spec, spec_path, overlays_dir)
    _write_spec_facts(package_dir, source_spec)
    _format(output)
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
    command += ["--meta", "uv", "--output-path", str(output), "--overwrite"]
    if templates.is_dir():
        command += ["--custom-template-path", str(templates)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _finish_generator(process: subprocess.Popen[str], spec: Path, output: Path) -> None:
    said = (process.communicate()[0] or "").strip()
    if process.returncode != 0 or "Warning(s) encountered" in said or "Error(s) encountered" in said:
        raise RegenerationError(f"openapi-python-client did not generate cleanly from {spec.name}:\n{said}")
    if not output.is_dir():
        raise RegenerationError(f"openapi-python-client wrote nothing:\n{said}")


def _carry_modules(modules_dir: Path, package_dir: Path) -> None:
    """Copy the hand-written modules into the package; one may not replace a generated file."""
    if not modules_dir.is_dir():
        return
    for source in sorted(modules_dir.rglob("*.py")):
        if _ignored(source.relative_to(modules_dir)):
            continue
        destination = package_dir / source.relative_to(modules_dir)
        if destination.exists():
            raise RegenerationError(f"{source}: would replace the generated {destination.relative_to(package_dir)}")
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)


def _write_build_info(package_dir: Path, spec: dict[str, Any], spec_path: Path, overlays_dir: Path) -> None:
    overlay_hashes = {
        path.relative_to(overlays_dir).as_posix(): _sha256(path)
        for path in sorted(overlays_dir.rglob("*"))
        if path.is_file() and not _ignored(path.relative_to(overlays_dir))
    }
    generator = importlib.metadata.version("openapi-python-client")
    text = f'''"""What this package was generated from. Written by scripts/regenerate.py; never edit it."""

from typing import Final

#: The spec's info.version, which is also the package version.
VERSION: Final = {str(spec["info"]["version"])!r}
#: sha256 of the hand-written spec, before overlays.
SPEC_SHA256: Final = {_sha256(spec_path)!r}
#: sha256 of every file under overlays/ (overlays, generator config, templates, modules).
OVERLAYS_SHA256: Final[dict[str, str]] = {overlay_hashes!r}
GENERATOR: Final = {f"openapi-python-client {generator}"!r}
'''
    (package_dir / "build_info.py").write_text(text, encoding="utf-8")


# Keys that describe rather than constrain; left out of spec_facts.py.
_PROSE_KEYS = {"description", "summary", "examples", "example", "title"}


def _write_spec_facts(package_dir: Path, spec: dict[str, Any]) -> None:
    """Write the spec's constraints as Python data, so hand-written checks never copy them."""
    parameters: dict[str, dict[str, Any]] = {}
    request_schemas: dict[str, str] = {}
    for item in spec["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            name = operation["operationId"]
            for parameter in [*item.get("parameters", []), *operation.get("parameters", [])]:
                parameter = _resolve(spec, parameter)
                parameters.setdefault(name, {})[parameter["name"]] = _without_prose(_resolve(spec, parameter["schema"]))
            body_schema = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            if body_schema and "$ref" in body_schema:
                request_schemas[name] = body_schema["$ref"].rsplit("/", 1)[-1]
    schemas = {name: _without_prose(schema) for name, schema in spec["components"]["schemas"].items()}
    text = f'''"""The spec's constraints, for the hand-written checks. Written by scripts/regenerate.py; never edit it.

Taken from the hand-written spec before overlays, with descriptions and examples left out.
"""

from typing import Any, Final

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


def _files(tree: Path) -> dict[str, Path]:
    if not tree.is_dir():
        return {}
    return {
        path.relative_to(tree).as_posix(): path
        for path in sorted(tree.rglob("*"))
        if path.is_file() and not _ignored(path.relative_to(tree))
    }


def differences(current: Path, wanted: Path) -> Iterator[tuple[str, str]]:
    """(kind, relative path) for every file that is new, changed or should not be there."""
    have, want = _files(current), _files(wanted)
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
    printed = 0
    for kind, name in drift:
        old = (
            (current / name).read_text(encoding="utf-8", errors="replace").splitlines(True) if kind != "missing" else []
        )
        new = (
            (wanted / name).read_text(encoding="utf-8", errors="replace").splitlines(True)
            if kind != "unexpected"
            else []
        )
        for line in difflib.unified_diff(old, new, f"a/{name}", f"b/{name}"):
            if printed >= MAX_DIFF_LINES:
                print(f"... diff cut at {MAX_DIFF_LINES} lines")
                break
            sys.stdout.write(line if line.endswith("\n") else line + "\n")
            printed += 1
    print("Run `python3 tasks.py regenerate` and commit generated/.")
    return 1


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
