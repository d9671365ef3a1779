"""The HTML timeline in headless Chromium: it draws, stays offline, and article text never runs.

Needs Debian's chromium at /usr/bin/chromium and Playwright for Python (no `playwright install`).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kg.graph import build_graph
from kg.model import Actor, Event, Evidence, TimeSpan
from timeline_fixtures import dev_articles_events, hostile_events, synthetic_events, truce_events

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright for Python is not installed (pip install playwright)")
if not CHROMIUM.exists():
    pytest.skip("no Chromium at /usr/bin/chromium (apt-get install -y chromium)",
                allow_module_level=True)

from kg.export.timeline import write_timeline  # noqa: E402


@dataclass
class Opened:
    """A page and everything it tried to do."""

    page: object
    url: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def open_page(browser):
    contexts = []

    def _open(path: Path, *, width: int = 1400, height: int = 860) -> Opened:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page, path.resolve().as_uri())
        page.on("console", lambda m: m.type == "error" and opened.console_errors.append(m.text))
        page.on("pageerror", lambda e: opened.page_errors.append(str(e)))
        page.on("request", lambda r: opened.requests.append(r.url))

        def on_dialog(dialog):
            opened.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)

        def route(r):
            if r.request.url == opened.url:
                r.continue_()
            else:
                r.abort()

        page.route("**/*", route)
        page.goto(opened.url)
        page.wait_for_function("window.kgTimeline && window.kgTimeline.ready", timeout=20000)
        return opened

    yield _open
    for c in contexts:
        c.close()


@pytest.fixture
def truce_page(tmp_path, open_page) -> Opened:
    path = write_timeline(build_graph(truce_events()), tmp_path / "truce.html",
                          title="Sudan truce")
    return open_page(path)


def inked_pixels(opened: Opened) -> int:
    """How many pixels of the network canvas are not background."""
    return opened.page.evaluate("""() => {
        const c = document.querySelector('#network canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) {
            if (d[i + 3] > 0 && (d[i] < 235 || d[i + 1] < 235 || d[i + 2] < 235)) n++;
        }
        return n;
    }""")


def click_event(opened: Opened, event_id: str) -> None:
    pos = opened.page.evaluate("id => kgTimeline.screenPosition(id)", event_id)
    assert pos is not None, f"{event_id} is not drawn"
    opened.page.mouse.click(pos["x"], pos["y"])


def shown(opened: Opened) -> set[str]:
    return set(opened.page.evaluate("kgTimeline.visibleEventIds()"))


# ----------------------------------------------------------------------------------------------


def test_the_page_draws_every_event_without_errors(truce_page):
    assert truce_page.page.locator("#network canvas").count() == 1
    assert inked_pixels(truce_page) > 2000
    assert shown(truce_page) == {e.id for e in truce_events()}
    assert truce_page.page.evaluate("kgTimeline.drawnCounts()") == {"singles": 7, "aggregates": 0}
    assert truce_page.console_errors == [] and truce_page.page_errors == []


def test_the_page_requests_nothing_but_itself(truce_page):
    click_event(truce_page, "truce")  # a panel with source links must not fetch them either
    truce_page.page.mouse.move(5, 5)
    truce_page.page.wait_for_timeout(300)
    assert truce_page.requests == [truce_page.url]


def test_clicking_an_event_shows_its_evidence_as_text(truce_page):
    click_event(truce_page, "shelling")
    details = truce_page.page.locator("#details")
    text = details.inner_text()
    assert "Shelling in Omdurman breaks the truce" in text
    assert "Residents reported artillery fire in Omdurman on Tuesday" in text
    assert "2023-05-23" in text and "day" in text and "196" in text and "ASSAULT" in text
    assert "Rapid Support Forces" in text and "Omdurman, Khartoum" in text
    link = details.locator("a")
    assert link.get_attribute("href") == "https://wire.example/omdurman"
    assert link.get_attribute("target") == "_blank" and "noopener" in link.get_attribute("rel")


def test_hovering_an_event_shows_a_tooltip(truce_page):
    pos = truce_page.page.evaluate("kgTimeline.screenPosition('talks')")
    truce_page.page.mouse.move(pos["x"], pos["y"])
    tooltip = truce_page.page.locator("#tooltip")
    tooltip.wait_for(state="visible", timeout=3000)
    assert "Jeddah talks to resume next week" in tooltip.inner_text()
    assert "week" in tooltip.inner_text()


def test_a_linked_event_opens_from_the_panel(truce_page):
    click_event(truce_page, "shelling")
    truce_page.page.locator("#details button.linkbtn").first.click()
    assert truce_page.page.evaluate("kgTimeline.selected") == "truce"
    assert "seven-day ceasefire that takes effect" in truce_page.page.inner_text("#details")


HOSTILE = [
    "<script>window.__xss = 1; alert(1)</script>",
    "<img src=x onerror=\"window.__xss = 2; alert(2)\">",
    "</script><script>window.__xss = 3; alert(3)</script>",
    "\"><svg onload=\"window.__xss = 4\">",
    "<a href=\"javascript:window.__xss=5\">click</a>",
]


@pytest.mark.parametrize("payload", HOSTILE)
def test_an_article_full_of_script_runs_nothing(payload, tmp_path, open_page):
    path = write_timeline(build_graph(hostile_events(payload, url="javascript:window.__xss=6")),
                          tmp_path / "hostile.html", title=payload)
    opened = open_page(path)
    page = opened.page
    pos = page.evaluate("kgTimeline.screenPosition('hostile')")
    page.mouse.move(pos["x"], pos["y"])
    page.locator("#tooltip").wait_for(state="visible", timeout=3000)
    assert payload in page.inner_text("#tooltip")
    click_event(opened, "hostile")
    details = page.inner_text("#details")
    assert payload in details  # shown literally, as text
    assert "javascript:window.__xss=6" in details  # the bad URL is text, not a link
    assert page.locator("#details a").count() == 0
    page.locator("#f-actor").select_option("villain")
    page.fill("#f-search", payload[:12])
    page.wait_for_timeout(400)
    assert page.title() == payload
    assert opened.dialogs == []
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator("img, iframe, object, embed").count() == 0
    assert page.locator("svg [onload]").count() == 0
    assert opened.console_errors == [] and opened.page_errors == []
    assert opened.requests == [opened.url]


@pytest.mark.parametrize("control, value, expected", [
    ("#f-actor", "antony-blinken", {"sanctions-threat"}),
    ("#f-actor", "sudan", {e.id for e in truce_events()}),  # a country covers its people
    ("#f-type", "19", {"shelling", "denial"}),
    ("#f-type", "08", {"truce"}),
    ("#f-search", "omdurman", {"shelling"}),
    ("#f-search", "JEDDAH talks", {"talks"}),
    ("#f-search", "brokered", {"truce"}),  # words of the evidence are searched too
    ("#f-from", "2023-05-24", {"truce", "talks", "sanctions-threat", "denial",
                               "mediation-rejected"}),
    ("#f-to", "2023-05-21", {"denial", "mediation-rejected"}),
    ("#f-undated", False, {e.id for e in truce_events()} - {"mediation-rejected"}),
])
def test_filters_narrow_what_is_shown(truce_page, control, value, expected):
    page = truce_page.page
    if control == "#f-undated":
        page.uncheck(control)
    elif control.startswith("#f-search"):
        page.fill(control, value)
        page.wait_for_timeout(400)
    elif control in ("#f-from", "#f-to"):
        page.fill(control, value)
    else:
        page.select_option(control, value)
    page.wait_for_timeout(100)
    assert shown(truce_page) == expected
    drawn = {e for e in expected | {e.id for e in truce_events()}
             if page.evaluate("id => kgTimeline.screenPosition(id)", e) is not None}
    assert drawn == expected
    assert f"{len(expected)} of 7 events shown" in page.inner_text("#count")


def test_reset_brings_every_event_back(truce_page):
    page = truce_page.page
    page.select_option("#f-type", "19")
    page.click("#f-reset")
    assert len(shown(truce_page)) == 7


def test_a_filter_that_matches_nothing_says_so(truce_page):
    page = truce_page.page
    page.fill("#f-search", "no such words anywhere")
    page.locator("#empty").wait_for(state="visible", timeout=3000)
    assert "No event" in page.inner_text("#empty")


def test_switching_to_country_lanes_groups_people_under_their_country(truce_page):
    page = truce_page.page
    assert "Sudanese Armed Forces" in page.evaluate("kgTimeline.lanes()")
    page.select_option("#f-mode", "country")
    lanes = page.evaluate("kgTimeline.lanes()")
    assert lanes[0] == "Sudan" and "Sudanese Armed Forces" not in lanes
    assert "Antony Blinken" not in lanes and "United States" in lanes
    assert page.evaluate("kgTimeline.mode") == "country"
    assert len(shown(truce_page)) == 7 and truce_page.console_errors == []


_RANK = ["hour", "day", "week", "month", "year"]


def _unit_rank(unit: str) -> int:
    return _RANK.index(unit.lstrip("0123456789"))


def wheel_on_axis(opened: Opened, times: int, delta: float = -300) -> None:
    """Turn the mouse wheel over the date axis (negative: zoom in), at the middle of the plot."""
    plot = opened.page.evaluate("kgTimeline.plot()")
    opened.page.mouse.move((plot["left"] + plot["right"]) / 2, plot["top"] - 10)
    for _ in range(times):
        opened.page.mouse.wheel(0, delta)
        opened.page.wait_for_timeout(30)
    opened.page.wait_for_timeout(100)


def test_ticks_get_finer_as_you_zoom_in(truce_page):
    page = truce_page.page
    before = page.evaluate("kgTimeline.ticks()")
    wheel_on_axis(truce_page, 6)
    after = page.evaluate("kgTimeline.ticks()")
    assert _unit_rank(after["unit"]) < _unit_rank(before["unit"])
    assert len(after["ticks"]) >= 2
    xs = [t["x"] for t in after["ticks"]]
    assert xs == sorted(xs)


def test_years_of_events_are_labelled_by_year(tmp_path, open_page):
    a = Actor("a", "Alpha")
    events = [Event(f"y{y}", "190", f"Clash {y}", TimeSpan(dt.date(y, 6, 1), None), sources=(a,),
                    evidence=(Evidence("x", "A clash.", 0, 8),)) for y in range(1990, 2024, 3)]
    opened = open_page(write_timeline(build_graph(events), tmp_path / "years.html"))
    ticks = opened.page.evaluate("kgTimeline.ticks()")
    assert _unit_rank(ticks["unit"]) == _RANK.index("year")
    assert all(t["label"].isdigit() and len(t["label"]) == 4 for t in ticks["ticks"])


def test_five_thousand_events_draw_without_errors(tmp_path, open_page):
    # the first-draw time is reported by benchmarks/bench_timeline.py, not asserted here
    path = write_timeline(build_graph(synthetic_events(5000)), tmp_path / "big.html")
    opened = open_page(path)
    assert opened.page.evaluate("kgTimeline.firstDrawMs") > 0
    assert inked_pixels(opened) > 10000
    assert opened.console_errors == [] and opened.page_errors == []


# ----------------------------------------------------------------------------------------------
# The 9 dev articles in one timeline: years apart, one event misdated to 1951


@pytest.fixture(scope="module")
def dev_html(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("dev") / "dev.html"
    return write_timeline(build_graph(dev_articles_events()), path, title="dev articles")


def _days(ms: float) -> float:
    return ms / 86_400_000


def label_overlaps(opened: Opened) -> list[tuple[str, str]]:
    boxes = opened.page.evaluate("kgTimeline.labelBoxes()")
    return [(a["id"], b["id"]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"]
            and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]]


def test_the_first_view_frames_the_dense_range_not_the_outlier(dev_html, open_page):
    opened = open_page(dev_html)
    view = opened.page.evaluate("kgTimeline.view()")
    span_days = _days(view["t1"] - view["t0"])
    assert 30 < span_days < 2 * 365
    assert dt.date(1970, 1, 1) + dt.timedelta(days=_days(view["t0"])) > dt.date(2000, 1, 1)
    assert view["outside"]["before"] >= 1  # the 1951 event (and more) is counted in the gutter
    ticks = opened.page.evaluate("kgTimeline.ticks()")
    assert len(ticks["ticks"]) >= 4
    assert label_overlaps(opened) == []
    assert opened.console_errors == [] and opened.page_errors == []
    assert opened.requests == [opened.url]


def test_zooming_in_on_the_axis_reaches_day_ticks(dev_html, open_page):
    opened = open_page(dev_html)
    lanes_before = opened.page.evaluate("kgTimeline.lanes()")
    wheel_on_axis(opened, 7)
    ticks = opened.page.evaluate("kgTimeline.ticks()")
    assert _unit_rank(ticks["unit"]) <= _RANK.index("day"), ticks["unit"]
    assert len(ticks["ticks"]) >= 2
    assert opened.page.evaluate("kgTimeline.lanes()") == lanes_before  # time zoom only
    assert label_overlaps(opened) == []


def test_many_events_in_one_bin_are_one_mark_that_opens_as_you_zoom(dev_html, open_page):
    opened = open_page(dev_html)
    page = opened.page
    page.select_option("#f-actor", "north-korea")  # a busy lane: 4 events on 19-20 Oct 2019
    busy = [e.id for e in dev_articles_events() if e.sources and e.sources[0].id == "north-korea"
            and e.time.start and dt.date(2019, 10, 19) <= e.time.start <= dt.date(2019, 10, 20)]
    assert len(busy) >= 4

    def singly_drawn() -> int:
        return sum(page.evaluate("id => kgTimeline.screenPosition(id) !== null", i) for i in busy)

    page.evaluate("kgTimeline.setView('2019-01-01', '2026-12-31')")
    assert page.evaluate("kgTimeline.drawnCounts()")["aggregates"] >= 1
    assert singly_drawn() < len(busy)
    page.evaluate("kgTimeline.setView('2019-10-18T12:00', '2019-10-21T12:00')")
    assert singly_drawn() == len(busy)
    assert page.evaluate("kgTimeline.drawnCounts()")["aggregates"] == 0
    assert label_overlaps(opened) == []


def test_choosing_an_actor_then_fit_spreads_its_events_over_the_width(dev_html, open_page):
    opened = open_page(dev_html)
    page = opened.page
    page.select_option("#f-actor", "russia")
    page.evaluate("kgTimeline.setView('1950-01-01', '2030-01-01')")
    page.click("#f-fit")
    page.wait_for_timeout(150)
    ids = page.evaluate("kgTimeline.visibleEventIds()")
    xs = [p["x"] for p in (page.evaluate("id => kgTimeline.screenPosition(id)", i) for i in ids)
          if p is not None]
    plot = page.evaluate("kgTimeline.plot()")
    width = plot["right"] - plot["left"]
    assert len(xs) >= 2
    assert max(xs) - min(xs) > 0.5 * width
    assert plot["left"] <= min(xs) and max(xs) <= plot["right"]
    assert label_overlaps(opened) == []


def test_country_lanes_of_the_dev_articles_are_countries_or_marked_groups(dev_html, open_page):
    opened = open_page(dev_html)
    opened.page.select_option("#f-mode", "country")
    kinds = dict(opened.page.evaluate("kgTimeline.laneKinds()"))
    assert {"Russia", "Ukraine", "United States", "Sudan"} <= {k for k, v in kinds.items()
                                                               if v == "country"}
    for person in ("Vladimir Putin", "Volodymyr Zelenskiy", "Donald Trump"):
        assert person not in kinds
    assert kinds.get("Hamas") == "group" and kinds.get("ELN") == "group"


def test_the_evidence_panel_names_the_headline_and_marks_the_trigger(dev_html, open_page):
    opened = open_page(dev_html)
    page = opened.page
    eid = next(e.id for e in dev_articles_events() if e.evidence[0].title
               and e.evidence[0].title.startswith("Colombia accuses ELN"))
    page.evaluate("id => kgTimeline.select(id)", eid)
    page.wait_for_timeout(100)
    text = page.inner_text("#details")
    assert "Colombia accuses ELN of breaking Christmas truce" in text
    assert "andeswire.example" in text and "2024-01-03" in text
    assert page.locator("#details blockquote mark").count() >= 1
    claimed = next(e for e in dev_articles_events() if e.claimed_by)
    page.evaluate("id => kgTimeline.select(id)", claimed.id)
    page.wait_for_timeout(100)
    assert "claimed by " + claimed.claimed_by[0].name in page.inner_text("#details")


def test_on_a_phone_the_controls_fold_and_the_panel_is_reachable(dev_html, open_page):
    opened = open_page(dev_html, width=390, height=844)
    page = opened.page
    assert not page.locator("#controls").is_visible()
    page.click("#f-toggle")
    assert page.locator("#f-actor").is_visible()
    page.click("#f-toggle")
    ids = page.evaluate("kgTimeline.visibleEventIds()")
    target = next(i for i in ids if page.evaluate("id => kgTimeline.screenPosition(id)", i))
    click_event(opened, target)
    details = page.locator("#details h2")
    details.scroll_into_view_if_needed()
    assert details.is_visible()
    box = page.locator("#side").bounding_box()
    assert box["y"] + 40 < 844 and box["height"] > 200
    assert opened.console_errors == [] and opened.page_errors == []


def test_events_outside_the_view_are_counted_and_a_click_takes_them_in(dev_html, open_page):
    opened = open_page(dev_html)
    page = opened.page
    before = page.evaluate("kgTimeline.view()")["outside"]["before"]
    assert before >= 1
    plot = page.evaluate("kgTimeline.plot()")
    page.mouse.click(plot["left"] - 15, plot["top"] + 20)  # the left gutter
    page.wait_for_timeout(150)
    view = page.evaluate("kgTimeline.view()")
    assert view["outside"]["before"] == 0
    start = dt.date(1970, 1, 1) + dt.timedelta(days=_days(view["t0"]))
    assert start.year <= 1951  # the misdated event is in view now
