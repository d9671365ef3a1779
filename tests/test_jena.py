"""The cookbook in another SPARQL store: Apache Jena's ARQ gives the rows ``kg query`` gives,
over kg.ttl and over kg.trig read as one graph, and the README's Jena example runs as written.

Jena comes from Debian (``libapache-jena-java``, installed by .ci/run) or from Apache's
distribution (``arq`` on the PATH); without it these tests skip. Debian's 4.5.0 package ships
the XML Schema messages of its relocated Xerces under the old package name, and Jena fails to
start without them: the fixture copies them where the classes look (a folder on the class path,
made from the installed jar; nothing is downloaded).
"""
from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest

from kg.export.rdf import to_rdf, write_rdf
from kg.query import format_result, load_store, resolve_query, run_query
from kg.query_params import bind_parameters

ROOT = Path(__file__).resolve().parents[1]
JARS = Path("/usr/share/java")
# Jena's own jars and what they need from Debian's Java libraries
_DEPS = ("commons-cli", "commons-codec", "commons-compress", "commons-csv", "commons-io",
         "commons-lang3", "dexx.collection", "gson", "guava", "httpclient", "httpcore",
         "jackson-core", "jackson-databind", "jackson-annotations", "jakarta.json-api",
         "jsonld-java", "protobuf", "protobuf-util", "slf4j-api", "slf4j-nop", "thrift",
         "libthrift", "titanium-json-ld", "caffeine")


def _debian_jena(fixes: Path) -> list[str] | None:
    if not (JARS / "jena-cmds.jar").is_file() or shutil.which("java") is None:
        return None
    jena = sorted(p for p in JARS.glob("jena-*.jar") if not re.search(r"-\d[\d.]*\.jar$", p.name))
    deps = [JARS / f"{name}.jar" for name in _DEPS if (JARS / f"{name}.jar").is_file()]
    with zipfile.ZipFile(JARS / "jena-core.jar") as jar:
        prefix = "org/apache/jena/ext/xerces/"
        for name in jar.namelist():
            if name.startswith(prefix) and name.endswith(".properties"):
                target = fixes / "xerces" / name[len(prefix):]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(jar.read(name))
    classpath = ":".join(str(p) for p in [fixes, *jena, *deps])
    return ["java", "-cp", classpath, "arq.sparql"]


@pytest.fixture(scope="module")
def arq(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The command that runs Jena's ARQ, checked to answer a trivial query."""
    command = ["arq"] if shutil.which("arq") else _debian_jena(tmp_path_factory.mktemp("jena"))
    if command is None:
        pytest.skip("Apache Jena not installed (Debian: libapache-jena-java)")
    probe = tmp_path_factory.mktemp("probe")
    (probe / "t.ttl").write_text("<http://x/a> <http://x/b> <http://x/c> .\n", encoding="utf-8")
    (probe / "t.rq").write_text("ASK { ?s ?p ?o }", encoding="utf-8")
    run = subprocess.run([*command, "--data", str(probe / "t.ttl"), "--query",
                          str(probe / "t.rq")], capture_output=True, text=True, check=False)
    if run.returncode != 0 or "yes" not in run.stdout.lower():
        pytest.skip(f"Apache Jena does not start here: {run.stderr.strip()[-300:]}")
    return command


def jena_rows(arq: list[str], data: Path, query: str, tmp_path: Path) -> list[tuple[str, ...]]:
    (tmp_path / "q.rq").write_text(query, encoding="utf-8")
    run = subprocess.run([*arq, "--data", str(data), "--query", str(tmp_path / "q.rq"),
                          "--results", "CSV"], capture_output=True, text=True, check=True)
    return [_number(row) for row in list(csv.reader(io.StringIO(run.stdout)))[1:]]


def kg_rows(data: Path, query: str) -> list[tuple[str, ...]]:
    result = run_query(load_store([data]), query)
    return [_number(row) for row in list(csv.reader(io.StringIO(format_result(result, "csv"))))[1:]]


def _number(row: list[str]) -> tuple[str, ...]:
    """Cells as text, numbers in one form (engines print 2.0, 2.00 or 2.0E0 for a sum)."""
    out = []
    for cell in row:
        try:
            value = Decimal(cell)
            out.append(str(value.normalize()) if cell and not cell.isalpha() else cell)
        except InvalidOperation:
            out.append(cell)
    return tuple(out)


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from test_cookbook import story

    folder = tmp_path_factory.mktemp("exports")
    graph = to_rdf(story())
    return {"ttl": write_rdf(graph, folder / "kg.ttl"),
            "trig": write_rdf(graph, folder / "kg.trig", format="trig")}


@pytest.mark.parametrize("name, params", [
    ("meetings", {"from": "2025-05-01", "to": "2025-05-31"}),
    ("truce-lifecycle", {}),
    ("actor-timeline", {"actor": "Ukraine"}),
    ("weekly-goldstein", {}),
    ("fighting-places", {}),
])
def test_jena_gives_the_rows_kg_query_gives(arq, exports, tmp_path, name, params):
    query = bind_parameters(resolve_query(name), params)
    assert jena_rows(arq, exports["ttl"], query, tmp_path) == kg_rows(exports["ttl"], query)


def test_over_trig_jena_needs_the_union_of_every_graph_and_then_agrees(arq, exports, tmp_path):
    query = resolve_query("meetings")
    assert jena_rows(arq, exports["trig"], query, tmp_path) == []  # events sit in named graphs
    named_only = query.replace("WHERE {", "FROM <urn:x-arq:UnionGraph>\nWHERE {", 1)
    assert jena_rows(arq, exports["trig"], named_only, tmp_path) == []  # codes in the default
    union = query.replace(
        "WHERE {", "FROM <urn:x-arq:DefaultGraph>\nFROM <urn:x-arq:UnionGraph>\nWHERE {", 1)
    assert jena_rows(arq, exports["trig"], union, tmp_path) == kg_rows(exports["trig"], query)
    assert kg_rows(exports["trig"], query) == kg_rows(exports["ttl"], query)


def _readme_block(marker: str) -> str:
    """The fenced code block that follows ``marker`` in README.md."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(marker)
    m = re.search(r"```\w*\n(.*?)```", text[start:], re.DOTALL)
    assert m, f"no code block after {marker!r} in README.md"
    return m.group(1)


def test_the_readme_jena_example_runs_as_written(arq, seed_export, tmp_path):
    lines = [ln for ln in _readme_block("<!-- jena example -->").splitlines()
             if ln.startswith("arq ")]
    assert lines, "the README's Jena example has no arq command"
    shutil.copytree(seed_export, tmp_path / "exports")
    shutil.copytree(ROOT / "examples" / "queries", tmp_path / "examples" / "queries")
    for line in lines:
        args = line.split()[1:]
        run = subprocess.run([*arq, *args], capture_output=True, text=True, cwd=tmp_path,
                             check=False)
        assert run.returncode == 0, run.stderr
        assert "London" in run.stdout, f"{line}: the London talks are missing"
