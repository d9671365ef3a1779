"""The offline HTML timeline, its pyvis network and the static SVG: what a reader sees and
what article text can never do.

The shared story and generators live in tests/timeline_fixtures.py.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import base64
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import ExportError
from kg.graph import build_graph
from kg.model import Actor, Event, Evidence, TimeSpan

timeline = pytest.importorskip("kg.export.timeline")
from kg.export.timeline import timeline_network, timeline_svg, write_timeline  # noqa: E402

from timeline_fixtures import (  # noqa: E402  (the shared story and generators)
    hostile_events, synthetic_events, truce_events)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.title = ""
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in = tag
        if tag == "script":
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "script":
            self.scripts[-1] += data
        elif self._in == "title":
            self.title += data


def parse(page: str) -> _Tags:
    p = _Tags()
    p.feed(page)
    return p


def page_data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert m, "the page carries its data as a JSON script element"
    return json.loads(m.group(1))


def write(tmp_path: Path, events: list[Event], **kw) -> tuple[str, dict]:
    out = write_timeline(build_graph(events), tmp_path / "timeline.html", **kw)
    page = out.read_text(encoding="utf-8")
    return page, page_data(page)


def lane_of(data: dict, mode: str, event_id: str) -> str:
    i = next(i for i, e in enumerate(data["events"]) if e["id"] == event_id)
    return data["modes"][mode]["lanes"][data["modes"][mode]["lane"][i]][0]


def lane_kinds(data: dict, mode: str) -> dict[str, str]:
    return {label: kind for label, kind in data["modes"][mode]["lanes"]}


def evidence_of(data: dict, event_id: str) -> list[dict]:
    """An event's evidence as the panel shows it, read through the page's shared tables."""
    ev = next(e for e in data["events"] if e["id"] == event_id)
    out = []
    for sentence, article, trigger, span in ev["ev"]:
        art_id, title, outlet, published, url, url_text = data["articles"][article]
        out.append({"sentence": data["sentences"][sentence], "trigger": trigger, "span": span,
                    "article": art_id, "title": title, "outlet": outlet,
                    "published": published, "url": url, "url_text": url_text})
    return out


def event_node(net, event_id: str) -> dict:
    return next(n for n in net.nodes if n.get("kind") == "event" and n["eid"] == event_id)


def look(net, event_id: str) -> tuple:
    """What tells an event apart to the eye: shape, fill, border, dashes, crossing."""
    node = event_node(net, event_id)
    group = net.options["groups"][node["group"]]
    return (group["shape"], group["color"]["background"], group["color"]["border"],
            str(group["shapeProperties"]["borderDashes"]), bool(node.get("negated")))


def snapshot(G: nx.MultiDiGraph) -> tuple:
    return (sorted((repr(n), sorted(d.items(), key=repr)) for n, d in G.nodes(data=True)),
            sorted(repr(e) for e in G.edges(keys=True, data=True)))


def one_event(event_id: str = "e", *, cameo: str = "190", modality: str = "asserted",
              day: int = 10, claimed: bool = False, articles: int = 1,
              sentences_per_article: int = 1) -> Event:
    a, b = Actor("a", "Alpha", "country"), Actor("b", "Beta", "country")
    evidence = tuple(Evidence(f"art-{i}", f"Sentence {j} of article {i}.", 0, 20)
                     for i in range(articles) for j in range(sentences_per_article))
    return Event(event_id, cameo, f"Event {event_id}",
                 TimeSpan(dt.date(2024, 6, day), dt.date(2024, 6, day)), sources=(a,),
                 targets=(b,), modality=modality, claimed_by=(b,) if claimed else (),
                 evidence=evidence)


@pytest.fixture
def G() -> nx.MultiDiGraph:
    return build_graph(truce_events())


# ----------------------------------------------------------------------------------------------
# The file: one self-contained, offline, UTF-8 page written atomically


def test_write_timeline_writes_exactly_one_utf8_html_file_and_no_lib_folder(tmp_path, monkeypatch, G):
    monkeypatch.chdir(tmp_path)
    out = write_timeline(G, "page.html")
    assert out == Path("page.html")
    assert sorted(os.listdir(tmp_path)) == ["page.html"]
    text = (tmp_path / "page.html").read_bytes().decode("utf-8")
    assert text.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in text


def test_page_references_no_outside_resource(tmp_path, G):
    page, _ = write(tmp_path, truce_events())
    tags = parse(page).tags
    for tag, attrs in tags:
        for name in ("src", "href", "action", "data", "poster", "srcset"):
            value = attrs.get(name)
            assert value is None or value.startswith("data:"), (tag, name, value)
    assert not any(tag in ("iframe", "img", "base", "object", "embed") for tag, _ in tags)
    lowered = page.lower()
    assert "bootstrap" not in lowered and "cdnjs" not in lowered and "jsdelivr" not in lowered


def test_page_forbids_every_request_with_a_content_security_policy(tmp_path, G):
    page, _ = write(tmp_path, truce_events())
    csp = next(a["content"] for t, a in parse(page).tags
               if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp
    assert "unsafe-eval" not in csp and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]


def test_every_inline_script_that_runs_is_allowed_by_its_hash(tmp_path, G):
    page, _ = write(tmp_path, truce_events())
    parsed = parse(page)
    csp = next(a["content"] for t, a in parsed.tags
               if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    scripts = [(attrs, body) for (t, attrs), body in
               zip([x for x in parsed.tags if x[0] == "script"], parsed.scripts)]
    runnable = [body for attrs, body in scripts if attrs.get("type") != "application/json"]
    assert len(runnable) == 1  # the page's own script (it draws on a canvas, no library)
    for body in runnable:
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_the_page_script_is_the_packaged_timeline_js(tmp_path, G):
    page, _ = write(tmp_path, truce_events())
    shipped = (Path(timeline.__file__).parent / "timeline.js").read_text(encoding="utf-8")
    assert shipped[:2000] in page and shipped[-2000:] in page
    assert "eval(" not in shipped and "new Function" not in shipped and "innerHTML" not in shipped


def test_each_sentence_and_article_is_stored_once(tmp_path):
    events = synthetic_events(300)
    shared = Evidence("wire-1", "One sentence that many events cite.", 0, 35, "cite",
                      "https://news.example/one", "One headline", dt.date(2022, 1, 2))
    events = [dataclasses.replace(e, evidence=(shared,)) for e in events]
    page, data = write(tmp_path, events)
    assert page.count("One sentence that many events cite.") == 1
    assert page.count("One headline") == 1
    assert data["articles"] == [["wire-1", "One headline", "news.example", "2022-01-02",
                                 "https://news.example/one", None]]


def test_write_is_atomic_a_failed_replace_keeps_the_old_file(tmp_path, monkeypatch, G):
    out = tmp_path / "t.html"
    out.write_text("previous version", encoding="utf-8")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(ExportError, match="t.html"):
        write_timeline(G, out)
    assert out.read_text(encoding="utf-8") == "previous version"
    assert sorted(os.listdir(tmp_path)) == ["t.html"]


def test_writing_into_a_missing_folder_says_which_folder(tmp_path, G):
    with pytest.raises(ExportError, match="does not exist"):
        write_timeline(G, tmp_path / "nowhere" / "t.html")


NON_ASCII = ["Володимир Зеленський", "عبد الفتاح البرهان", "習近平", "Đà Nẵng — “quotes”"]


def test_page_is_written_as_utf8_under_an_ascii_locale(tmp_path):
    # the script itself is ASCII (names as JSON escapes): an ASCII locale cannot pass argv text
    script = f"""
import datetime as dt, json
from kg.graph import build_graph
from kg.model import Actor, Event, Evidence, TimeSpan
from kg.export.timeline import write_timeline, timeline_svg
names = json.loads({json.dumps(json.dumps(NON_ASCII))})
evs = [Event(f"e{{i}}", "046", n, TimeSpan(dt.date(2024, 1, i + 1), None),
             sources=(Actor(f"a{{i}}", n, "person"),),
             evidence=(Evidence("x", n + " said.", 0, 5),)) for i, n in enumerate(names)]
G = build_graph(evs)
write_timeline(G, {str(tmp_path / 'c.html')!r}, title=names[0])
timeline_svg(G, {str(tmp_path / 'c.svg')!r})
"""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONUTF8",
                                                                      "PYTHONIOENCODING"))}
    env.update(LC_ALL="C", LANG="C", PYTHONUTF8="0")
    (tmp_path / "run.py").write_text(script, encoding="ascii")
    done = subprocess.run([sys.executable, str(tmp_path / "run.py")], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "c.html").read_text(encoding="utf-8")
    labels = [e["label"] for e in page_data(page)["events"]]
    assert "Володимир Зеленський" in labels and "習近平" in labels
    assert "عبد الفتاح البرهان" in (tmp_path / "c.svg").read_text(encoding="utf-8")


def test_an_empty_graph_still_gives_a_page_and_a_picture(tmp_path):
    _, data = write(tmp_path, [])
    assert data["events"] == [] and data["modes"]["actor"]["lanes"] == []
    ET.fromstring(timeline_svg(nx.MultiDiGraph()))


@pytest.mark.parametrize("function", [
    lambda G, tmp: write_timeline(G, tmp / "a.html"),
    lambda G, tmp: write_timeline(G, tmp / "b.html", group_by="country"),
    lambda G, tmp: timeline_network(G),
    lambda G, tmp: timeline_svg(G, tmp / "c.svg"),
], ids=["page", "page-by-country", "network", "svg"])
def test_drawing_never_changes_the_graph(function, tmp_path, G):
    before = snapshot(G)
    function(G, tmp_path)
    assert snapshot(G) == before


@pytest.mark.parametrize("group_by", ["actors", "", "Country"])
def test_an_unknown_grouping_is_refused(group_by, tmp_path, G):
    with pytest.raises(ValueError, match="group_by"):
        write_timeline(G, tmp_path / "x.html", group_by=group_by)


def test_five_thousand_events_give_one_page_with_every_event(tmp_path):
    # speed is measured by benchmarks/bench_timeline.py, not asserted here
    path = write_timeline(build_graph(synthetic_events(5000)), tmp_path / "big.html")
    assert len(page_data(path.read_text(encoding="utf-8"))["events"]) == 5000


# ----------------------------------------------------------------------------------------------
# Untrusted article text stays text

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "</script><script>window.__xss = 1</script>",
    '"><svg onload=alert(1)>',
    "' onmouseover='alert(1)",
    "<a href=\"javascript:alert(1)\">read more</a>",
    "<!-- <script> -->",
    "&lt;b&gt; already escaped &amp;",
    "line\u2028separator\u2029 and \\u003c escaped-looking text",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_text_reaches_the_page_only_inside_its_json(payload, tmp_path):
    page, data = write(tmp_path, hostile_events(payload), title=payload)
    outside = re.sub(r'<script type="application/json" id="kg-data">.*?</script>', "", page,
                     flags=re.S)
    if set(payload) & set("<>&\"'"):  # markup characters only ever appear escaped
        assert payload not in outside
    parsed = parse(page)
    assert [t for t, _ in parsed.tags].count("script") == 2
    assert not any(k.startswith("on") for _, attrs in parsed.tags for k in attrs)
    assert parsed.title == payload  # shown as text in the tab


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_text_survives_unchanged_as_data(payload, tmp_path):
    _, data = write(tmp_path, hostile_events(payload))
    ev = next(e for e in data["events"] if e["id"] == "hostile")
    assert ev["label"] == payload
    assert ev["src"][0][1] == payload
    assert ev["places"] == [payload]
    assert evidence_of(data, "hostile")[0]["sentence"] == payload
    assert evidence_of(data, "hostile")[0]["title"] == payload
    assert ev["ttext"] == payload
    calm = next(e for e in data["events"] if e["id"] == "calm")
    assert calm["links"][0][0] == payload


@pytest.mark.parametrize("url, is_link", [
    ("https://news.example/2024/03/02/truce", True),
    ("http://agency.example/a?id=1&lang=en", True),
    ("HTTPS://NEWS.EXAMPLE/UPPER", True),
    ("javascript:alert(1)", False),
    ("  javascript:alert(document.cookie)", False),
    ("JaVaScRiPt:alert(1)", False),
    ("java\tscript:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False),
    ("vbscript:msgbox(1)", False),
    ("file:///etc/passwd", False),
    ("ftp://files.example/report.pdf", False),
    ("//evil.example/path", False),
    ("news.example/no-scheme", False),
    ("https:///no-host", False),
    ("https://news.example/a b", False),
])
def test_only_http_and_https_urls_become_links(url, is_link, tmp_path):
    _, data = write(tmp_path, hostile_events("plain text", url=url))
    evidence = evidence_of(data, "hostile")[0]
    assert (evidence["url"] == url) is is_link
    if not is_link:
        assert evidence["url"] is None and evidence["url_text"] == url


def test_network_titles_never_switch_pyvis_to_its_html_popup():
    events = hostile_events('<a href="https://x.example">x</a>',
                            url="https://news.example/?href=1")
    net = timeline_network(build_graph(events))
    titles = [n["title"] for n in net.nodes if "title" in n]
    assert titles and not any("href" in t for t in titles)
    # pyvis renders HTML tooltips only in its "tooltip_link" mode, triggered by "href"
    assert "popup.innerHTML" not in net.generate_html()


# ----------------------------------------------------------------------------------------------
# What the picture encodes

# QuadClass of CAMEO codes (GDELT/ICEWS convention: 01-05 verbal cooperation, 06-09 material
# cooperation, 10-14 verbal conflict, 15-20 material conflict)
QUADS = [("036", 1), ("046", 1), ("057", 1), ("0871", 2), ("073", 2), ("112", 3),
         ("1311", 3), ("138", 3), ("154", 4), ("190", 4), ("196", 4)]


def test_events_are_coloured_by_quad_class():
    events = [one_event(f"e{i}", cameo=code, day=i + 1) for i, (code, _) in enumerate(QUADS)]
    net = timeline_network(build_graph(events))
    colour_of = {}
    for i, (_, quad) in enumerate(QUADS):
        colour = look(net, f"e{i}")[1]
        assert colour_of.setdefault(quad, colour) == colour, f"QuadClass {quad} has one colour"
    assert len(set(colour_of.values())) == 4


@pytest.mark.parametrize("modality", ["asserted", "planned", "conditional", "negated"])
def test_each_modality_and_a_claim_look_different(modality):
    events = [one_event(m, modality=m, day=i + 1) for i, m in
              enumerate(["asserted", "planned", "conditional", "negated"])]
    events.append(one_event("claimed", claimed=True, day=9))
    net = timeline_network(build_graph(events))
    mine = look(net, modality)
    others = [look(net, e.id) for e in events if e.id != modality]
    assert mine not in others


def test_asserted_is_filled_while_conditional_and_negated_are_hollow():
    events = [one_event(m, modality=m, day=i + 1) for i, m in
              enumerate(["asserted", "conditional", "negated"])]
    net = timeline_network(build_graph(events))
    assert look(net, "asserted")[1] != "#ffffff"
    assert look(net, "conditional")[1] == look(net, "negated")[1] == "#ffffff"
    assert look(net, "negated")[4] and not look(net, "conditional")[4]


def test_planned_events_have_a_dashed_outline():
    net = timeline_network(build_graph([one_event("p", modality="planned")]))
    assert look(net, "p")[3] not in ("False", "None", "[]")


def test_size_counts_distinct_articles_not_sentences():
    events = [one_event("one", day=1), one_event("one-thrice", day=2, sentences_per_article=3),
              one_event("three", day=3, articles=3), one_event("six", day=4, articles=6)]
    net = timeline_network(build_graph(events))
    size = {e.id: event_node(net, e.id)["size"] for e in events}
    assert size["one"] == size["one-thrice"] < size["three"] < size["six"]


def test_x_follows_the_calendar_and_physics_is_off(G):
    net = timeline_network(G)
    x = {e.id: event_node(net, e.id)["x"] for e in truce_events()}
    assert x["denial"] < x["truce"] < x["shelling"] < x["sanctions-threat"] < x["talks"]
    assert x["shelling"] == x["accusation"]  # same day, different lanes
    assert net.options["physics"]["enabled"] is False


def test_days_are_evenly_spaced_on_the_axis():
    events = [one_event(f"d{d}", day=d) for d in (1, 2, 4, 8)]
    net = timeline_network(build_graph(events))
    x = {d: event_node(net, f"d{d}")["x"] for d in (1, 2, 4, 8)}
    step = x[2] - x[1]
    assert step > 0
    assert x[4] - x[2] == pytest.approx(2 * step) and x[8] - x[4] == pytest.approx(4 * step)


def test_a_clock_time_moves_an_event_within_its_day():
    a, b = Actor("a", "Alpha"), Actor("b", "Beta")
    morning = Event("morning", "190", "Dawn raid", TimeSpan(dt.date(2024, 1, 2), None, "hour",
                                                            start_time=dt.time(5, 0)), sources=(a,))
    evening = Event("evening", "190", "Night raid", TimeSpan(dt.date(2024, 1, 2), None, "hour",
                                                             start_time=dt.time(22, 0)), sources=(b,))
    net = timeline_network(build_graph([morning, evening, one_event("next", day=3)]))
    assert event_node(net, "morning")["x"] < event_node(net, "evening")["x"]


def test_multi_day_spans_carry_their_end(G):
    net = timeline_network(G)
    truce = event_node(net, "truce")
    assert truce["x2"] > truce["x"]
    assert "x2" not in event_node(net, "shelling")


def test_page_times_are_days_since_1970_with_the_clock_time_and_span_end(tmp_path):
    _, data = write(tmp_path, truce_events())
    ev = {e["id"]: e for e in data["events"]}
    day = (dt.date(2023, 5, 22) - dt.date(1970, 1, 1)).days
    assert ev["truce"]["t"] == pytest.approx(day + (21 * 60 + 45) / 1440, abs=1e-4)
    assert ev["truce"]["e"] == pytest.approx(day + 7 + 1)  # to the end of 29 May
    assert ev["shelling"]["t"] == day + 1.5 and ev["shelling"]["e"] is None  # mid-day, one day
    assert ev["mediation-rejected"]["t"] is None  # undated: drawn in its own column
    assert data["range"] == ["2023-05-01", "2023-06-04"]


def test_the_trigger_is_found_in_its_sentence_for_highlighting(tmp_path):
    _, data = write(tmp_path, truce_events())
    v = evidence_of(data, "shelling")[0]
    assert v["sentence"][v["span"][0]:v["span"][1]] == "artillery fire"
    assert v["outlet"] == "wire.example"


def test_one_lane_per_actor_or_per_country(tmp_path):
    _, data = write(tmp_path, truce_events())
    # actor lanes: the army and the RSF apart, Burhan on his own
    assert lane_of(data, "actor", "accusation") == "Sudanese Armed Forces"
    assert lane_of(data, "actor", "denial") == "Rapid Support Forces"
    assert lane_of(data, "actor", "mediation-rejected") == "Abdel Fattah al-Burhan"
    # country lanes: Sudan's forces and its leader share Sudan's lane; Blinken goes with the US
    assert {lane_of(data, "country", e) for e in ("accusation", "denial", "mediation-rejected")} \
        == {"Sudan"}
    assert lane_of(data, "country", "sanctions-threat") == "United States"


def test_country_lanes_hold_countries_and_keep_groups_apart(tmp_path):
    hamas = Actor("hamas", "Hamas", "armed_group")
    fighter = Actor("qassam-brigades", "Qassam Brigades", "armed_group", affiliation="hamas")
    nobody = Actor("john-doe", "John Doe", "person")
    israel = Actor("israel", "Israel", "country")
    idf = Actor("israel-defense-forces", "Israel Defense Forces", "armed_forces",
                affiliation="israel")
    minister = Actor("defence-minister", "Defence minister", "person", affiliation="ministry")
    ministry = Actor("ministry", "Ministry of Defence", "government", affiliation="israel")
    day = TimeSpan(dt.date(2024, 1, 5), None)
    events = [Event("a", "190", "Strike", day, sources=(idf,), targets=(hamas,)),
              Event("b", "190", "Rockets", day, sources=(fighter,), targets=(israel,)),
              Event("c", "010", "Statement", day, sources=(nobody,)),
              Event("d", "010", "Comment", day, sources=(minister,)),
              Event("e", "010", "Comment", day, sources=(ministry,))]
    _, data = write(tmp_path, events)
    kinds = lane_kinds(data, "country")
    assert kinds == {"Israel": "country", "Hamas": "group",
                     "Other actors (no country known)": "other"}
    assert lane_of(data, "country", "b") == "Hamas"  # the brigades under their group
    assert {lane_of(data, "country", e) for e in "ade"} == {"Israel"}


def test_the_page_opens_with_the_grouping_asked_for(tmp_path):
    _, data = write(tmp_path, truce_events(), group_by="country")
    assert data["initial"] == "country"


def test_events_meet_the_lanes_of_their_other_actors(G):
    net = timeline_network(G)
    roles = sorted(e["role"] for e in net.edges if e.get("kind") == "role" and e["eid"] == "talks")
    # talks: Saudi Arabia's lane holds the event; the US (source), army and RSF (targets) meet it
    assert roles == ["source", "target", "target"]


def test_linked_events_are_joined_by_a_labelled_edge(G):
    net = timeline_network(G)
    links = {(e["from"], e["to"], e["label"]) for e in net.edges if e.get("kind") == "link"}
    assert ("e:shelling", "e:truce", "violates") in links
    assert ("e:talks", "e:truce", "follows") in links


def test_the_panel_data_holds_what_a_click_shows(tmp_path):
    _, data = write(tmp_path, truce_events())
    truce = next(e for e in data["events"] if e["id"] == "truce")
    assert truce["cameo"] == "0871" and data["codes"]["0871"]["plover"] == "RETREAT"
    assert truce["prec"] == "minute" and "21:45" in truce["when"]
    assert [a[1] for a in truce["src"]] == ["Sudanese Armed Forces", "Rapid Support Forces"]
    assert truce["places"] == ["Jeddah"] and truce["n"] == 2
    assert [v["url"] for v in evidence_of(data, "truce")] == [
        "https://news.example/sudan-truce", "http://agency.example/a/123"]
    assert evidence_of(data, "truce")[0]["title"] == "Sudan rivals agree week-long truce"
    shelling = next(e for e in data["events"] if e["id"] == "shelling")
    assert shelling["claimed"] == ["Sudanese Armed Forces"]
    index = [e["id"] for e in data["events"]].index("truce")
    assert ["violates", "o", index] in shelling["links"]


def test_filters_offer_every_actor_country_and_event_type_present(tmp_path):
    _, data = write(tmp_path, truce_events())
    actor_ids = {a["id"] for a in data["actors"]}
    assert {"sudanese-armed-forces", "antony-blinken", "sudan", "united-states"} <= actor_ids
    assert {r["root"] for r in data["roots"]} == {"08", "19", "11", "04", "13", "12"}


# ----------------------------------------------------------------------------------------------
# The SVG


def test_svg_is_well_formed_with_one_mark_per_event(G):
    root = ET.fromstring(timeline_svg(G))
    ns = "{http://www.w3.org/2000/svg}"
    marks = [g for g in root.iter(ns + "g") if "event" in (g.get("class") or "").split()]
    assert sorted(g.get("data-id") for g in marks) == sorted(e.id for e in truce_events())


@pytest.mark.parametrize("payload", PAYLOADS + ["nul\x00 and bell\x07 characters"])
def test_svg_shows_hostile_text_as_text(payload):
    svg = timeline_svg(build_graph(hostile_events(payload)), title=payload)
    root = ET.fromstring(svg)  # still well-formed XML
    ns = "{http://www.w3.org/2000/svg}"
    assert not list(root.iter(ns + "script")) and not list(root.iter(ns + "a"))
    assert not any(k.startswith("on") for el in root.iter() for k in el.attrib)
    texts = "".join(root.itertext())
    assert re.sub("[\x00-\x08]", "", payload) in texts


def test_svg_is_written_atomically_when_a_path_is_given(tmp_path, G):
    svg = timeline_svg(G, tmp_path / "t.svg")
    assert (tmp_path / "t.svg").read_text(encoding="utf-8") == svg
    assert os.listdir(tmp_path) == ["t.svg"]


def _span(days: float) -> list[Event]:
    start = dt.date(2001, 3, 14)
    a = Actor("a", "Alpha")
    return [Event("first", "190", "First", TimeSpan(start, start), sources=(a,)),
            Event("last", "190", "Last", TimeSpan(start + dt.timedelta(days=days),
                                                  start + dt.timedelta(days=days)), sources=(a,))]


@pytest.mark.parametrize("days, family", [
    (1, {"hour", "day"}),
    (5, {"day"}),
    (60, {"week"}),
    (700, {"month"}),
    (30 * 365, {"year"}),
])
def test_svg_ticks_adapt_to_the_span(days, family):
    root = ET.fromstring(timeline_svg(build_graph(_span(days))))
    ns = "{http://www.w3.org/2000/svg}"
    axis = next(g for g in root.iter(ns + "g") if g.get("class") == "axis")
    unit = re.sub(r"^\d+", "", axis.get("data-unit"))
    assert unit in family
    labels = [t.text for t in axis.iter(ns + "text")]
    assert 2 <= len(labels) <= 14
    if unit == "year":
        assert all(re.fullmatch(r"\d{4}", x) for x in labels)
    if unit in ("day", "week"):
        assert all(re.fullmatch(r"\d{1,2} [A-Z][a-z]{2} \d{4}", x) for x in labels)


_ACTOR_TYPES = ["person", "country", "government", "armed_forces", "armed_group",
                "organization", "international_organization", "other"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_ACTOR_TYPES), min_size=1, max_size=6), st.booleans())
def test_a_country_lane_is_only_ever_a_country(types, cyclic):
    from kg.export.timeline_page import country_lane

    n = len(types)
    chain = [Actor(f"a{i}", f"Actor {i}", t,
                   affiliation=f"a{i + 1}" if i + 1 < n else ("a0" if cyclic and n > 1 else None))
             for i, t in enumerate(types)]
    known = {a.id: a for a in chain}
    lane = country_lane(chain[0], known)
    countries = [a for a in chain if a.type == "country"]
    if countries:  # the first country up the chain of affiliations
        assert (lane.key, lane.kind) == (countries[0].id, "country")
    else:
        assert lane.kind in ("group", "other")
        if lane.kind == "group":
            assert known[lane.key].type in ("armed_group", "organization",
                                            "international_organization")
