"""scripts/regenerate.py: drift check, determinism, build info, and stopping cleanly on bad input."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import yaml

from scripts import regenerate
from scripts.openapi_spec import SPEC_PATH

pytestmark = pytest.mark.slow  # generator runs

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"
PACKAGE = GENERATED / "clicksend_sms_campaigns"

# One tiny spec for the tests that need a generator run of their own.
TINY_SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "Tiny", "version": "9.9.9"},
    "paths": {
        "/things/{id}": {
            "get": {
                "operationId": "get_thing",
                "x-safe-to-repeat": True,
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}},
                    }
                },
            }
        }
    },
    "components": {"schemas": {"Thing": {"type": "object", "properties": {"name": {"type": "string"}}}}},
}
TINY_CONFIG = {"project_name_override": "tiny-client", "package_name_override": "tiny_client", "post_hooks": []}


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _tiny_inputs(tmp_path: Path, spec: dict[str, object] | None = None, **config: object) -> regenerate.Inputs:
    """A tiny spec, no overlays, and the generator's own templates."""
    inputs = regenerate.Inputs(tmp_path / "spec.yaml", tmp_path / "overlays", tmp_path / "generator")
    inputs.spec.write_text(yaml.safe_dump(spec or TINY_SPEC))
    for folder in (inputs.overlays, inputs.generator):
        folder.mkdir()
    (inputs.generator / "config.yaml").write_text(yaml.safe_dump({**TINY_CONFIG, **config}))
    return inputs


def _arguments(inputs: regenerate.Inputs) -> list[str]:
    return [
        *("--spec", str(inputs.spec), "--overlays", str(inputs.overlays)),
        *("--generator", str(inputs.generator)),
    ]


def _assert_tiny_build_stops(
    inputs: regenerate.Inputs, tmp_path: Path, capsys: pytest.CaptureFixture[str], *expected: str
) -> None:
    output = tmp_path / "out"
    output.mkdir()
    _assert_stops(_arguments(inputs), output, capsys, *expected)


def test_check_passes_on_the_committed_tree(capsys: pytest.CaptureFixture[str]) -> None:
    assert regenerate.main(["--check"]) == 0, capsys.readouterr().out
    assert "the generator's paths in" in capsys.readouterr().out


def test_changing_one_description_is_drift_naming_the_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    spec["components"]["schemas"]["SmsCampaign"]["properties"]["name"]["description"] = "A new description."
    edited = tmp_path / "spec.yaml"
    edited.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    assert regenerate.main(["--check", "--spec", str(edited)]) == 1
    out = capsys.readouterr().out
    assert "changed    clicksend_sms_campaigns/models/sms_campaign.py" in out
    assert "changed    clicksend_sms_campaigns/build_info.py" in out, "the spec's sha256 changed too"
    assert "+        name (str | None): A new description." in out, "the diff is shown"


def test_a_missing_file_and_one_the_generator_did_not_make_in_its_paths_are_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "generated"
    shutil.copytree(GENERATED, copy)
    (copy / "clicksend_sms_campaigns" / "types.py").unlink()
    (copy / "clicksend_sms_campaigns" / "models" / "stray.py").write_text("x = 1\n")
    assert regenerate.main(["--check", "--output", str(copy)]) == 1
    out = capsys.readouterr().out
    assert "missing    clicksend_sms_campaigns/types.py" in out
    assert (
        "unexpected clicksend_sms_campaigns/models/stray.py (in a path the generator owns, but not made by it)" in out
    )


def test_the_check_catches_an_edit_of_generated_code_and_leaves_hand_written_code_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "generated"
    shutil.copytree(GENERATED, copy)
    hand_written = copy / "clicksend_sms_campaigns" / "_core" / "retries.py"
    hand_written.write_text(hand_written.read_text() + "\n# an edit of the hand-written layer\n")
    (copy / "clicksend_sms_campaigns" / "_core" / "new_helper.py").write_text("X = 1\n")
    assert regenerate.main(["--check", "--output", str(copy)]) == 0, "hand-written code is not the generator's"
    capsys.readouterr()
    generated = copy / "clicksend_sms_campaigns" / "models" / "sms_campaign.py"
    generated.write_text(generated.read_text().replace("A campaign as ClickSend returns it.", "Edited by hand."))
    assert regenerate.main(["--check", "--output", str(copy)]) == 1
    out = capsys.readouterr().out
    assert "changed    clicksend_sms_campaigns/models/sms_campaign.py" in out
    assert "_core" not in out.split("Run `python3 tasks.py regenerate`")[0].split("\n---")[0]


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    first = regenerate.build(regenerate.Inputs(), tmp_path / "one")
    second = regenerate.build(regenerate.Inputs(), tmp_path / "two")
    assert _tree(first) == _tree(second)
    assert list(regenerate.differences(first, second, regenerate.owned_paths(first))) == []


def test_build_info_records_version_and_hashes_of_every_input() -> None:
    namespace: dict[str, object] = {}
    exec((PACKAGE / "build_info.py").read_text(encoding="utf-8"), namespace)
    spec = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    assert namespace["VERSION"] == spec["info"]["version"]
    assert namespace["SPEC_SHA256"] == hashlib.sha256(SPEC_PATH.read_bytes()).hexdigest()
    expected = {
        p.relative_to(ROOT).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for folder in ("overlays", "generator")
        for p in (ROOT / folder).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert namespace["INPUTS_SHA256"] == expected
    assert "overlays/40-answers-in-the-shape-the-reader-gives.overlay.yaml" in expected
    assert "generator/templates/model.py.jinja" in expected
    assert namespace["GENERATOR"] == "openapi-python-client 0.29.1"


def test_the_package_version_is_the_spec_version() -> None:
    spec = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    assert f'version = "{spec["info"]["version"]}"' in (GENERATED / "pyproject.toml").read_text()


def test_writing_replaces_the_generator_s_paths_whole_and_touches_nothing_else(tmp_path: Path) -> None:
    inputs = _tiny_inputs(tmp_path)
    output = tmp_path / "out"
    (output / "tiny_client" / "api").mkdir(parents=True)
    (output / "tiny_client" / "api" / "stale.py").write_text("from an older build")
    hand_written = output / "tiny_client" / "_core" / "helpers.py"
    hand_written.parent.mkdir()
    hand_written.write_text("def double(x: int) -> int:\n    return 2 * x\n")
    (output / "NOTES.txt").write_text("the maintainers' own")
    before = hand_written.stat().st_mtime_ns
    assert regenerate.main([*_arguments(inputs), "--output", str(output)]) == 0
    assert not (output / "tiny_client" / "api" / "stale.py").exists(), "an owned folder is replaced whole"
    assert (output / "tiny_client" / "api" / "default" / "get_thing.py").exists()
    assert 'VERSION: Final = "9.9.9"' in (output / "tiny_client" / "build_info.py").read_text()
    assert hand_written.read_text() == "def double(x: int) -> int:\n    return 2 * x\n"
    assert hand_written.stat().st_mtime_ns == before, "the hand-written file was not even rewritten"
    assert (output / "NOTES.txt").read_text() == "the maintainers' own"
    assert not [p for p in output.rglob(".*") if p.name.endswith((".new", ".old"))], "no staging left behind"


def test_a_file_the_generator_writes_outside_its_paths_stops_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(regenerate, "OWNED", tuple(path for path in regenerate.OWNED if path != "README.md"))
    _assert_tiny_build_stops(_tiny_inputs(tmp_path), tmp_path, capsys, "the generator wrote ['README.md']")


def test_every_generated_file_says_it_is_generated_and_no_hand_written_one_does() -> None:
    owned = regenerate.owned_paths(GENERATED)
    for path in regenerate.generated_files(GENERATED, owned).values():  # what the build makes; no caches
        if path.name in ("LICENSE", "py.typed"):
            continue
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert "Generated by `python3 tasks.py regenerate` from openapi/clicksend-sms-campaigns.yaml" in first, path
    hand_written = [p for p in (PACKAGE / "_core").rglob("*.py") if "__pycache__" not in p.parts]
    assert len(hand_written) > 20
    for path in hand_written:
        assert "Generated by" not in path.read_text(encoding="utf-8").splitlines()[0], path
    assert not (PACKAGE / "errors.py").exists(), "the generator's unused errors.py is dropped"


def _assert_stops(argv: list[str], output: Path, capsys: pytest.CaptureFixture[str], *expected: str) -> None:
    before = _tree(output)
    assert regenerate.main([*argv, "--output", str(output)]) == 2
    err = capsys.readouterr().err
    for text in expected:
        assert text in err
    assert "was left untouched" in err
    assert _tree(output) == before


@pytest.fixture
def output_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "generated"
    shutil.copytree(GENERATED, copy)
    return copy


def test_an_invalid_spec_stops_naming_file_and_place(
    tmp_path: Path, output_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    spec["paths"]["/sms-campaigns"]["get"]["responses"]["200"]["content"] = "oops"
    broken = tmp_path / "broken.yaml"
    broken.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    _assert_stops(["--spec", str(broken)], output_copy, capsys, "broken.yaml", "paths//sms-campaigns/get/responses/200")


def test_unparsable_yaml_stops_naming_the_line(
    tmp_path: Path, output_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("openapi: 3.1.0\ninfo: [unclosed\n")
    _assert_stops(["--spec", str(broken)], output_copy, capsys, "broken.yaml: not valid YAML", "line 2")


def test_an_overlay_that_no_longer_applies_stops_naming_it(
    tmp_path: Path, output_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    overlays = tmp_path / "overlays"
    shutil.copytree(regenerate.OVERLAYS_DIR, overlays)  # the real overlays, plus a stale one
    stale = overlays / "30-stale.overlay.yaml"
    stale.write_text(
        "overlay: 1.0.0\ninfo: {title: stale, version: '1'}\n"
        "actions:\n  - target: $.components.schemas.Renamed\n    description: gone\n    remove: true\n"
    )
    _assert_stops(
        ["--overlays", str(overlays)], output_copy, capsys, "30-stale.overlay.yaml: action 1", "matches nothing"
    )


def test_a_generator_warning_stops_the_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = yaml.safe_load(yaml.safe_dump(TINY_SPEC))
    # A request body type the generator cannot express: it warns and skips the endpoint.
    spec["paths"]["/things/{id}"]["post"] = {
        "operationId": "post_thing",
        "x-safe-to-repeat": False,
        "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
        "requestBody": {"content": {"application/xml": {"schema": {"type": "string"}}}},
        "responses": {"200": {"description": "ok"}},
    }
    _assert_tiny_build_stops(
        _tiny_inputs(tmp_path, spec),
        tmp_path,
        capsys,
        "did not generate cleanly",
        "POST /things/{id}",
        "Unsupported content type",
    )


def test_an_unknown_generator_config_key_stops_the_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = _tiny_inputs(tmp_path, literal_enum=True)
    _assert_tiny_build_stops(inputs, tmp_path, capsys, "config.yaml", "literal_enum")


def test_a_property_name_that_is_not_an_identifier_stops_the_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The project's generator config gives property names no prefix, so nothing makes `1st` valid.
    spec = yaml.safe_load(yaml.safe_dump(TINY_SPEC))
    spec["components"]["schemas"]["Thing"]["properties"] = {"1st": {"type": "string"}}
    inputs = _tiny_inputs(tmp_path, spec, field_prefix="")
    _assert_tiny_build_stops(inputs, tmp_path, capsys, "ruff format failed", "tiny_client/models/thing.py")


def test_every_overlay_says_why() -> None:
    for path in sorted(regenerate.OVERLAYS_DIR.glob("*.overlay.yaml")):
        overlay = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert overlay["info"].get("description"), f"{path.name}: info.description says what the overlay is for"
        for index, action in enumerate(overlay["actions"], start=1):
            assert action.get("description"), f"{path.name}: action {index} has no description saying why"


def test_a_long_drift_diff_is_cut_once_at_its_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(regenerate, "MAX_DIFF_LINES", 12)
    current, wanted = tmp_path / "current", tmp_path / "wanted"
    for tree, text in ((current, "old"), (wanted, "new")):
        tree.mkdir()
        for name in ("a.py", "b.py", "c.py"):
            (tree / name).write_text("".join(f"{text} {n}\n" for n in range(10)))
    assert regenerate.report_drift(current, wanted, ("a.py", "b.py", "c.py")) == 1
    out = capsys.readouterr().out
    assert out.count("diff cut at 12 lines") == 1
    diff_lines = out.split("c.py\n", 1)[1].split("... diff cut")[0].splitlines()
    assert len(diff_lines) == 12 and diff_lines[0] == "--- a/a.py"
