"""The `kg` command: every command documents itself with an example, `kg build` turns reports
into kg.ttl / timeline.html / events.csv, `kg validate` and `kg timeline` read them back, and
every failure is a few readable lines and an exit status, never a traceback or a half file.
"""
from __future__ import annotations

import errno
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from rdflib import DCTERMS, RDFS, Graph
from rdflib.compare import isomorphic

from kg.cli import EXIT_PARTIAL, cli
from kg.pipeline import text_digest
from kg.export.atomic import LOCK
from kg.export.state import STATE
from kg.errors import ExportError
from articles import ARMENIA, YEMEN

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "easter-truce.txt"
OUTPUTS = {"kg.ttl", "timeline.html", "events.csv"}

LIBYA = ("TRIPOLI (Reuters) - Rival armed groups clashed in the south of the Libyan capital "
         "overnight on Monday, residents said, and the U.N. mission urged both sides to halt "
         "the fighting.\n")


def kg(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], prog_name="kg")


def assert_clean_failure(result: Result, code: int = 1) -> None:
    """Failed on purpose: a set exit status, readable output, no Python traceback."""
    assert result.exit_code == code, (result.exit_code, result.output)
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output


def stray_files(folder: Path) -> list[str]:
    """Hidden or temporary files besides the writer lock (which stays, empty, as SQLite's does)
    and the build's state."""
    return sorted(p.name for p in folder.iterdir()
                  if (p.name.startswith(".") or p.suffix == ".tmp") and p.name not in (LOCK, STATE))


# --- help and documentation ----------------------------------------------------------------------

COMMANDS = sorted(cli.commands)


def test_main_help_lists_every_command_and_shows_an_example():
    result = kg("--help")
    assert result.exit_code == 0
    assert "Example" in result.output
    for name in COMMANDS:
        assert re.search(rf"^\s+{re.escape(name)}\s", result.output, re.MULTILINE), name


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_documented_with_an_example(name: str):
    command = cli.commands[name]
    assert command.help and command.help.strip(), f"kg {name} has no help text"
    result = kg(name, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output, f"kg {name} --help shows no example"
    assert re.search(rf"^\s+kg {re.escape(name)}\b", result.output, re.MULTILINE), \
        f"kg {name} --help has no example of kg {name}"


def _examples() -> list[tuple[str, list[str]]]:
    found = []
    for name in COMMANDS:
        for line in (cli.commands[name].help or "").splitlines():
            line = line.split(">")[0].strip()  # "kg query ... > rows.csv": the shell's part
            if line.startswith("kg "):
                found.append((name, shlex.split(line)))
    return found


@pytest.mark.parametrize("documented_in, words", _examples(), ids=lambda v: v if isinstance(v, str) else None)
def test_examples_use_only_commands_and_options_that_exist(documented_in: str, words: list[str]):
    name = words[1]
    assert name in cli.commands, f"kg {documented_in} --help shows an unknown command: {' '.join(words)}"
    options = {opt for p in cli.commands[name].params if isinstance(p, click.Option)
               for opt in (*p.opts, *p.secondary_opts)}
    for word in words[2:]:
        if word.startswith("-"):
            assert word.split("=")[0] in options, f"{word} is not an option of kg {name}"


def test_version_is_shown():
    result = kg("--version")
    assert result.exit_code == 0 and re.search(r"\d+\.\d+", result.output)


def test_cli_starts_without_loading_heavy_libraries():
    code = ("import sys, kg.cli\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'spacy', 'rdflib', 'pyvis', "
            "'trafilatura', 'pyshacl', 'networkx'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", f"importing kg.cli loads {out.stdout.strip()}"


# --- kg build ------------------------------------------------------------------------------------

def test_build_of_the_founding_example_writes_the_three_outputs(tmp_path: Path, seed_export: Path):
    out = tmp_path / "exports"
    result = kg("build", SEED, "--published", "2025-04-21", "--out", out)
    assert result.exit_code == 0, result.output
    assert OUTPUTS <= {p.name for p in out.iterdir()}
    assert stray_files(out) == []
    for name in OUTPUTS:
        assert (out / name).stat().st_size > 0, name
    assert "1 article" in result.stderr
    # the command is a thin layer: the same graph as the library's build + write_exports, plus
    # the digest of the article's text that lets a later --into tell it is already there
    built = Graph().parse(out / "kg.ttl")
    [digest] = built.objects(None, DCTERMS.identifier)
    assert str(digest) == text_digest(SEED.read_text(encoding="utf-8"))
    built.remove((None, DCTERMS.identifier, None))
    assert isomorphic(built, Graph().parse(seed_export / "kg.ttl"))
    assert (out / "events.csv").read_text(encoding="utf-8") == \
        (seed_export / "events.csv").read_text(encoding="utf-8")


def test_build_without_timeline_writes_no_timeline(tmp_path: Path):
    src = tmp_path / "yemen.txt"
    src.write_text(f"Published: 2024-03-04\n\n{YEMEN}", encoding="utf-8")
    result = kg("build", src, "--out", tmp_path / "out", "--no-timeline", "--quiet")
    assert result.exit_code == 0, result.output
    written = {p.name for p in (tmp_path / "out").iterdir()}
    assert OUTPUTS - {"timeline.html"} <= written and "timeline.html" not in written
    assert result.stderr == ""


def test_build_of_an_undated_report_warns_once_and_suggests_published(tmp_path: Path):
    src = tmp_path / "tripoli.txt"
    src.write_text(LIBYA, encoding="utf-8")
    result = kg("build", src, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    [warning] = [line for line in result.stderr.splitlines() if line.startswith("warning")]
    assert str(src) in warning and "--published" in warning


def _bad_inputs(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    empty = folder / "empty.txt"
    empty.write_bytes(b"")
    latin = folder / "erevan.txt"
    latin.write_bytes("EREVAN (AFP) - L'Arménie et l'Azerbaïdjan ont signé vendredi une "
                      "déclaration de paix à Washington.".encode("latin-1"))
    batch = folder / "batch.jsonl"
    batch.write_text('{"published": "2025-08-09"}\n{"text": "Talks resume", "published": "9/8/25"}\n',
                     encoding="utf-8")
    return [empty, latin, batch, folder / "missing.html"]


def test_build_of_only_bad_inputs_fails_with_one_line_per_problem(tmp_path: Path):
    bad = _bad_inputs(tmp_path / "in")
    result = kg("build", *bad, "--published", "2025-08-11", "--out", tmp_path / "out")
    assert_clean_failure(result)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    named = [str(bad[0]), str(bad[1]), f"{bad[2]}:1", f"{bad[2]}:2", str(bad[3])]
    assert len(errors) == len(named), result.stderr
    for line, where in zip(errors, named):
        assert where in line
    assert "no article" in result.stderr


def test_build_of_only_bad_inputs_leaves_an_earlier_export_untouched(tmp_path: Path, seed_export: Path):
    out = tmp_path / "exports"
    shutil.copytree(seed_export, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    result = kg("build", *_bad_inputs(tmp_path / "in"), "--out", out)
    assert_clean_failure(result)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_build_of_a_folder_with_one_bad_file_builds_the_good_ones(tmp_path: Path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a-yemen.txt").write_text(f"Published: 2024-03-04\n\n{YEMEN}", encoding="utf-8")
    (folder / "b-broken.html").write_text("<html><head><title>Caucasus peace deal</title></head><bo",
                                          encoding="utf-8")
    (folder / "c-armenia.txt").write_text(f"Published: 2025-08-09\n\n{ARMENIA}", encoding="utf-8")
    result = kg("build", folder, "--out", tmp_path / "out")
    assert result.exit_code == EXIT_PARTIAL == 3, result.output  # built, but an input failed
    [error] = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert str(folder / "b-broken.html") in error
    assert "2 article(s)" in result.stderr
    assert OUTPUTS <= {p.name for p in (tmp_path / "out").iterdir()}


@pytest.mark.parametrize("value", ["21/04/2025", "2025-02-30", "yesterday", "April 21", "2025-4-21x"])
def test_bad_published_value_is_a_usage_error_naming_the_format(tmp_path: Path, value: str):
    src = tmp_path / "yemen.txt"
    src.write_text(YEMEN, encoding="utf-8")
    result = kg("build", src, "--published", value, "--out", tmp_path / "out")
    assert_clean_failure(result, code=2)
    assert "--published" in result.stderr and "YYYY-MM-DD" in result.stderr
    assert not (tmp_path / "out").exists()


def test_missing_language_model_is_one_line_saying_what_to_install(tmp_path: Path):
    src = tmp_path / "yemen.txt"
    src.write_text(f"Published: 2024-03-04\n\n{YEMEN}", encoding="utf-8")
    result = kg("build", src, "--model", "no_such_pipeline_xx", "--out", tmp_path / "out")
    assert_clean_failure(result)
    [line] = [ln for ln in result.stderr.splitlines() if ln.startswith("Error")]
    assert "no_such_pipeline_xx" in line and "pip install" in line


def test_out_folder_that_cannot_be_made_is_one_line_naming_it(tmp_path: Path):
    src = tmp_path / "yemen.txt"
    src.write_text(f"Published: 2024-03-04\n\n{YEMEN}", encoding="utf-8")
    out = src / "exports"  # under a file: the folder cannot exist
    result = kg("build", src, "--out", out)
    assert_clean_failure(result)
    assert str(out) in result.stderr


# --- atomic outputs ------------------------------------------------------------------------------

def _failing_replace(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """os.replace fails (disk full) when it would put ``name`` in place."""
    real = os.replace

    def replace(src, dst, *args, **kwargs):
        if Path(dst).name == name:
            raise OSError(errno.ENOSPC, "No space left on device", str(dst))
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)


@pytest.mark.parametrize("name", [
    "kg.ttl",
    "events.csv",
    "timeline.html",
    "timeline.svg",
])
def test_failed_write_leaves_the_earlier_file_whole_and_no_temp_file(
        tmp_path: Path, seed_export: Path, seed_events, monkeypatch: pytest.MonkeyPatch, name: str):
    from kg.export import write_exports

    out = tmp_path / "exports"
    shutil.copytree(seed_export, out)
    if not (out / name).exists():
        pytest.skip(f"write_exports no longer writes {name}")
    before = (out / name).read_bytes()
    _failing_replace(monkeypatch, name)
    with pytest.raises(ExportError, match=re.escape(name)):
        write_exports(seed_events[:3], out)
    assert (out / name).read_bytes() == before
    assert stray_files(out) == []


def test_failed_first_write_leaves_no_file_at_all(tmp_path: Path, seed_events,
                                                  monkeypatch: pytest.MonkeyPatch):
    from kg.export import write_exports

    _failing_replace(monkeypatch, "kg.ttl")
    with pytest.raises(ExportError):
        write_exports(seed_events, tmp_path / "exports")
    assert not (tmp_path / "exports" / "kg.ttl").exists()
    assert stray_files(tmp_path / "exports") == []


def test_build_that_cannot_write_reports_it_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    src = tmp_path / "yemen.txt"
    src.write_text(f"Published: 2024-03-04\n\n{YEMEN}", encoding="utf-8")
    _failing_replace(monkeypatch, "events.csv")
    result = kg("build", src, "--out", tmp_path / "out")
    assert_clean_failure(result)
    assert "events.csv" in result.stderr and "space" in result.stderr
    assert stray_files(tmp_path / "out") == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root writes into read-only folders")
def test_read_only_out_folder_is_one_line_and_no_file(tmp_path: Path):
    src = tmp_path / "yemen.txt"
    src.write_text(f"Published: 2024-03-04\n\n{YEMEN}", encoding="utf-8")
    out = tmp_path / "locked"
    out.mkdir()
    out.chmod(0o555)
    try:
        result = kg("build", src, "--out", out)
    finally:
        out.chmod(0o755)
    assert_clean_failure(result)
    assert list(out.iterdir()) == []


# --- kg validate ---------------------------------------------------------------------------------

def test_validate_accepts_a_build(seed_export: Path):
    result = kg("validate", seed_export / "kg.ttl")
    assert result.exit_code == 0, result.output
    assert "conform" in result.output


def test_validate_lists_violations_one_readable_line_each(tmp_path: Path, seed_export: Path):
    g = Graph().parse(seed_export / "kg.ttl")
    unlabelled = sorted(g.subjects(RDFS.label, None))
    g.remove((None, RDFS.label, None))
    broken = tmp_path / "kg.ttl"
    g.serialize(broken, format="turtle")
    result = kg("validate", broken)
    assert_clean_failure(result)
    lines = result.stdout.splitlines()
    assert len(lines) >= len(unlabelled) > 0
    for line in lines:
        assert len(line) < 300 and "label" in line, line
        assert not re.search(r"https?://", line), f"a raw IRI instead of a readable name: {line}"
    assert re.search(r"\d+ violation", result.stderr)


def test_validate_names_a_file_cut_in_half(tmp_path: Path, seed_export: Path):
    text = (seed_export / "kg.ttl").read_text(encoding="utf-8")
    cut = tmp_path / "kg.ttl"
    cut.write_text(text[: len(text) // 2], encoding="utf-8")
    result = kg("validate", cut)
    assert_clean_failure(result)
    assert str(cut) in result.stderr


@pytest.mark.parametrize("command", [("validate",), ("timeline", "--out", "t.html")])
def test_file_that_is_not_turtle_is_one_line_naming_file_and_line(tmp_path: Path, command: tuple[str, ...]):
    bad = tmp_path / "notes.ttl"
    bad.write_text("Armenia and Azerbaijan: peace declaration signed {see notes}\n", encoding="utf-8")
    result = kg(command[0], bad, *command[1:])
    assert_clean_failure(result)
    [line] = result.stderr.strip().splitlines()
    assert str(bad) in line and "line 1" in line
    assert "b'" not in line, "Python bytes reprs are not for readers"


def test_validate_of_a_missing_file_is_a_usage_error(tmp_path: Path):
    result = kg("validate", tmp_path / "nope.ttl")
    assert_clean_failure(result, code=2)
    assert "nope.ttl" in result.stderr


# --- kg timeline ---------------------------------------------------------------------------------

@pytest.mark.parametrize("source, extra", [("file", ()), ("folder", ()), ("file", ("--by", "country"))])
def test_timeline_of_an_export_writes_an_offline_page(tmp_path: Path, seed_export: Path, seed_events,
                                                      source: str, extra: tuple[str, ...]):
    target = seed_export / "kg.ttl" if source == "file" else seed_export
    page = tmp_path / "x.html"
    result = kg("timeline", target, "--out", page, *extra)
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")
    names = {a.name for e in seed_events for a in e.actors}
    assert any(name in html for name in names)
    assert stray_files(tmp_path) == []


def test_build_also_writes_trig_json_ld_n_triples_and_graphml_that_read_back(tmp_path: Path):
    import networkx as nx
    import rdflib

    src = tmp_path / "yemen.txt"
    src.write_text(f"Published: 2024-03-04\n\n{YEMEN}", encoding="utf-8")
    out = tmp_path / "out"
    result = kg("build", src, "--out", out, "--no-timeline", "--also", "trig", "--also", "json-ld",
                "--also", "nt", "--also", "graphml")
    assert result.exit_code == 0, result.output
    turtle = rdflib.Graph().parse(out / "kg.ttl", format="turtle")
    for name, fmt in (("kg.jsonld", "json-ld"), ("kg.nt", "nt")):
        assert len(rdflib.Graph().parse(out / name, format=fmt)) == len(turtle)
    trig = rdflib.Dataset().parse(out / "kg.trig", format="trig")
    assert len({c for _, _, _, c in trig.quads((None, None, None, None))}) > 1  # a graph per source
    assert nx.read_graphml(out / "kg.graphml").number_of_nodes() > 0


# --- every option a help text names exists ------------------------------------------------------

def _help_texts() -> list[tuple[str, str]]:
    """(command, a line of its help or of one of its options' help), the group's help too."""
    found = [("", line) for line in (cli.help or "").splitlines()]
    for name in COMMANDS:
        command = cli.commands[name]
        found += [(name, line) for line in (command.help or "").splitlines()]
        found += [(name, p.help) for p in command.params if isinstance(p, click.Option) and p.help]
    return found


def _options(name: str) -> set[str]:
    return {opt for p in cli.commands[name].params if isinstance(p, click.Option)
            for opt in (*p.opts, *p.secondary_opts)} | {"--help", "-h"}


@pytest.mark.parametrize("command, line", [(c, ln) for c, ln in _help_texts()
                                           if re.search(r"(?<![\w-])--?[a-z]", ln)])
def test_every_option_named_in_a_help_text_exists(command: str, line: str):
    # an option belongs to the command whose help names it, or to a command the line names
    named = set(re.findall(r"\bkg (\w+)", line)) & set(COMMANDS)
    owners = ({command} if command else set()) | named
    assert owners, f"{line!r} names an option but no command"
    for option in re.findall(r"(?<![\w-])(--[a-z][\w-]*|-[a-zA-Z])\b", line):
        assert any(option in _options(o) for o in owners), \
            f"{option} named in the help of kg {command or '(group)'} is no option of {owners}"


# --- kg build: --also lists, progress, model ----------------------------------------------------

def test_also_takes_a_comma_list(tmp_path: Path):
    src = tmp_path / "yemen.txt"
    src.write_text(f"Published: 2024-03-04\n\n{YEMEN}", encoding="utf-8")
    out = tmp_path / "out"
    result = kg("build", src, "--out", out, "--no-timeline", "--also", "trig,graphml",
                "--also", "nt")
    assert result.exit_code == 0, result.output
    assert {"kg.trig", "kg.graphml", "kg.nt"} <= {p.name for p in out.iterdir()}


def test_also_refuses_an_unknown_format_naming_it(tmp_path: Path):
    result = kg("build", SEED, "--out", tmp_path / "out", "--also", "trig,gexf")
    assert_clean_failure(result, code=2)
    assert "gexf" in result.stderr and "graphml" in result.stderr
    assert not (tmp_path / "out").exists()


def test_build_counts_its_articles_and_says_it_loads_the_model_before_reading(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import kg.cli as kg_cli

    monkeypatch.setattr(kg_cli, "PROGRESS_EVERY", 0.0)  # a line per article, off a terminal
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(
        json.dumps({"text": text, "published": "2024-03-04", "id": name})
        for name, text in (("yemen", YEMEN), ("armenia", ARMENIA), ("libya", LIBYA))) + "\n\n",
        encoding="utf-8")
    (tmp_path / "one.txt").write_text(f"Published: 2024-03-04\n\n{YEMEN}", encoding="utf-8")
    result = kg("build", batch, tmp_path / "one.txt", "--out", tmp_path / "out", "--no-timeline")
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[0] == "4 article(s) to read"
    assert lines[1] == "loading the spaCy model..."
    reads = [ln for ln in lines if ln.startswith("read ")]
    assert [ln.split(" article")[0] for ln in reads] == ["read 1/4", "read 2/4", "read 3/4",
                                                         "read 4/4"]


def test_quiet_build_prints_no_progress(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import kg.cli as kg_cli

    monkeypatch.setattr(kg_cli, "PROGRESS_EVERY", 0.0)
    src = tmp_path / "yemen.txt"
    src.write_text(f"Published: 2024-03-04\n\n{YEMEN}", encoding="utf-8")
    result = kg("build", src, "--out", tmp_path / "out", "--no-timeline", "-q")
    assert result.exit_code == 0 and result.stderr == ""


def test_a_named_model_that_is_missing_is_named_not_the_small_one(tmp_path: Path):
    result = kg("build", SEED, "--model", "en_core_web_lg", "--out", tmp_path / "out")
    assert_clean_failure(result)
    [line] = [ln for ln in result.stderr.splitlines() if ln.startswith("Error")]
    assert "'en_core_web_lg' is not installed" in line and "--model" in line


# --- kg validate, kg explain: folders and every RDF format --------------------------------------

def test_validate_takes_the_export_folder(seed_export: Path):
    result = kg("validate", seed_export)
    assert result.exit_code == 0, result.output
    assert "1 file(s) conform" in result.output


def test_validate_of_a_folder_without_an_export_says_so(tmp_path: Path):
    (tmp_path / "notes.txt").write_text("nothing", encoding="utf-8")
    result = kg("validate", tmp_path)
    assert_clean_failure(result)
    assert "no export" in result.stderr and str(tmp_path) in result.stderr


@pytest.mark.parametrize("fmt, name", [("json-ld", "kg.jsonld"), ("trig", "kg.trig"),
                                       ("nt", "kg.nt")])
def test_explain_reads_every_rdf_format_kg_build_writes(tmp_path: Path, seed_events, fmt, name):
    from kg.export.rdf import to_rdf, write_rdf

    path = write_rdf(to_rdf(seed_events), tmp_path / name, format=fmt)
    truce = next(e for e in seed_events if e.cameo == "0871")
    for target in (path, tmp_path):  # the file, or the folder holding only it
        result = kg("explain", target, truce.id)
        assert result.exit_code == 0, result.output
        assert truce.label in result.output and "CAMEO 0871" in result.output


# --- kg query --param and kg queries ------------------------------------------------------------

@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_query_binds_parameters_from_the_command_line(seed_export: Path, engine: str):
    every = kg("query", seed_export, "-q", "meetings", "--engine", engine, "--format", "csv")
    april = kg("query", seed_export, "-q", "meetings", "--engine", engine, "--format", "csv",
               "--param", "from=2025-04-23", "--param", "to=2025-04-23")
    none = kg("query", seed_export, "-q", "meetings", "--engine", engine, "--format", "csv",
              "-p", "from=2020-01-01", "-p", "to=2020-12-31")
    assert every.exit_code == april.exit_code == none.exit_code == 0, april.output
    def lines(result: Result) -> list[str]:
        return [ln for ln in result.stdout.splitlines() if ln]

    rows = lines(april)[1:]
    assert rows and all(r.startswith("2025-04-23,") for r in rows)  # the London talks
    assert len(rows) < len(lines(every)) - 1
    assert lines(none) == lines(every)[:1]  # the header alone
    assert "exactly as written" in none.stderr


def test_query_names_a_parameter_the_query_does_not_have(seed_export: Path):
    result = kg("query", seed_export, "-q", "meetings", "--param", "actor=Russia")
    assert_clean_failure(result)
    assert "?actor" in result.stderr and "from, to" in result.stderr


def test_query_refuses_a_parameter_without_a_value_sign(seed_export: Path):
    result = kg("query", seed_export, "-q", "meetings", "--param", "from")
    assert_clean_failure(result, code=2)
    assert "NAME=VALUE" in result.stderr


def test_queries_lists_each_query_with_its_parameters():
    result = kg("queries")
    assert result.exit_code == 0
    assert re.search(r"^meetings\s", result.output, re.MULTILINE)
    assert "--param from=2025-01-01" in result.output
    assert "--param actor=Russia" in result.output
