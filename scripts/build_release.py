"""Build the release artifacts of the client and the emulator, and check them as a consumer would.

    python scripts/build_release.py [--out dist] [--repository-url URL] [--install-check | --offline-install-check]

For each of generated/ (the client) and emulator/: an sdist, and a wheel built from that sdist (so a
file missing from the sdist fails here, not at a consumer's). Then:
- `twine check --strict` on every file, and `check-wheel-contents` on every wheel;
- every artifact carries LICENSE and the version of the spec's info.version;
- with --install-check, a fresh virtualenv installs both wheels (their dependencies from the package
  index) and imports them; --offline-install-check installs them with --no-deps and borrows the
  dependencies from this environment, for machines without the index.
--repository-url adds the repository's Source, Changelog and Releases URLs to the built metadata
(the release workflow passes its own URL). SHA256SUMS is written beside the artifacts.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import site
import subprocess
import sys
import tarfile
import tempfile
import venv
import zipfile
from pathlib import Path

if __package__ in (None, ""):  # run as a file: make `scripts` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.openapi_spec import ROOT, SPEC_PATH, load_spec

# (project folder, import name)
PROJECTS = ((ROOT / "generated", "clicksend_sms_campaigns"), (ROOT / "emulator", "clicksend_emulator"))
LEFT_BEHIND = shutil.ignore_patterns("__pycache__", "*.egg-info", ".*_cache", "build", "dist")


class BuildError(Exception):
    """An artifact could not be built, or fails a check; the message says which and why."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="where the artifacts go (emptied first)")
    parser.add_argument("--repository-url", help="the repository's URL, for the Source/Changelog/Releases links")
    install = parser.add_mutually_exclusive_group()
    install.add_argument("--install-check", action="store_true", help="install the wheels into a fresh venv")
    install.add_argument("--offline-install-check", action="store_true", help="the same without the index")
    args = parser.parse_args(argv)
    try:
        version = str(load_spec(SPEC_PATH)["info"]["version"])
        artifacts = build_all(args.out, version, args.repository_url)
        check_artifacts(artifacts, version)
        if args.install_check or args.offline_install_check:
            install_and_import(artifacts, version, offline=args.offline_install_check)
    except BuildError as error:
        print(f"build: {error}", file=sys.stderr)
        return 1
    for artifact in artifacts:
        print(
            f"build: {artifact.relative_to(args.out.parent) if artifact.is_relative_to(args.out.parent) else artifact}"
        )
    return 0


def build_all(out: Path, version: str, repository_url: str | None) -> list[Path]:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="build-") as scratch:
        for project, _ in PROJECTS:
            copy = Path(scratch) / project.name
            shutil.copytree(project, copy, ignore=LEFT_BEHIND)
            if repository_url:
                _add_repository_urls(copy / "pyproject.toml", repository_url.rstrip("/"))
            # --no-isolation: the build backend comes from the locked environment, not a fresh download.
            _run(sys.executable, "-m", "build", "--no-isolation", "--outdir", out, copy)
    artifacts = sorted(p for p in out.iterdir() if p.suffix in (".whl", ".gz"))
    (out / "SHA256SUMS").write_text("".join(f"{_sha256(p)}  {p.name}\n" for p in artifacts))
    return artifacts


def _add_repository_urls(pyproject: Path, url: str) -> None:
    text = pyproject.read_text(encoding="utf-8")
    if "[project.urls]" not in text:
        raise BuildError(f"{pyproject.name} of {pyproject.parent.name} has no [project.urls] table to extend")
    links = f'Source = "{url}"\nChangelog = "{url}/blob/main/CHANGELOG.md"\nReleases = "{url}/releases"\n'
    pyproject.write_text(text.replace("[project.urls]\n", "[project.urls]\n" + links, 1), encoding="utf-8")


def check_artifacts(artifacts: list[Path], version: str) -> None:
    wheels = [p for p in artifacts if p.suffix == ".whl"]
    sdists = [p for p in artifacts if p.name.endswith(".tar.gz")]
    if len(wheels) != len(PROJECTS) or len(sdists) != len(PROJECTS):
        raise BuildError(f"expected a wheel and an sdist per project, got {[p.name for p in artifacts]}")
    for artifact in artifacts:
        if f"-{version}" not in artifact.name:
            raise BuildError(f"{artifact.name} does not carry version {version} (the spec's info.version)")
    _run(sys.executable, "-m", "twine", "check", "--strict", *artifacts)
    _run(sys.executable, "-m", "check_wheel_contents", *wheels)
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as archive:
            names = archive.namelist()
        if not any(re.fullmatch(r"[^/]+\.dist-info/licenses/LICENSE", name) for name in names):
            raise BuildError(f"{wheel.name} does not carry LICENSE")
    for sdist in sdists:
        with tarfile.open(sdist) as archive:
            if not any(name.endswith("/LICENSE") for name in archive.getnames()):
                raise BuildError(f"{sdist.name} does not carry LICENSE")


def install_and_import(artifacts: list[Path], version: str, *, offline: bool) -> None:
    """Install the wheels into a new virtualenv and import each package from there."""
    wheels = [p for p in artifacts if p.suffix == ".whl"]
    with tempfile.TemporaryDirectory(prefix="install-check-") as scratch:
        env_dir = Path(scratch) / "venv"
        venv.EnvBuilder(with_pip=True).create(env_dir)
        python = env_dir / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
        pip: list[str | Path] = [python, "-m", "pip", "--disable-pip-version-check", "--quiet", "install"]
        if offline:
            _run(*pip, "--no-index", "--no-deps", *wheels)
            [fresh_site] = (env_dir / "lib").glob("python3.*/site-packages")
            (fresh_site / "borrowed-dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n")
        else:
            _run(*pip, *wheels)
        for _, package in PROJECTS:
            probe = (
                f"import importlib.metadata, {package} as p, pathlib, sys;"
                f"assert pathlib.Path(p.__file__).is_relative_to(pathlib.Path(sys.prefix)), p.__file__;"
                f"print(importlib.metadata.version({package!r}.replace('_', '-')))"
            )
            said = _run(python, "-c", probe, cwd=Path(scratch)).strip()
            if said != version:
                raise BuildError(f"{package} installed from its wheel says version {said!r}, not {version}")
            print(f"build: {package} {said} installs into a fresh virtualenv and imports")


def _run(*command: str | Path, cwd: Path = ROOT) -> str:
    done = subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BuildError(f"{' '.join(str(c) for c in command[:4])} ... failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


if __name__ == "__main__":
    sys.exit(main())
