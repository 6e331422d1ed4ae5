"""Releases that move with the spec: what changed since a release, the version it needs, its notes.

    python -m scripts.release spec-diff [--base REF]        every change to the spec and to the package's
                                                           public Python API since REF, classified
    python -m scripts.release check [--base REF] [--tag T]  exit 1 when the spec or generated/ changed
                                                           since REF and the version or CHANGELOG.md
                                                           does not follow; with --tag, the tag must be
                                                           v<info.version>
    python -m scripts.release notes [--base REF]           a draft CHANGELOG.md section for the changes
    python -m scripts.release section VERSION              CHANGELOG.md's section for VERSION (release body)

REF defaults to the last release tag (`v<semver>`) reachable from HEAD. The version rule:

    change since REF        version 1.0.0 and later   version 0.x (the README says so)
    breaking                major                     minor
    additive                minor                     patch
    internal, or generated/ changed with no spec change or API breakage   patch
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

if __package__ in (None, ""):  # run as a file: make `scripts` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.openapi_spec import ROOT
from scripts.spec_diff import KINDS, Kind, SpecDiff, classify

SPEC_FILE = "openapi/clicksend-sms-campaigns.yaml"
GENERATED_DIR = "generated"
PACKAGE = "clicksend_sms_campaigns"
CHANGELOG_FILE = "CHANGELOG.md"
TAG_PATTERN = re.compile(r"^v(\d+)\.(\d+)\.(\d+)$")
VERSION_PATTERN = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")
BUMPS = ("patch", "minor", "major")


class ReleaseError(Exception):
    """The check cannot be made (no such ref, no git, a spec that does not load)."""


@dataclasses.dataclass
class Changes:
    """What changed between a base ref and the working tree."""

    base: str
    base_version: str
    version: str
    spec: SpecDiff
    api_breakages: list[str]
    changed_files: list[str]

    @property
    def worst(self) -> Kind | None:
        if self.api_breakages:
            return "breaking"
        if self.spec.worst is not None:
            return self.spec.worst
        return "internal" if self.changed_files else None

    def report(self) -> str:
        lines = [f"Changes since {self.base} (version {self.base_version}; now {self.version}):", ""]
        lines += ["Spec:", *("  " + line for line in self.spec.report().splitlines()), ""]
        lines.append(f"Public Python API of {PACKAGE} (griffe):")
        lines += [f"  breaking  {line}" for line in self.api_breakages] or ["  no breaking change"]
        lines += ["", f"Files changed under {SPEC_FILE} and {GENERATED_DIR}/: {len(self.changed_files)}"]
        return "\n".join(lines)


def git(repo: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=False)
    except FileNotFoundError as error:
        raise ReleaseError("git is not installed; the release checks compare against git refs") from error
    if done.returncode != 0:
        raise ReleaseError(f"git {' '.join(args)}: {done.stderr.strip() or done.stdout.strip()}")
    return done.stdout


def last_release_tag(repo: Path, other_than: str | None = None) -> str | None:
    """The highest `v<semver>` tag reachable from HEAD (other than the one being released), or None."""
    if subprocess.run(["git", "rev-parse", "--verify", "-q", "HEAD"], cwd=repo, capture_output=True).returncode:
        return None  # a repository with no commit yet
    tags = git(repo, "tag", "--merged", "HEAD", "--list", "v*").split()
    versions = [(parse_version(tag[1:]), tag) for tag in tags if TAG_PATTERN.match(tag) and tag != other_than]
    return max(versions)[1] if versions else None


def parse_version(text: str) -> tuple[int, int, int]:
    match = VERSION_PATTERN.match(text.strip())
    if not match:
        raise ReleaseError(f"version {text!r} is not MAJOR.MINOR.PATCH (info.version in {SPEC_FILE})")
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


def spec_at(repo: Path, ref: str | None) -> dict[str, Any]:
    """The spec at a git ref, or in the working tree when ref is None."""
    text = (repo / SPEC_FILE).read_text(encoding="utf-8") if ref is None else git(repo, "show", f"{ref}:{SPEC_FILE}")
    loaded = yaml.safe_load(text)
    if not isinstance(loaded, dict):
        raise ReleaseError(f"{SPEC_FILE} at {ref or 'the working tree'} is not a YAML mapping")
    return loaded


def version_of(spec: dict[str, Any]) -> str:
    return str((spec.get("info") or {}).get("version", ""))


def changed_files(repo: Path, base: str) -> list[str]:
    """Tracked files under the spec and generated/ that differ from base, and untracked new ones."""
    paths = [SPEC_FILE, GENERATED_DIR]
    tracked = git(repo, "diff", "--name-only", base, "--", *paths).split()
    untracked = git(repo, "ls-files", "--others", "--exclude-standard", "--", *paths).split()
    return sorted(set(tracked) | set(untracked))


#: Besides the names the package exports, the generated modules users import by their path.
PUBLIC_MODULES = ("api", "models", "client", "types", "build_info")


def api_breakages(repo: Path, base: str) -> list[str]:
    """Breaking changes to the package's public Python API since base, by griffe.

    The public API is what the package's __init__ exported at base (`__all__`) and the generated
    modules of PUBLIC_MODULES. The modules behind the exported names may move (the hand-written
    layer's are private, in `_core/`): a module of base that is gone is compared with the module of
    the same name found elsewhere in the package, so an exported function or class is judged
    wherever it now lives.
    """
    import griffe

    try:
        old = griffe.load_git(PACKAGE, ref=base, repo=repo, search_paths=[GENERATED_DIR], resolve_aliases=True)
    except Exception as error:  # griffe raises many kinds; none of them may hide the check
        raise ReleaseError(f"griffe could not load {PACKAGE} at {base}: {error}") from error
    new = griffe.load(PACKAGE, search_paths=[str(repo / GENERATED_DIR)], resolve_aliases=True)
    public = {f"{PACKAGE}.{name}" for name in PUBLIC_MODULES}
    exported = sorted(str(name) for name in old.exports or ())
    public |= {_target_path(old, name) for name in exported}
    # What the package's __init__ defines itself is public unless its name says otherwise.
    public |= {
        f"{PACKAGE}.{name}"
        for name, member in old.members.items()
        if not name.startswith("_") and not member.is_alias and not member.is_module
    }
    pairs = [(old, new)] + [(module, _moved(new, module.name)) for module in _gone_modules(old, new)]
    found = set()
    for before, after in pairs:
        if after is None:
            continue
        for breakage in griffe.find_breaking_changes(before, after):
            path = breakage.obj.path
            # Where the object was at base, which is what `public` names.
            was = before.path + path[len(after.path) :] if path.startswith(after.path) else path
            if not any(was == name or was.startswith(name + ".") for name in public):
                continue
            text = f"{path}: {breakage.kind.value}"
            values = [_shown(v) for v in (breakage.old_value, breakage.new_value) if v is not None]
            if breakage.kind is not griffe.BreakageKind.OBJECT_REMOVED and values:
                text += f" ({' to '.join(values)})"
            found.add(text)
    for name in exported:
        if name not in new.members:
            found.add(f"{PACKAGE}.{name}: no longer exported")
    return sorted(found)


def _target_path(package: Any, name: str) -> str:
    member = package.members.get(name)
    try:
        return str(member.final_target.path) if member is not None and member.is_alias else f"{PACKAGE}.{name}"
    except Exception:  # an alias griffe cannot resolve is judged by its own path
        return f"{PACKAGE}.{name}"


def _gone_modules(old: Any, new: Any) -> list[Any]:
    return [member for name, member in old.modules.items() if name not in new.modules]


def _moved(package: Any, name: str) -> Any:
    """The module called `name` somewhere below `package`, if there is one."""
    for member in package.modules.values():
        if member.name == name:
            return member
        found = _moved(member, name)
        if found is not None:
            return found
    return None


def _shown(value: Any) -> str:
    """A parameter by its name, anything else (a type, a default) as griffe writes it."""
    name = getattr(value, "name", None)
    return name if isinstance(name, str) and type(value).__name__ == "Parameter" else str(value)


def changes_since(repo: Path, base: str) -> Changes:
    old_spec, new_spec = spec_at(repo, base), spec_at(repo, None)
    files = changed_files(repo, base)
    api = api_breakages(repo, base) if any(f.startswith(GENERATED_DIR + "/") for f in files) else []
    return Changes(base, version_of(old_spec), version_of(new_spec), classify(old_spec, new_spec), api, files)


def required_bump(worst: Kind, base_version: str) -> str:
    major = parse_version(base_version)[0]
    if worst == "breaking":
        return "major" if major >= 1 else "minor"
    if worst == "additive":
        return "minor" if major >= 1 else "patch"
    return "patch"


def bump_made(base_version: str, version: str) -> str | None:
    """Which part was raised (the highest), or None when the version did not go up."""
    old, new = parse_version(base_version), parse_version(version)
    if new <= old:
        return None
    if new[0] > old[0]:
        return "major"
    return "minor" if new[1] > old[1] else "patch"


def changelog_section(changelog: str, version: str) -> str | None:
    """The text under `## <version>` (or `## [<version>]`), up to the next `## `; None when absent."""
    heading = re.compile(rf"^## \[?{re.escape(version)}\]?(?:\s|$)")
    lines = changelog.splitlines()
    for index, line in enumerate(lines):
        if heading.match(line):
            end = next((i for i in range(index + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
            return "\n".join(lines[index:end]).strip() + "\n"
    return None


def check(repo: Path, base: str | None, tag: str | None = None) -> tuple[bool, str]:
    """Whether the version and CHANGELOG.md follow what changed since base; and why, for a person."""
    version = version_of(spec_at(repo, None))
    parse_version(version)
    problems: list[str] = []
    said: list[str] = []
    if tag is not None and tag != f"v{version}":
        problems.append(f"the tag {tag} is not v{version}, the spec's info.version")
    changelog_path = repo / CHANGELOG_FILE
    changelog = changelog_path.read_text(encoding="utf-8") if changelog_path.exists() else ""
    has_section = changelog_section(changelog, version) is not None
    problems += _version_agreement(repo, version)
    base = base or last_release_tag(repo, other_than=tag)
    if base is None:
        said.append(f"No release tag yet: version {version} is the first release.")
        if not has_section:
            problems.append(f"{CHANGELOG_FILE} has no section '## {version}'")
    else:
        changes = changes_since(repo, base)
        said.append(changes.report())
        if changes.worst is None:
            said.append(f"\nNothing changed under {SPEC_FILE} or {GENERATED_DIR}/ since {base}: no release is needed.")
        else:
            needed = required_bump(changes.worst, changes.base_version)
            made = bump_made(changes.base_version, version)
            said.append(f"\nThe worst change is {changes.worst}: version {changes.base_version} needs a {needed} bump.")
            if made is None or BUMPS.index(made) < BUMPS.index(needed):
                problems.append(
                    f"info.version is {version} but the {changes.worst} changes since {base} need a {needed} bump "
                    f"of {changes.base_version} (draft the notes with `python3 tasks.py release-notes`)"
                )
            if not has_section:
                problems.append(f"{CHANGELOG_FILE} has no section '## {version}' for the new version")
    if problems:
        said += ["", "release-check failed:", *(f"- {problem}" for problem in problems)]
    else:
        said += ["", f"release-check passed: version {version}."]
    return not problems, "\n".join(said)


def _version_agreement(repo: Path, version: str) -> list[str]:
    """The emulator is released with the client, at its version, and depends on exactly that client."""
    emulator = repo / "emulator" / "pyproject.toml"
    if not emulator.exists():
        return []
    import tomllib

    project = tomllib.loads(emulator.read_text(encoding="utf-8"))["project"]
    problems = []
    if project.get("version") != version:
        problems.append(f"emulator/pyproject.toml has version {project.get('version')}, not {version} (info.version)")
    if f"clicksend-sms-campaigns=={version}" not in project.get("dependencies", []):
        problems.append(f"emulator/pyproject.toml must depend on clicksend-sms-campaigns=={version}")
    return problems


def draft_notes(changes: Changes, today: datetime.date | None = None) -> str:
    """A CHANGELOG.md section drafted from the classification; a person edits it before release."""
    needed = required_bump(changes.worst or "internal", changes.base_version)
    major, minor, patch = parse_version(changes.base_version)
    proposed = {"major": f"{major + 1}.0.0", "minor": f"{major}.{minor + 1}.0", "patch": f"{major}.{minor}.{patch + 1}"}
    version = changes.version if bump_made(changes.base_version, changes.version) else proposed[needed]
    headings: dict[Kind, str] = {"breaking": "Breaking", "additive": "Added", "internal": "Internal"}
    lines = [f"## {version} - {(today or datetime.date.today()).isoformat()}", ""]
    lines.append(f"Since {changes.base} ({changes.base_version}); a {needed} release.")
    for kind in KINDS:
        entries = [f"- {c.where}: {c.why}" for c in changes.spec.of_kind(kind)]
        if kind == "breaking":
            entries += [f"- Python API: {line}" for line in changes.api_breakages]
        if entries:
            lines += ["", f"### {headings[kind]}", *entries]
    if changes.spec.worst is None and not changes.api_breakages and changes.changed_files:
        lines += [
            "",
            "### Changed",
            f"- The generated package changed ({len(changes.changed_files)} files); the spec did not.",
        ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repo", type=Path, default=ROOT, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("spec-diff", "check", "notes"):
        sub = commands.add_parser(name)
        sub.add_argument("--base", help="a git ref (default: the last release tag)")
        if name == "check":
            sub.add_argument("--tag", help="the tag being released; must be v<info.version>")
    section = commands.add_parser("section")
    section.add_argument("version")
    args = parser.parse_args(argv)
    repo: Path = args.repo
    try:
        if args.command == "check":
            passed, said = check(repo, args.base, args.tag)
            print(said)
            return 0 if passed else 1
        if args.command == "section":
            found = changelog_section((repo / CHANGELOG_FILE).read_text(encoding="utf-8"), args.version)
            if found is None:
                print(f"{CHANGELOG_FILE} has no section for {args.version}", file=sys.stderr)
                return 1
            print(found, end="")
            return 0
        base = args.base or last_release_tag(repo)
        if base is None:
            print("No release tag (v<version>) yet; name what to compare with: --base REF", file=sys.stderr)
            return 2
        changes = changes_since(repo, base)
        print(changes.report() if args.command == "spec-diff" else draft_notes(changes), end="\n")
        return 0
    except ReleaseError as error:
        print(f"release: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
