#!/usr/bin/env python3
"""The project's commands. Each one first makes sure `.venv` holds exactly the pinned tools.

    python3 tasks.py main [--target T] [--record]
                                              the main job: drift check of generated/, then the contract
                                              checks against T = replay (default) | emulator | live
    python3 tasks.py test [PYTEST ARGS...]    the whole test suite (what CI runs)
    python3 tasks.py test --fast [ARGS...]    the inner loop: everything but the tests marked slow
    python3 tasks.py check                    ruff (lint and format) and mypy, strict, on every hand-written file
    python3 tasks.py drift [--target T]       Markdown: per operation and field, what was recorded against the spec
    python3 tasks.py regenerate [--check]     rebuild generated/ from the spec and overlays
    python3 tasks.py spec-diff [--base REF]   every change to the spec and the public Python API since REF
                                              (default: the last release tag), breaking/additive/internal
    python3 tasks.py release-check [--base REF] [--tag vX.Y.Z]
                                              fail when the version or CHANGELOG.md does not follow the changes
    python3 tasks.py release-notes [--base REF | --section X.Y.Z]
                                              draft a CHANGELOG.md section, or print an existing one
    python3 tasks.py build [--install-check] [--repository-url URL]
                                              wheels and sdists of the client and emulator in dist/, checked
    python3 tasks.py emulator [--port N]      serve the local ClickSend emulator
    python3 tasks.py bench [--quick]          benchmarks against the peers; writes BENCHMARKS.md
    python3 tasks.py bench --profile NAME     where the time goes in one benchmark (pyinstrument)
    python3 tasks.py lock                     re-resolve requirements/*.txt (pins and hashes) from pyproject.toml

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
PYPROJECT = ROOT / "pyproject.toml"
# The locks: every package pinned exactly with the sha256 of each of its files, installed with
# pip's hash checking. One per set of pyproject extras; `python3 tasks.py lock` writes them.
LOCKS = {"dev": ROOT / "requirements" / "dev.txt", "bench": ROOT / "requirements" / "bench.txt"}
LOCK_EXTRAS = {"dev": ("dev",), "bench": ("dev", "bench")}
# The resolver that writes the locks; its version decides what they say, so it is pinned.
LOCKER = "uv==0.13.9"
# The project's own packages, installed editable so that `python -m clicksend_emulator` works in .venv.
LOCAL_PACKAGES = (ROOT / "generated", ROOT / "emulator")
# Written after a successful install; a different fingerprint means the venv is stale.
STAMP = VENV / "installed-fingerprint"


def venv_python(env_dir: Path = VENV) -> Path:
    return env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def fingerprint() -> str:
    """Of the locked environment; the project's own packages have theirs (a version bump reinstalls only them)."""
    return hashlib.sha256(sys.version.encode() + LOCKS["dev"].read_bytes()).hexdigest()


def local_fingerprint() -> str:
    return hashlib.sha256(b"".join((package / "pyproject.toml").read_bytes() for package in LOCAL_PACKAGES)).hexdigest()


def run(*command: str | Path) -> None:
    """Run a command from the project root; stop with its exit code if it fails."""
    result = subprocess.run([str(part) for part in command], cwd=ROOT, check=False)
    if result.returncode != 0:
        sys.exit(result.returncode)


def ensure_venv() -> Path:
    """Create or refresh .venv so that it holds exactly what requirements/dev.txt pins."""
    wanted = f"{fingerprint()} {local_fingerprint()}"
    stamp = STAMP.read_text() if STAMP.exists() and venv_python().exists() else ""
    if stamp == wanted:
        return venv_python()
    pip = (venv_python(), "-m", "pip", "--disable-pip-version-check", "--quiet")
    if stamp.split(" ")[0] != fingerprint():
        lock = LOCKS["dev"].relative_to(ROOT)
        print(f"Setting up {VENV.name} from {lock} (first run, or the pins changed)...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
        run(*pip, "install", *locked_install_arguments("dev"))
    editable = [arg for package in LOCAL_PACKAGES for arg in ("-e", str(package))]
    run(*pip, "install", "--no-deps", "--no-build-isolation", *editable)
    STAMP.write_text(wanted)
    return venv_python()


def locked_install_arguments(lock: str) -> list[str]:
    """pip install arguments that take exactly the lock's files: a file whose hash differs is refused."""
    return ["--require-hashes", "--only-binary", ":all:", "-r", str(LOCKS[lock])]


def command_test(args: list[str]) -> None:
    python = ensure_venv()
    # Uncommitted edits to the spec, overlays or generator are regenerated into generated/ first, so
    # that the tests run what was edited; a clean checkout is never rewritten (CI: drift fails).
    run(python, "scripts/regenerate.py", "--if-edited")
    if "--fast" in args:
        args = ["-m", "not slow", *(arg for arg in args if arg != "--fast")]
    run(python, "-m", "pytest", *args)


# What `check` lints and type-checks: every hand-written file. The hand-written layer of the client
# (generated/clicksend_sms_campaigns/_core) is type-checked with the package it lives in.
CORE = Path("generated") / "clicksend_sms_campaigns" / "_core"
LINTED = ("tasks.py", "scripts", str(CORE), "emulator", "contract_tests", "benchmarks", "tests")
TYPE_CHECKED = ("tasks.py", "scripts", "emulator", "contract_tests", "benchmarks", "tests")


def command_check(args: list[str]) -> None:
    python = ensure_venv()
    run(python, "scripts/regenerate.py", "--if-edited")
    run(python, "-m", "ruff", "check", *LINTED)
    run(python, "-m", "ruff", "format", "--check", *LINTED)
    run(python, "-m", "mypy", *TYPE_CHECKED)
    package = ROOT / "generated" / "clicksend_sms_campaigns"
    run(python, "-m", "mypy", "--strict", "--config-file", package.parent / "pyproject.toml", package)


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
    run(python, "-m", "scripts.contract.drift", *args)


def command_regenerate(args: list[str]) -> None:
    python = ensure_venv()
    run(python, "scripts/regenerate.py", *args)


def command_spec_diff(args: list[str]) -> None:
    run(ensure_venv(), "-m", "scripts.release", "spec-diff", *args)


def command_release_check(args: list[str]) -> None:
    run(ensure_venv(), "-m", "scripts.release", "check", *args)


def command_release_notes(args: list[str]) -> None:
    if args[:1] == ["--section"]:
        run(ensure_venv(), "-m", "scripts.release", "section", *args[1:])
    else:
        run(ensure_venv(), "-m", "scripts.release", "notes", *args)


def command_build(args: list[str]) -> None:
    run(ensure_venv(), "scripts/build_release.py", *args)


def command_emulator(args: list[str]) -> None:
    python = ensure_venv()
    run(python, "-m", "clicksend_emulator", *args)


def command_bench(args: list[str]) -> None:
    python = ensure_venv()
    pip = (python, "-m", "pip", "--disable-pip-version-check", "--quiet")
    run(*pip, "install", *locked_install_arguments("bench"))
    run(python, "-m", "benchmarks.run", *args)


def command_lock(args: list[str]) -> None:
    """Resolve pyproject's extras afresh, for every platform and Python 3.11+, with every file's hash."""
    with tempfile.TemporaryDirectory() as scratch:
        env_dir = Path(scratch) / "venv"
        venv.EnvBuilder(with_pip=True).create(env_dir)
        run(venv_python(env_dir), "-m", "pip", "--disable-pip-version-check", "--quiet", "install", LOCKER)
        uv = env_dir / ("Scripts/uv.exe" if os.name == "nt" else "bin/uv")
        for name, lock in LOCKS.items():
            extras = [arg for extra in LOCK_EXTRAS[name] for arg in ("--extra", extra)]
            run(
                uv, "pip", "compile", PYPROJECT.name, *extras, "--generate-hashes", "--universal",
                "--python-version", "3.11", "--custom-compile-command", "python3 tasks.py lock",
                "--quiet", "--output-file", lock.relative_to(ROOT),
            )  # fmt: skip
            print(f"wrote {lock.relative_to(ROOT)}")


COMMANDS = {
    "main": command_main,
    "test": command_test,
    "check": command_check,
    "drift": command_drift,
    "regenerate": command_regenerate,
    "spec-diff": command_spec_diff,
    "release-check": command_release_check,
    "release-notes": command_release_notes,
    "build": command_build,
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
