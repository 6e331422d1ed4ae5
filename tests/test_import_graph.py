"""The client and the emulator, drawn as module-level import graphs from their import statements: no
loop; the generated code reaches the hand-written layer through _core/runtime.py alone; the
hand-written layer imports no generated endpoint (it reaches them through the registry)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import import_graph

ROOT = Path(__file__).resolve().parent.parent
CLIENT = ROOT / "generated" / "clicksend_sms_campaigns"
EMULATOR = ROOT / "emulator" / "clicksend_emulator"
CORE = "clicksend_sms_campaigns._core"


def _is_model(name: str) -> bool:
    return name.startswith("clicksend_sms_campaigns.models.")


@pytest.mark.parametrize("package", [CLIENT, EMULATOR], ids=["client", "emulator"])
def test_no_import_loop(package: Path) -> None:
    edges = import_graph.graph(package)
    assert len(edges) > 10
    # The generator's models may refer to one another (imported at the end of each module).
    without_models = {
        name: {target for target in targets if not (_is_model(name) and _is_model(target))}
        for name, targets in edges.items()
    }
    assert import_graph.loops(without_models) == []


def test_the_generated_code_reaches_the_hand_written_layer_through_runtime_only() -> None:
    edges = import_graph.graph(CLIENT)
    generated = {name: targets for name, targets in edges.items() if not name.startswith(CORE)}
    reached = {target for targets in generated.values() for target in targets if target.startswith(CORE)}
    # The package's __init__ re-exports the public names, which _core/__init__.py lists.
    assert reached == {f"{CORE}.runtime", CORE}
    assert {name for name, targets in generated.items() if CORE in targets} == {"clicksend_sms_campaigns"}


def test_the_hand_written_layer_imports_no_generated_endpoint() -> None:
    edges = import_graph.graph(CLIENT)
    endpoints = {
        (name, target)
        for name, targets in edges.items()
        if name.startswith(CORE)
        for target in targets
        if target.startswith("clicksend_sms_campaigns.api")
    }
    assert endpoints == set()


def test_a_loop_through_a_type_checking_import_is_found(tmp_path: Path) -> None:
    # The emulator's old loop: app -> operations -> checks -> app, the last only for type checking.
    package = tmp_path / "looped"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "app.py").write_text("from .operations import run\n\n\nclass Config:\n    pass\n")
    (package / "operations.py").write_text("from . import checks\n\n\ndef run() -> None:\n    pass\n")
    (package / "checks.py").write_text(
        "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from .app import Config\n"
    )
    (package / "alone.py").write_text("def helper() -> None:\n    from .app import Config  # in a function: no edge\n")
    edges = import_graph.graph(package)
    assert edges["looped.checks"] == {"looped.app"} and edges["looped.alone"] == set()
    assert import_graph.loops(edges) == [["looped.app", "looped.checks", "looped.operations"]]
    assert import_graph.main([str(package), "--loops"]) == 1
