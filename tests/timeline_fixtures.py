"""Hand-built events for timeline, query and browser tests and the timeline benchmark.

A brokered truce and what followed it (real-world shape, invented details), a seeded synthetic
generator for large graphs, and events whose text is hostile markup.
"""
from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from kg.model import Actor, Event, Evidence, Place, TimeSpan


SUDAN = Actor("sudan", "Sudan", "country", aliases=("Khartoum",))
SAF = Actor("sudanese-armed-forces", "Sudanese Armed Forces", "armed_forces",
            aliases=("SAF", "the army"), affiliation="sudan")
RSF = Actor("rapid-support-forces", "Rapid Support Forces", "armed_group", aliases=("RSF",),
            affiliation="sudan")
BURHAN = Actor("abdel-fattah-al-burhan", "Abdel Fattah al-Burhan", "person", affiliation="sudan")
SAUDI = Actor("saudi-arabia", "Saudi Arabia", "country", aliases=("Riyadh",))
USA = Actor("united-states", "United States", "country", aliases=("Washington",))
BLINKEN = Actor("antony-blinken", "Antony Blinken", "person", affiliation="united-states")
JEDDAH = Place("jeddah", "Jeddah", "city", country="saudi-arabia", lat=21.54, lon=39.17)
KHARTOUM = Place("khartoum", "Khartoum", "city", country="sudan", lat=15.5, lon=32.56)
OMDURMAN = Place("omdurman", "Omdurman", "city", country="sudan")


def _ev(article: str, sentence: str, trigger: str, *, url: str | None = None,
        published: dt.date = dt.date(2023, 5, 24), title: str | None = None) -> Evidence:
    return Evidence(article, sentence, 0, len(sentence), trigger, url, title, published)


def truce_events() -> list[Event]:
    """A week of reporting on a brokered truce: declared, violated, accused, talks, threats."""
    day = lambda d, **kw: TimeSpan(dt.date(2023, 5, d), dt.date(2023, 5, d), **kw)  # noqa: E731
    return [
        Event("truce", "0871", "SAF and RSF agree a seven-day humanitarian ceasefire",
              TimeSpan(dt.date(2023, 5, 22), dt.date(2023, 5, 29), "minute", "explicit",
                       "from 9:45 p.m. on Monday for seven days", start_time=dt.time(21, 45)),
              sources=(SAF, RSF), targets=(SAUDI, USA), places=(JEDDAH,),
              evidence=(
                  _ev("wire-1", "Sudan's warring parties agreed to a seven-day ceasefire that "
                      "takes effect at 9:45 p.m. on Monday, Saudi Arabia and the United States "
                      "said in a joint statement.", "agreed", url="https://news.example/sudan-truce",
                      title="Sudan rivals agree week-long truce", published=dt.date(2023, 5, 21)),
                  _ev("wire-2", "The truce, brokered in Jeddah, is meant to let aid reach "
                      "Khartoum.", "truce", url="http://agency.example/a/123",
                      published=dt.date(2023, 5, 22)),
              ), confidence=0.9),
        Event("shelling", "196", "Shelling in Omdurman breaks the truce",
              day(23, text="on Tuesday", basis="relative"),
              sources=(RSF,), targets=(SAF,), places=(OMDURMAN, KHARTOUM), claimed_by=(SAF,),
              links=(("violates", "truce"),),
              evidence=(_ev("wire-3", "Residents reported artillery fire in Omdurman on "
                            "Tuesday, hours after the ceasefire began.", "artillery fire",
                            url="https://wire.example/omdurman"),), confidence=0.7),
        Event("accusation", "112", "Army accuses RSF of violating the ceasefire",
              day(23, text="on Tuesday", basis="relative"), sources=(SAF,), targets=(RSF,),
              evidence=(_ev("wire-3", "The army accused the RSF of violating the truce.",
                            "accused", url="https://wire.example/omdurman"),)),
        Event("talks", "046", "Jeddah talks to resume next week",
              TimeSpan(dt.date(2023, 5, 29), dt.date(2023, 6, 4), "week", "relative",
                       "next week"),
              sources=(SAUDI, USA), targets=(SAF, RSF), places=(JEDDAH,), modality="planned",
              links=(("follows", "truce"),),
              evidence=(_ev("wire-4", "Mediators said talks in Jeddah would resume next week.",
                            "talks", url="https://daily.example/jeddah-talks"),)),
        Event("sanctions-threat", "1312", "Blinken warns of sanctions if fighting continues",
              day(24, text="on Wednesday"), sources=(BLINKEN,), targets=(SAF, RSF),
              modality="conditional",
              evidence=(_ev("wire-4", "Blinken said Washington could impose sanctions if the "
                            "fighting continued.", "impose sanctions",
                            url="https://daily.example/jeddah-talks"),)),
        Event("denial", "190", "RSF denies shelling a hospital",
              TimeSpan(dt.date(2023, 5, 1), dt.date(2023, 5, 31), "month", "publication",
                       "this month"), sources=(RSF,), targets=(SAF,), modality="negated",
              evidence=(_ev("wire-5", "The RSF said it had not shelled any hospital.",
                            "shelled"),)),
        Event("mediation-rejected", "125", "Burhan rejected an earlier mediation offer",
              TimeSpan.unknown("earlier"), sources=(BURHAN,), targets=(SAUDI,),
              evidence=(_ev("wire-5", "Burhan had earlier rejected an offer of mediation.",
                            "rejected"),)),
    ]


_CODES = ("010", "036", "042", "046", "057", "0871", "112", "125", "1311", "138", "173",
          "190", "195", "196")
_MODALITIES = ("asserted",) * 6 + ("planned", "conditional", "negated")


def synthetic_events(n: int, *, seed: int = 7, n_actors: int = 40, days: int = 540,
                     undated_share: float = 0.03) -> list[Event]:
    """``n`` plausible events among ``n_actors`` actors over ``days`` days, reproducibly."""
    rng = random.Random(seed)
    countries = [Actor(f"country-{i}", f"Country {i}", "country") for i in range(n_actors // 4)]
    others = [Actor(f"actor-{i}", f"Actor {i}", rng.choice(("person", "armed_forces",
                                                              "armed_group", "government")),
                    affiliation=rng.choice(countries).id) for i in range(n_actors - len(countries))]
    actors = countries + others
    places = [Place(f"place-{i}", f"Place {i}", "city") for i in range(60)]
    start = dt.date(2022, 1, 1)
    out: list[Event] = []
    for i in range(n):
        if rng.random() < undated_share:
            time = TimeSpan.unknown()
        else:
            d = start + dt.timedelta(days=rng.randrange(days))
            length = rng.choice((0, 0, 0, 0, 1, 2, 6))
            time = TimeSpan(d, d + dt.timedelta(days=length), "day", "explicit")
        src, tgt = rng.sample(actors, 2)
        links = ((("violates", f"s{rng.randrange(i)}"),) if i and rng.random() < 0.05 else ())
        evidence = tuple(
            Evidence(f"art-{rng.randrange(n)}", f"Sentence {k} about event {i}.", 0, 30, "x",
                     f"https://news.example/{i}/{k}", None, start)
            for k in range(rng.choice((1, 1, 1, 2, 3, 5))))
        out.append(Event(f"s{i}", rng.choice(_CODES), f"Synthetic event {i}", time,
                         sources=(src,), targets=(tgt,), places=(rng.choice(places),),
                         modality=rng.choice(_MODALITIES),
                         claimed_by=(tgt,) if rng.random() < 0.1 else (), evidence=evidence,
                         links=links))
    return out


def hostile_events(payload: str, url: str | None = "https://news.example/x") -> list[Event]:
    """Events whose every piece of text, as an article could carry it, is ``payload``."""
    villain = Actor("villain", payload, "armed_group", aliases=(payload,))
    victim = Actor("victim", "Victim " + payload, "country")
    place = Place("somewhere", payload, "city")
    evidence = Evidence("art-" + payload[:10], payload, 0, len(payload), payload, url, payload,
                        dt.date(2024, 3, 2))
    return [
        Event("hostile", "190", payload, TimeSpan(dt.date(2024, 3, 1), dt.date(2024, 3, 1),
                                                  text=payload),
              sources=(villain,), targets=(victim,), places=(place,), claimed_by=(victim,),
              evidence=(evidence,)),
        Event("calm", "046", "Talks " + payload, TimeSpan(dt.date(2024, 3, 3), None),
              sources=(victim,), targets=(villain,), links=((payload, "hostile"),),
              evidence=(evidence,)),
    ]


DEV_ARTICLES = Path(__file__).parent / "data" / "dev-articles.ttl.gz"


def dev_articles_events() -> tuple[Event, ...]:
    """The 9 dev articles (shared/eval/dev) built together, as exported to Turtle.

    117 events from 2019 to 2026 (one misdated to 1951); rebuild the file with
    ``rebuild_dev_articles`` when the pipeline changes what it finds.
    """
    import gzip
    import tempfile

    from kg.export import load_events

    with tempfile.TemporaryDirectory() as tmp:
        ttl = Path(tmp) / "kg.ttl"
        ttl.write_bytes(gzip.decompress(DEV_ARTICLES.read_bytes()))
        return tuple(load_events([ttl]))


def rebuild_dev_articles(dev: Path = Path("/work/shared/eval/dev")) -> None:
    """Build the dev articles one after another into one graph (each with its publication
    date from its gold file, as ``kg build --into`` does) and store the Turtle, gzipped."""
    import gzip
    import json
    import tempfile

    from kg.export import write_exports
    from kg.pipeline import build

    events: tuple[Event, ...] = ()
    for ann in sorted((dev / "ann").glob("*.json")):
        gold = json.loads(ann.read_text(encoding="utf-8"))
        text = next(p for p in (dev / "articles" / f"{gold['id']}.txt",
                                dev / "articles" / f"{gold['id']}.html") if p.exists())
        events = build([text], published=dt.date.fromisoformat(gold["published"]),
                       existing=events).events
    with tempfile.TemporaryDirectory() as tmp:
        write_exports(events, tmp, timeline=False)
        DEV_ARTICLES.write_bytes(gzip.compress((Path(tmp) / "kg.ttl").read_bytes(), 9, mtime=0))
