"""Imports flow one way: ingest -> extract -> resolve -> merge -> graph -> export.

A module of a stage imports from its own stage, from stages to its left and from leaf modules;
a leaf imports only leaves; the top (pipeline, CLI, query, validate, the package root) may
import anything. Every import counts, also one inside a function or under ``TYPE_CHECKING``:
each is read from the source with ``ast``. A new module under kg/ must be placed here (in a
stage, among the leaves or at the top) before it can pass.
"""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parent.parent / "kg"
STAGES = ("kg.ingest", "kg.extract", "kg.resolve", "kg.merge", "kg.graph", "kg.export")
# what every stage reads: records, errors, vocabularies, word tables, time expressions
LEAVES = ("kg.model", "kg.errors", "kg.codebook", "kg.vocab", "kg.text", "kg.words", "kg.lexicon",
          "kg.resources", "kg.temporal", "kg.reference")
TOP = ("kg", "kg.pipeline", "kg.cli", "kg.query", "kg.query_params", "kg.query_guard", "kg.frame",
       "kg.validate", "kg.evaluate", "kg.engines")


def _module_name(path: Path) -> str:
    parts = path.relative_to(KG.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(KG.rglob("*.py"))}


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def _place(name: str) -> tuple[str, int]:
    """("stage", index), ("leaf", -1) or ("top", -1) for a module of kg."""
    if any(_within(name, top) for top in TOP[1:]) or name == TOP[0]:
        return "top", -1
    for i, stage in enumerate(STAGES):
        if _within(name, stage):
            return "stage", i
    if any(_within(name, leaf) for leaf in LEAVES):
        return "leaf", -1
    raise LookupError(f"{name} is in no stage, leaf or top: place it in tests/test_architecture.py")


def _absolute(module: str, node: ast.ImportFrom) -> str:
    """The absolute name a (possibly relative) ``from ... import`` reads from."""
    if not node.level:
        return node.module or ""
    package = module.split(".") if MODULES.get(module, Path()).name == "__init__.py" else module.split(".")[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(module: str, source: str) -> set[str]:
    """The kg modules ``module`` imports anywhere in ``source`` (``from kg import x`` -> kg.x)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(module, node)
            found.update(f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names)
    return {n for n in found if _within(n, "kg")}


def violations(module: str, source: str) -> list[str]:
    """Each import of ``module`` that goes against the direction of the pipeline."""
    kind, index = _place(module)
    out = []
    for target in sorted(imports_of(module, source)):
        t_kind, t_index = _place(target)
        if kind == "top" or t_kind == "leaf" or (kind == "stage" and t_kind == "stage" and t_index <= index):
            continue
        out.append(f"{module} ({kind}) imports {target} ({t_kind if t_kind != 'stage' else STAGES[t_index]})")
    return out


def test_every_module_of_kg_has_a_place():
    unplaced = []
    for name in MODULES:
        try:
            _place(name)
        except LookupError as e:
            unplaced.append(str(e))
    assert not unplaced, "\n".join(unplaced)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_flow_from_left_to_right(module: str):
    assert violations(module, MODULES[module].read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(("module", "source", "bad"), [
    ("kg.extract.events", "from kg.resolve.actors import x", True),  # a stage to its right
    ("kg.extract.events", "def f():\n    from kg.merge import y\n", True),  # inside a function
    ("kg.extract.events", "from ..resolve import temporal", True),  # relative
    ("kg.graph.build", "import kg.pipeline", True),  # the top is not a leaf
    ("kg.temporal.find", "from kg.extract import nlp", True),  # a leaf imports no stage
    ("kg.merge", "from kg.resolve.labels import event_label", False),  # to its left
    ("kg.extract.events", "from kg import temporal, model", False),  # leaves
    ("kg.pipeline", "from kg.export import write_exports", False),  # the top reads everything
])
def test_the_direction_check_sees_a_rightward_import(module: str, source: str, bad: bool):
    assert bool(violations(module, source)) is bad


def _loaded_after_import(module: str) -> set[str]:
    code = f"import sys, {module}; print('\\n'.join(m for m in sys.modules if m.startswith('kg')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(done.stdout.split())


@pytest.mark.parametrize("stage", STAGES[:-1])
def test_importing_a_stage_loads_no_stage_to_its_right(stage: str):
    rightwards = STAGES[STAGES.index(stage) + 1:]
    loaded = _loaded_after_import(stage)
    assert not {m for m in loaded if any(_within(m, s) for s in rightwards)}


def test_import_kg_extract_does_not_bring_in_kg_resolve():
    loaded = _loaded_after_import("kg.extract")
    assert "kg.extract" in loaded and "kg.temporal" in loaded
    assert not {m for m in loaded if _within(m, "kg.resolve")}


@pytest.mark.parametrize("leaf", LEAVES)
def test_importing_a_leaf_loads_no_stage(leaf: str):
    loaded = _loaded_after_import(leaf)
    assert not {m for m in loaded if any(_within(m, s) for s in STAGES)}
