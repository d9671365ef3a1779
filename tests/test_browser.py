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
from timeline_fixtures import hostile_events, synthetic_events, truce_events

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
    assert truce_page.page.evaluate("kgTimeline.network.body.nodeIndices.length") == 7
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
    assert page.evaluate("kgTimeline.network.body.nodeIndices.length") == len(expected)
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


def test_ticks_get_finer_as_you_zoom_in(truce_page):
    page = truce_page.page
    before = page.evaluate("kgTimeline.ticks()")
    page.evaluate("""() => {
        const n = kgTimeline.network, p = n.getPosition('e:shelling');
        n.moveTo({position: p, scale: 12, animation: false});
    }""")
    page.wait_for_timeout(100)
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
