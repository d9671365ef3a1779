"""The `kg` command: a thin layer over the library that parses options and prints results."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from kg.errors import InputError, KGError

__all__ = ["main", "cli"]


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD") from None


def _fail(err: KGError) -> click.ClickException:
    return click.ClickException(str(err))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="conflict-kg")
def cli() -> None:
    """conflict-kg: news reports about wars and diplomacy -> a dated knowledge graph.

    \b
    Example:
      kg build examples/easter-truce.txt --published 2025-04-21 --out exports/
      kg validate exports/kg.ttl
    """


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--published", callback=_date, metavar="YYYY-MM-DD",
              help="Publication date for inputs that carry none (plain text, JSONL lines without one).")
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write kg.ttl, timeline.html and events.csv into (replacing them).")
@click.option("--into", "into", type=click.Path(file_okay=False, path_type=Path),
              help="Folder of an earlier build to add these articles to: events merge, IRIs stay.")
@click.option("--model", default=None, help="spaCy pipeline to use (default: en_core_web_sm if installed).")
@click.option("--no-timeline", is_flag=True, help="Skip the HTML timeline.")
@click.option("--also", multiple=True, type=click.Choice(["trig", "json-ld", "nt", "graphml"]),
              help="Also write kg.trig (a named graph per source), kg.jsonld, kg.nt or kg.graphml (Gephi).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where ingest, extraction and resolution run: this process, or Dask workers.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="With --engine dask: start a local Dask cluster of N worker processes (default 2).")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="With --engine dask: use the running Dask scheduler at ADDRESS (tcp://HOST:8786).")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
def build(inputs: tuple[Path, ...], published: dt.date | None, out: Path | None, into: Path | None,
          model: str | None, no_timeline: bool, also: tuple[str, ...], engine: str, workers: int | None,
          scheduler: str | None, quiet: bool) -> None:
    """Build the knowledge graph of INPUTS (.txt, .html, .jsonl files or folders).

    \b
    Example:
      kg build examples/easter-truce.txt --published 2025-04-21 --out exports/
      kg build reports/ batch.jsonl --out out/
      kg build more-reports/ --into out/
      kg build batch.jsonl --out out/ --also trig --also graphml
      kg build reports/ --out out/ --engine dask --workers 2
      kg build reports/ --out out/ --engine dask --scheduler tcp://10.0.0.5:8786
    """
    from kg.export import load_events, write_exports
    from kg.pipeline import Settings, build as run

    if (out is None) == (into is None):
        raise click.UsageError("give exactly one of --out DIR (a new build) or --into DIR (add to one)")
    if engine != "dask" and (workers is not None or scheduler is not None):
        raise click.UsageError("--workers and --scheduler go with --engine dask")
    if workers is not None and scheduler is not None:
        raise click.UsageError("give one of --workers N (a local cluster) or --scheduler ADDRESS")
    existing = []
    if into is not None:
        out = into
        if (into / "kg.ttl").exists():
            try:
                existing = load_events([into / "kg.ttl"])
            except KGError as err:
                raise _fail(err) from err
    assert out is not None  # exactly one of --out/--into was given, checked above

    def warn(err: InputError) -> None:
        click.echo(f"warning: {err}", err=True)

    def error(err: InputError) -> None:
        click.echo(f"error: {err}", err=True)

    bar = None
    if not quiet and sys.stderr.isatty():
        bar = click.progressbar(length=0, label="articles", file=sys.stderr, show_pos=True)

    def progress(_article: object) -> None:
        if bar is not None:
            bar.update(1)

    try:
        settings = Settings(model=model, engine=engine, workers=workers, scheduler=scheduler)
        result = run(inputs, published=published, settings=settings, existing=existing,
                     on_error=error, on_warning=warn, progress=progress)
        if result.articles == 0:  # never replace a good earlier build with an empty one
            raise click.ClickException("no article could be read; see the errors above")
        written = write_exports(result.events, out, timeline=not no_timeline, also=also)
    except KGError as err:
        raise _fail(err) from err
    finally:
        if bar is not None:
            bar.render_finish()
    if not quiet:
        n_sources = sum(1 for e in result.events if len(e.article_ids) > 1)
        click.echo(f"{result.articles} article(s), {len(result.events)} event(s) "
                   f"({n_sources} reported by several articles)" +
                   (f", {len(result.problems)} input problem(s)" if result.problems else ""), err=True)
        for path in written:
            click.echo(f"wrote {path}", err=True)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def validate(files: tuple[Path, ...]) -> None:
    """Check exported Turtle FILES against the project's SHACL shapes.

    \b
    Example:
      kg validate exports/kg.ttl
    """
    from kg.validate import validate_files

    try:
        report = validate_files(files)
    except KGError as err:
        raise _fail(err) from err
    if report.conforms:
        click.echo(f"{len(files)} file(s) conform to the conflict-kg shapes")
        return
    for line in report.violations:
        click.echo(line)
    raise click.ClickException(f"{len(report.violations)} violation(s)")


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


@cli.command()
@click.argument("export", type=click.Path(exists=True, path_type=Path))
@click.argument("event")
def explain(export: Path, event: str) -> None:
    """Say which mentions were merged into EVENT and why.

    EVENT is an event id, its IRI, or words of its label. EXPORT is a kg.ttl file or its folder.

    \b
    Example:
      kg explain exports/ "declare truce"
    """
    from kg.export import load_events

    try:
        events = load_events([export])
    except KGError as err:
        raise _fail(err) from err
    key = event.rsplit("/", 1)[-1].lower()
    found = [e for e in events if e.id.lower() == key] or [e for e in events if key in e.label.lower()]
    if not found:
        raise click.ClickException(f"no event {event!r} in {export}; give an id or words of a label")
    for e in found:
        when = e.time.start.isoformat() if e.time.start else "undated"
        if e.time.end and e.time.end != e.time.start:
            when += f"..{e.time.end.isoformat()}"
        click.echo(f"{e.id}  {e.label}\n  CAMEO {e.cameo}, {when} ({e.time.precision}, {e.time.basis}), "
                   f"{e.modality}, {len(e.evidence)} mention(s) in {len(e.article_ids)} article(s)")
        for n, evd in enumerate(e.evidence, 1):
            src = evd.url or evd.title or evd.article_id
            click.echo(f"  [{n}] {src} (chars {evd.start}-{evd.end}), trigger {evd.trigger!r}")
            click.echo(f"      \"{evd.sentence.strip()}\"")
            click.echo(f"      {'first mention' if n == 1 else 'merged: ' + (evd.reason or 'same event')}")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-q", "--query", "query", required=True,
              help="A .rq file, or the name of a cookbook query (see --list).")
@click.option("--engine", type=click.Choice(["oxigraph", "rdflib"]), default="oxigraph",
              help="Oxigraph is 10-25x faster on large exports; rdflib gives the same rows.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table")
def query(files: tuple[Path, ...], query: str, engine: str, fmt: str) -> None:
    """Run a SPARQL query over exported Turtle FILES (or folders of them).

    \b
    Example:
      kg query exports/kg.ttl -q actor-timeline
      kg query exports/ -q my-question.rq --format csv > rows.csv
    """
    from kg.query import format_result, load_store, resolve_query, run_query

    try:
        text = resolve_query(query)
        result = run_query(load_store(files, engine=engine), text)  # type: ignore[arg-type]
    except KGError as err:
        raise _fail(err) from err
    click.echo(format_result(result, fmt))  # type: ignore[arg-type]


@cli.command(name="queries")
def list_queries() -> None:
    """List the cookbook's ready-made SPARQL questions.

    \b
    Example:
      kg queries
      kg query exports/kg.ttl -q truce-lifecycle
    """
    from kg.query import cookbook

    for name, description in sorted(cookbook().items()):
        click.echo(f"{name:28} {description}")


def main() -> None:
    cli(prog_name="kg")


if __name__ == "__main__":
    main()
