"""events.csv for pandas users: the table has the event's IRI, its articles' URLs and titles and
its clock time; ``kg.to_dataframe`` reads it back typed (codes stay strings, days are dates,
confidences floats), from the file, its folder or the events themselves."""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from test_cookbook import story

import kg
from kg.errors import InputError
from kg.export.rdf import event_iri
from kg.export.table import COLUMNS, write_csv
from kg.query import load_store, resolve_query, run_query

pd = pytest.importorskip("pandas")

STORY = {e.id: e for e in story()}


@pytest.fixture(scope="module")
def story_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_csv(story(), tmp_path_factory.mktemp("table") / "events.csv")


@pytest.fixture(scope="module")
def rows(story_csv: Path) -> dict[str, dict[str, str]]:
    with open(story_csv, newline="", encoding="utf-8") as fh:
        return {r["id"]: r for r in csv.DictReader(fh)}


# --- the CSV -----------------------------------------------------------------------------------

def test_columns_were_only_added_never_renamed():
    before = ("id", "start", "end", "precision", "basis", "cameo", "cameo_name", "plover",
              "quad_class", "goldstein", "label", "modality", "sources", "targets", "places",
              "claimed_by", "confidence", "article_count", "articles", "evidence")
    assert set(before) <= set(COLUMNS)
    assert {"iri", "when", "start_time", "end_time", "urls", "titles"} <= set(COLUMNS)


def test_each_row_carries_the_iri_of_its_event_in_the_turtle(rows):
    assert {r["iri"] for r in rows.values()} == {str(event_iri(i)) for i in STORY}


def test_an_event_dated_to_the_minute_keeps_its_clock_time(rows):
    accusation = rows["zelenskiy-accuses-russia"]
    assert (accusation["start"], accusation["start_time"], accusation["precision"]) == \
        ("2025-05-08", "14:30:00", "minute")
    assert accusation["when"] == "2025-05-08T14:30:00"


@pytest.mark.parametrize("event, when", [
    ("us-sanctions-threat", "2025-05"),  # a month, as xsd:gYearMonth writes it
    ("qatar-mediation", "2025"),
    ("victory-day-truce", "2025-05-08"),
    ("nangaa-rejects-talks", ""),
])
def test_when_is_the_first_timestamp_as_the_turtle_writes_it(rows, event, when):
    assert rows[event]["when"] == when


def test_urls_and_titles_follow_the_order_of_the_articles(rows):
    truce = STORY["victory-day-truce"]
    row = rows["victory-day-truce"]
    by_article = {x.article_id: (x.url, x.title) for x in truce.evidence}
    articles = row["articles"].split("; ")
    assert articles == list(truce.article_ids) and len(articles) == 2
    assert row["urls"].split("; ") == [by_article[a][0] for a in articles]
    assert row["titles"].split(" | ") == [by_article[a][1] for a in articles]


def test_the_csv_joins_the_query_answers_on_iri_and_when(story_csv, tmp_path):
    from kg.export.rdf import to_rdf, write_rdf

    ttl = write_rdf(to_rdf(story()), tmp_path / "kg.ttl")
    answer = run_query(load_store([ttl]), resolve_query("planned-events"))
    table = kg.to_dataframe(story_csv).set_index("iri")
    for when, event, *_ in answer.rows:
        assert table.loc[event, "when"] == when


# --- kg.to_dataframe ---------------------------------------------------------------------------

def test_plain_read_csv_mangles_codes_that_to_dataframe_keeps(seed_export):
    plain = pd.read_csv(seed_export / "events.csv")
    typed = kg.to_dataframe(seed_export / "events.csv")
    assert "0871" in set(typed["cameo"])  # the founding example's truce
    assert 871 in set(plain["cameo"])  # what pandas guesses without help


def test_the_founding_example_reads_back_typed(seed_export, seed_events):
    df = kg.to_dataframe(seed_export / "events.csv")
    assert len(df) == len(seed_events)
    assert str(df["cameo"].dtype) == "string" and str(df["label"].dtype) == "string"
    assert pd.api.types.is_datetime64_any_dtype(df["start"])
    assert pd.api.types.is_datetime64_any_dtype(df["end"])
    assert pd.api.types.is_timedelta64_dtype(df["start_time"])
    for column in ("confidence", "goldstein", "type_confidence", "time_confidence"):
        assert df[column].dtype == "float64", column
    assert str(df["quad_class"].dtype) == "Int64" and str(df["article_count"].dtype) == "Int64"
    truce = df[df.cameo == "0871"].iloc[0]
    assert truce.start == pd.Timestamp(2025, 4, 19) and "Putin" in truce.label


def test_a_folder_or_the_events_themselves_give_the_same_frame(seed_export, seed_events):
    from_file = kg.to_dataframe(seed_export / "events.csv")
    pd.testing.assert_frame_equal(kg.to_dataframe(seed_export), from_file)
    pd.testing.assert_frame_equal(kg.to_dataframe(seed_events), from_file)


def test_missing_values_are_missing_not_empty_strings(story_csv):
    df = kg.to_dataframe(story_csv).set_index("id")
    undated = df.loc["nangaa-rejects-talks"]
    assert pd.isna(undated.start) and pd.isna(undated.when) and pd.isna(undated.start_time)
    assert pd.isna(df.loc["goma-offensive", "claimed_by"])


def test_clock_time_adds_to_the_day(story_csv):
    accusation = kg.to_dataframe(story_csv).set_index("id").loc["zelenskiy-accuses-russia"]
    assert accusation.start + accusation.start_time == pd.Timestamp(2025, 5, 8, 14, 30)


def test_a_file_that_is_not_an_events_table_is_an_input_error(tmp_path):
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="not an events table"):
        kg.to_dataframe(other)
    with pytest.raises(InputError, match="no such file"):
        kg.to_dataframe(tmp_path / "nothing-here")


def test_no_events_give_an_empty_frame_with_every_column():
    df = kg.to_dataframe([])
    assert list(df.columns) == list(COLUMNS) and len(df) == 0
    assert pd.api.types.is_datetime64_any_dtype(df["start"])


def test_a_day_is_a_date_at_midnight():
    ev = STORY["victory-day-truce"]
    df = kg.to_dataframe([ev])
    assert df.start.iloc[0].date() == dt.date(2025, 5, 8) and df.end.iloc[0].date() == ev.time.end


# --- the README's example ----------------------------------------------------------------------

def test_the_readme_pandas_example_runs_as_written(seed_export, tmp_path, monkeypatch):
    import re
    import shutil

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- pandas example -->\s*```python\n(.*?)```", readme, re.DOTALL)
    assert block, "README.md has no pandas example"
    shutil.copytree(seed_export, tmp_path / "exports")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    exec(compile(block.group(1), "README.md", "exec"), namespace)
    meetings, steps = namespace["meetings"], namespace["steps"]
    assert meetings["places"].str.contains("London").any()  # the talks of 23 April
    assert str(meetings["start"].dtype).startswith("datetime64")
    assert len(steps) and set(steps["step"]) >= {"declared"}
    assert (steps["iri"] == steps["event"]).all()


def test_evolve_is_dataclasses_replace_for_the_stage_records() -> None:
    import dataclasses

    import pytest

    from kg.model import Actor, TimeMention, evolve

    a = Actor("ukraine", "Ukraine", "country", aliases=("Kyiv",))
    assert evolve(a, name="Ukr.") == dataclasses.replace(a, name="Ukr.") and a.name == "Ukraine"
    assert evolve(a) == a and evolve(a) is not a
    with pytest.raises(TypeError, match="no field 'nmae'"):
        evolve(TimeMention("Monday", 0, 6), nmae="x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        evolve(a, name="x").name = "y"  # type: ignore[misc]
