"""Rebuild the generator's paths in generated/ from the spec and its inputs, or check them.

    python scripts/regenerate.py              rebuild the paths the generator owns (OWNED), each
                                              replaced whole; nothing else in generated/ is touched
    python scripts/regenerate.py --check      rebuild in a scratch folder; exit 1 listing the owned
                                              files that differ or that the generator did not make
    python scripts/regenerate.py --if-edited  rebuild only when an input has uncommitted edits that
                                              generated/ does not reflect (`tasks.py test` runs this)

Steps: load and validate openapi/clicksend-sms-campaigns.yaml; apply overlays/*.overlay.yaml in name
order; validate again; run the pinned openapi-python-client with generator/config.yaml and the
templates in generator/templates/ (--fail-on-warning: a schema it cannot express stops the build);
drop the generator's unused errors.py; put LICENSE beside the package; write build_info.py with the
sha256 of every input, and spec_facts.py with the facts of the hand-written spec (before overlays)
that the hand-written layer uses; format with the pinned ruff; begin every file with a line saying
where it comes from. The hand-written layer (clicksend_sms_campaigns/_core/) lives in generated/
beside what this writes, and is never read, written or compared here.
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

from scripts.openapi_spec import ROOT, SPEC_PATH, load_spec, resolve, validity_problems
from scripts.overlay import OverlayError, apply_overlays

OVERLAYS_DIR = ROOT / "overlays"
GENERATOR_DIR = ROOT / "generator"
OUTPUT_DIR = ROOT / "generated"
#: What the generator owns in generated/, relative to it ({package} is the package's name): each a
#: file, or a folder owned whole. Only these are written, compared and replaced; a file the build
#: makes anywhere else stops it, and a file in them that the build did not make is drift.
OWNED = (
    "pyproject.toml",
    "README.md",
    "LICENSE",
    ".gitignore",
    "{package}/__init__.py",
    "{package}/api",
    "{package}/models",
    "{package}/client.py",
    "{package}/types.py",
    "{package}/py.typed",
    "{package}/spec_facts.py",
    "{package}/build_info.py",
    "{package}/errors.py",  # the generator's own, dropped when nothing uses it (this package's templates)
)
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
    parser.add_argument("--output", type=Path, default=OUTPUT_DIR, help="the generated package project")
    parser.add_argument(
        "--if-edited",
        action="store_true",
        help="regenerate only when an input has uncommitted edits that generated/ does not reflect",
    )
    args = parser.parse_args(argv)
    inputs = Inputs(args.spec, args.overlays, args.generator)
    if args.if_edited:
        edited = edited_inputs(inputs, args.output)
        if not edited:
            return 0
        print(f"regenerate: {', '.join(edited)} edited since generated/ was made; regenerating.", flush=True)
    try:
        with tempfile.TemporaryDirectory(prefix="regenerate-") as scratch:
            built = build(inputs, Path(scratch))
            if args.check:
                return report_drift(args.output, built, owned_paths(built))
            replace_owned(built, args.output, owned_paths(built))
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

    def files(self) -> dict[str, Path]:
        """Every input file but the spec, by a name relative to the repository when it is inside it."""
        found = {}
        for folder in (self.overlays, self.generator):
            for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
                if path.is_file() and not _ignored(path.relative_to(folder)):
                    found[_shown(path)] = path
        return found


def edited_inputs(inputs: Inputs, output: Path) -> list[str]:
    """Inputs whose sha256 differs from what output's build_info recorded, when the working tree has
    uncommitted edits to them or to output itself; otherwise nothing.

    A clean checkout is never regenerated by `--if-edited`, so CI still fails on drift; a working
    tree with edits to the spec, the overlays or the generator (or one whose generated/ was already
    regenerated from such edits, since undone) is brought up to date before the tests run what was
    edited. The hand-written layer is no input: it is imported where it lies.
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
    # The wheel carries the license (pyproject's license-files); the repository's LICENSE is its one source.
    shutil.copyfile(LICENSE_PATH, output / "LICENSE")
    _write_build_info(package_dir, spec, inputs)
    _write_spec_facts(package_dir, source_spec, package_name)
    _format(output)
    _mark_generated(output)
    _check_only_owned(output, owned_paths(output))
    return output


def owned_paths(project: Path) -> tuple[str, ...]:
    """OWNED with the package's name filled in, read from the built project's one package folder."""
    packages = [path.name for path in project.iterdir() if path.is_dir() and (path / "__init__.py").exists()]
    if len(packages) != 1:
        raise RegenerationError(f"the generator made {len(packages)} packages in {project}, not one: {packages}")
    return tuple(path.format(package=packages[0]) for path in OWNED)


def _owner(name: str, owned: tuple[str, ...]) -> str | None:
    """The owned path a relative file name falls under, if any."""
    return next((path for path in owned if name == path or name.startswith(path + "/")), None)


def _check_only_owned(output: Path, owned: tuple[str, ...]) -> None:
    strays = [name for name in generated_files(output) if _owner(name, owned) is None]
    if strays:
        raise RegenerationError(
            f"the generator wrote {strays}, outside the paths it owns (OWNED in scripts/regenerate.py); "
            "name them there if they are the generator's, since generated/ also holds hand-written code"
        )


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
    "do not edit: change the spec, overlays/ or generator/, then regenerate.",
)


def _mark_generated(output: Path) -> None:
    """Begin every generated file with a line that says where it comes from."""
    for path in sorted(output.rglob("*")):
        if not path.is_file():
            continue
        if path.suffix in (".py", ".toml") or path.name == ".gitignore":
            banner = "".join(f"# {line}\n" for line in _GENERATED_LINES)
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
#: sha256 of every other input: the overlays, the generator's config and templates.
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
            answer, body = (
                _schema_name(operation.get("responses", {}).get("200")),
                _schema_name(operation.get("requestBody")),
            )
            operations.append(
                f"    Operation({name!r}, {method.upper()!r}, {path!r}, {module!r}, {safe!r}, {answer!r}, {body!r}),\n"
            )
            for parameter in [*item.get("parameters", []), *operation.get("parameters", [])]:
                parameter = resolve(spec, parameter).node
                parameters.setdefault(name, {})[parameter["name"]] = _without_prose(
                    resolve(spec, parameter["schema"]).node
                )
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
    answer: str | None = None  #: the schema (in SCHEMAS) of its success answer
    body: str | None = None  #: the schema (in SCHEMAS) of its JSON request body; None without one


#: Every operation, in the spec's order.
OPERATIONS: Final[tuple[Operation, ...]] = (
{"".join(operations)})
#: Path and query parameter schemas by operationId, then parameter name ($refs resolved).
PARAMETERS: Final[dict[str, dict[str, Any]]] = {parameters!r}
#: components/schemas ($refs kept as written).
SCHEMAS: Final[dict[str, Any]] = {schemas!r}
'''
    (package_dir / "spec_facts.py").write_text(text, encoding="utf-8")


def _schema_name(holder: Any) -> str | None:
    """The components/schemas name of a response's or request body's JSON schema, when it is a $ref."""
    schema = (holder or {}).get("content", {}).get("application/json", {}).get("schema") or {}
    ref = schema.get("$ref") if isinstance(schema, dict) else None
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) and ref.startswith("#/components/schemas/") else None


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


def generated_files(tree: Path, owned: tuple[str, ...] | None = None) -> dict[str, Path]:
    """Every file of a tree by relative path (only those under `owned`, when given), leaving out
    what tools leave behind."""
    if not tree.is_dir():
        return {}
    return {
        name: path
        for path in sorted(tree.rglob("*"))
        if path.is_file() and not _ignored(path.relative_to(tree))
        for name in [path.relative_to(tree).as_posix()]
        if owned is None or _owner(name, owned) is not None
    }


def differences(current: Path, wanted: Path, owned: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """(kind, relative path) for every owned file that is new, changed, or there but not generated."""
    have, want = generated_files(current, owned), generated_files(wanted, owned)
    for name in sorted(have.keys() | want.keys()):
        if name not in have:
            yield "missing", name
        elif name not in want:
            yield "unexpected", name
        elif have[name].read_bytes() != want[name].read_bytes():
            yield "changed", name


def report_drift(current: Path, wanted: Path, owned: tuple[str, ...]) -> int:
    drift = list(differences(current, wanted, owned))
    if not drift:
        print(f"regenerate --check: the generator's paths in {current} match the spec and overlays.")
        return 0
    print(f"regenerate --check: the generator's paths in {current} differ from what the spec and overlays generate:")
    for kind, name in drift:
        said = "(in a path the generator owns, but not made by it)" if kind == "unexpected" else ""
        print(f"  {kind:10} {name} {said}".rstrip())
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


def replace_owned(built: Path, destination: Path, owned: tuple[str, ...]) -> None:
    """Swap each owned path of `built` in for the one in `destination`, whole (so that a file the
    generator no longer makes goes too), each swap leaving the old or the new; nothing else in
    `destination` is touched."""
    for path in owned:
        source, target = built / path, destination / path
        staging = target.with_name(f".{target.name}.new")
        retired = target.with_name(f".{target.name}.old")
        for leftover in (staging, retired):
            _remove(leftover)
        if source.is_dir():
            shutil.copytree(source, staging, ignore=shutil.ignore_patterns(*IGNORED_PARTS))
        elif source.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, staging)
        if target.exists():
            target.rename(retired)
        if staging.exists():
            staging.rename(target)
        _remove(retired)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()


if __name__ == "__main__":
    sys.exit(main())
