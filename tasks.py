#!/usr/bin/env python3
"""The project's commands. Each one first makes sure `.venv` holds exactly the pinned tools.

    python3 tasks.py main [--target T] [--record]
                                              the main job: drift check of generated/, then the contract
                                              checks against T = replay (default) | emulator | live
    python3 tasks.py test [PYTEST ARGS...]    the whole test suite
    python3 tasks.py drift [--target T]       Markdown: per operation and field, what was recorded against the spec
    python3 tasks.py regenerate [--check]     rebuild generated/ from the spec and overlays
    python3 tasks.py emulator [--port N]      serve the local ClickSend emulator
    python3 tasks.py bench [--quick]          benchmarks against the peers; writes BENCHMARKS.md
    python3 tasks.py bench --profile NAME     where the time goes in one benchmark (pyinstrument)
    python3 tasks.py lock                     re-resolve constraints.txt from pyproject.toml

Only the standard library is used here, so this file runs on a fresh clone with nothing but
Python 3.11+ and access to the package index.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
CONSTRAINTS = ROOT / "constraints.txt"
PYPROJECT = ROOT / "pyproject.toml"
# The project's own packages, installed editable so that `python -m clicksend_emulator` works in .venv.
LOCAL_PACKAGES = (ROOT / "generated", ROOT / "emulator")
# Written after a successful install; a different fingerprint means the venv is stale.
STAMP = VENV / "installed-fingerprint"


def venv_python(env_dir: Path = VENV) -> Path:
    return env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def dev_requirements() -> list[str]:
    import tomllib  # here, so that Python 3.10 reaches the version message in main() instead

    with PYPROJECT.open("rb") as handle:
        return list(tomllib.load(handle)["project"]["optional-dependencies"]["dev"])


def fingerprint() -> str:
    digest = hashlib.sha256()
    digest.update(sys.version.encode())
    digest.update("\n".join(dev_requirements()).encode())
    digest.update(CONSTRAINTS.read_bytes())
    for package in LOCAL_PACKAGES:
        digest.update((package / "pyproject.toml").read_bytes())
    return digest.hexdigest()


def run(*command: str | Path) -> None:
    """Run a command from the project root; stop with its exit code if it fails."""
    result = subprocess.run([str(part) for part in command], cwd=ROOT, check=False)
    if result.returncode != 0:
        sys.exit(result.returncode)


def ensure_venv() -> Path:
    """Create or refresh .venv so that it holds exactly what constraints.txt pins."""
    wanted = fingerprint()
    if STAMP.exists() and STAMP.read_text() == wanted and venv_python().exists():
        return venv_python()
    print(f"Setting up {VENV.name} from {CONSTRAINTS.name} (first run, or the pins changed)...", flush=True)
    venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    pip = (venv_python(), "-m", "pip", "--disable-pip-version-check", "--quiet")
    run(*pip, "install", "-c", CONSTRAINTS, *dev_requirements())
    editable = [arg for package in LOCAL_PACKAGES for arg in ("-e", str(package))]
    run(*pip, "install", "--no-deps", "--no-build-isolation", *editable)
    STAMP.write_text(wanted)
    return venv_python()


def command_test(args: list[str]) -> None:
    python = ensure_venv()
    run(python, "-m", "pytest", *args)


def command_main(args: list[str]) -> None:
    import argparse

    parser = argparse.ArgumentParser(prog="python3 tasks.py main", description="drift check, then the contract checks")
    parser.add_argument(
        "--target",
        choices=["replay", "emulator", "live"],
        default=os.environ.get("CONTRACT_TARGET", "replay"),
        help="replay the committed cassettes (default), or check against the emulator or the live API",
    )
    parser.add_argument("--record", action="store_true", help="with emulator or live: rewrite that target's cassettes")
    options = parser.parse_args(args)
    python = ensure_venv()
    print("1/2 generated/ against the spec and overlays", flush=True)
    run(python, "scripts/regenerate.py", "--check")
    print(f"\n2/2 spec checks and contract checks, target {options.target}", flush=True)
    run(
        python,
        "-m",
        "pytest",
        "-q",
        "contract_tests",
        "--target",
        options.target,
        *(["--record"] if options.record else []),
    )


def command_drift(args: list[str]) -> None:
    python = ensure_venv()
    run(python, "-m", "contract_tests.drift", *args)


def command_regenerate(args: list[str]) -> None:
    python = ensure_venv()
    run(python, "scripts/regenerate.py", *args)


def command_emulator(args: list[str]) -> None:
    python = ensure_venv()
    run(python, "-m", "clicksend_emulator", *args)


def command_bench(args: list[str]) -> None:
    import tomllib

    python = ensure_venv()
    with PYPROJECT.open("rb") as handle:
        bench_requirements = tomllib.load(handle)["project"]["optional-dependencies"]["bench"]
    pip = (python, "-m", "pip", "--disable-pip-version-check", "--quiet")
    run(*pip, "install", "-c", CONSTRAINTS, *bench_requirements)
    run(python, "benchmarks/run.py", *args)


def command_lock(args: list[str]) -> None:
    """Resolve pyproject's dev dependencies afresh in a scratch venv and write every version."""
    with tempfile.TemporaryDirectory() as scratch:
        env_dir = Path(scratch) / "venv"
        venv.EnvBuilder(with_pip=True).create(env_dir)
        python = venv_python(env_dir)
        run(python, "-m", "pip", "--disable-pip-version-check", "--quiet", "install", *dev_requirements())
        frozen = subprocess.run(
            [str(python), "-m", "pip", "freeze", "--all", "--exclude", "pip", "--exclude", "setuptools"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    header = (
        "# Every package of the dev environment, pinned exactly. Written by `python3 tasks.py lock`\n"
        f"# on Python {sys.version_info.major}.{sys.version_info.minor}; edit pyproject.toml, not this file.\n"
    )
    CONSTRAINTS.write_text(header + "".join(sorted(frozen.splitlines(keepends=True), key=str.lower)))
    print(f"wrote {CONSTRAINTS.name}")


COMMANDS = {
    "main": command_main,
    "test": command_test,
    "drift": command_drift,
    "regenerate": command_regenerate,
    "emulator": command_emulator,
    "bench": command_bench,
    "lock": command_lock,
}


def main(argv: list[str]) -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - this file runs on whatever python3 the user has
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
    if not argv or argv[0] not in COMMANDS:
        sys.exit(__doc__)
    COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    main(sys.argv[1:])
