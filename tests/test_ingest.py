"""Ingest: .txt (with date/title/URL header lines), .html news pages, .jsonl batches and folders
of them become Articles; bad input gives one clear line naming the file (and line) and what to
do, and never costs the other articles; a missing publication date is said, never invented.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from kg.errors import InputError, NoDateError
from kg.ingest import read_articles
from kg.ingest.readers import MAX_ARTICLE_CHARS, MAX_BYTES
from kg.model import Article

D = dt.date

# Wire-style paragraphs written for these tests (invented wording about real conflicts).
SUDAN = ("KHARTOUM, Feb 19 (Reuters) - Sudan's army said on Monday it had repelled an attack by "
         "the paramilitary Rapid Support Forces on the city of El Obeid, as mediators in Jeddah "
         "pressed both sides to return to talks.\n")
YEMEN = ("ADEN, March 4 (AP) - Yemen's Houthi rebels fired two anti-ship missiles at a "
         "Liberian-flagged tanker in the Gulf of Aden on Saturday, the U.S. military's Central "
         "Command said.\n")
COLOMBIA = ("BOGOTA, Jan 17 (Reuters) - Colombian President Gustavo Petro suspended peace talks "
            "with the ELN rebel group on Friday after a wave of attacks in the Catatumbo region "
            "killed dozens of people.\n")
ETHIOPIA = ("ADDIS ABABA, Nov 2 (AP) - Ethiopia's government and Tigrayan forces agreed to a "
            "permanent cessation of hostilities on Wednesday after talks mediated by the African "
            "Union in Pretoria.\n")
SOMALIA = ("MOGADISHU (Reuters) - Somali troops and African Union forces launched an offensive "
           "against al Shabaab militants near the town of Jowhar on Tuesday, Somalia's defence "
           "ministry said. Al Shabaab said its fighters had repelled the attack on Wednesday.\n")
CONGO_FR = ("GOMA (AFP) - Le gouvernement congolais a accusé mardi le Rwanda de soutenir les "
            "rebelles du M23 près de Goma, a déclaré le porte-parole à Kinshasa.\n")


def read(paths: list[Path], published: dt.date | None = None
         ) -> tuple[list[Article], list[InputError], list[InputError]]:
    """Articles, errors and warnings of one read."""
    errors: list[InputError] = []
    warnings: list[InputError] = []
    articles = list(read_articles(paths, published=published, on_error=errors.append,
                                  on_warning=warnings.append))
    return articles, errors, warnings


def assert_one_clear_line(err: InputError, where: str) -> None:
    """The message names the input, says what to do, and fits on one line."""
    text = str(err)
    assert "\n" not in text and len(text) < 400, text
    assert where in text, (where, text)
    assert err.hint, f"no advice on what to do: {text}"


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


# --- HTML pages, built the way news sites build them -------------------------------------------

def news_page(headline: str, paragraphs: list[str], *, meta_date: str | None = None,
              ld_date: str | None = None, url: str | None = None, charset: str = "utf-8",
              closed: bool = True) -> str:
    """A news article page with site navigation, ads, a 'most read' box of older dated links
    and a footer around the story; the date lives only where ``meta_date``/``ld_date`` put it."""
    head = [f'<meta charset="{charset}">', f"<title>{headline} | World News</title>",
            f'<meta property="og:title" content="{headline}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">']
    if url:
        head += [f'<meta property="og:url" content="{url}">', f'<link rel="canonical" href="{url}">']
    if meta_date:
        head.append(f'<meta property="article:published_time" content="{meta_date}">')
    ld: dict[str, object] = {"@context": "https://schema.org", "@type": "NewsArticle",
                             "headline": headline, "author": {"@type": "Person", "name": "Staff"}}
    if ld_date:
        ld["datePublished"] = ld_date
    head.append(f'<script type="application/ld+json">{json.dumps(ld)}</script>')
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    page = f"""<!DOCTYPE html>
<html lang="en"><head>
{chr(10).join(head)}
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a>
<a href="/markets">Markets</a> <a href="/sport">Sport</a> <a href="/subscribe">Subscribe</a></nav></header>
<div class="ad-slot">Advertisement · Scroll to continue</div>
<main><article>
<h1>{headline}</h1>
{body}
</article></main>
<aside><h3>Most read</h3><ul>
<li><a href="/2019/01/02/oil">Oil slides as Gulf tanker attacks stoke supply fears - January 2, 2019</a></li>
<li><a href="/2020/06/30/vote">Parliament passes budget after all-night session - June 30, 2020</a></li>
</ul></aside>
<div class="ad-slot">Advertisement</div>
<footer><p>&copy; 2021 Example News Ltd. All rights reserved.</p>
<a href="/privacy">Privacy policy</a> <a href="/cookies">Cookie settings</a></footer>
</body>
</html>
"""
    if not closed:
        page = page[: page.index("</article>")]
    return page


SUDAN_PAGE_TEXT = [
    ("KHARTOUM, May 21 (Reuters) - Sudan's army and the paramilitary Rapid Support Forces agreed "
     "on Saturday to a seven-day ceasefire due to take effect on Monday evening, Saudi Arabia and "
     "the United States said in a joint statement."),
    ("The two sides signed the agreement in Jeddah after two weeks of talks, the statement said. "
     "Earlier truces were repeatedly violated."),
    ("Residents of Omdurman reported air strikes and artillery fire on Sunday morning, hours "
     "after the deal was announced."),
]
SUDAN_URL = "https://news.example.com/world/africa/sudan-ceasefire-jeddah"


# --- text files --------------------------------------------------------------------------------

@pytest.mark.parametrize("header, published, title, url", [
    ("Published: 2024-02-19\n", D(2024, 2, 19), None, None),
    (("Published: 2024-02-19\nTitle: Sudan army repels RSF attack on El Obeid\n"
      "URL: https://news.example.com/sudan/el-obeid\n"),
     D(2024, 2, 19), "Sudan army repels RSF attack on El Obeid", "https://news.example.com/sudan/el-obeid"),
    (("Title: Sudan army repels RSF attack\nSource: Reuters\nDate: 2024-02-19\n"),
     D(2024, 2, 19), "Sudan army repels RSF attack", None),
    ("\nPublished: 2024-02-19T23:40:00-05:00\n", D(2024, 2, 19), None, None),
    ("Published: 2024-02-19T07:45:00Z\n", D(2024, 2, 19), None, None),
    ("published: 19 February 2024\n", D(2024, 2, 19), None, None),
    ("Published: February 19, 2024\n", D(2024, 2, 19), None, None),
    ("Published: Monday, 19 February 2024\n", D(2024, 2, 19), None, None),
    ("Published: Mon, 19 Feb 2024 07:45:00 GMT\n", D(2024, 2, 19), None, None),
    ("Source: https://news.example.com/sudan/el-obeid\n", None, None,
     "https://news.example.com/sudan/el-obeid"),
], ids=["date", "date-title-url", "source-name-then-date", "leading-blank-offset-time",
        "utc-time", "written-lowercase-key", "written-us", "with-weekday", "rfc2822", "source-url"])
def test_text_header_lines_give_date_title_and_url_and_are_not_article_text(
        tmp_path: Path, header: str, published: dt.date | None, title: str | None, url: str | None):
    path = write(tmp_path / "sudan.txt", header + "\n" + SUDAN)
    [article], errors, _ = read([path])
    assert not errors
    assert (article.published, article.title, article.url) == (published, title, url)
    assert article.text.strip() == SUDAN.strip()
    assert article.origin == str(path)


@pytest.mark.parametrize("late_line", ["Published: 2020-01-01", "Title: Background",
                                       "URL: https://news.example.com/older-story"])
def test_header_like_lines_after_the_story_begins_stay_story(tmp_path: Path, late_line: str):
    [article], errors, _ = read([write(tmp_path / "a.txt", SUDAN + late_line + "\n" + YEMEN)])
    assert not errors
    assert (article.published, article.title, article.url) == (None, None, None)
    assert late_line in article.text


@pytest.mark.parametrize("header", ["Published: 2024-02-30\n", "Published: 04/05/2024\n",
                                    "Date: last Tuesday\n", "Published: 2024\n"])
def test_bad_date_header_is_an_error_naming_the_file_and_the_format(tmp_path: Path, header: str):
    path = write(tmp_path / "report.txt", header + "\n" + SUDAN)
    articles, [err], _ = read([path], published=D(2024, 2, 20))
    assert articles == []
    assert_one_clear_line(err, str(path))
    assert "YYYY-MM-DD" in str(err)


@pytest.mark.parametrize("kind", ["txt", "html", "jsonl"])
def test_published_option_fills_in_only_articles_without_a_date(tmp_path: Path, kind: str):
    own, given = D(2023, 5, 21), D(2023, 6, 1)
    if kind == "txt":
        dated = write(tmp_path / "dated.txt", f"Published: {own}\n\n{SUDAN}")
        undated = write(tmp_path / "undated.txt", YEMEN)
        paths = [dated, undated]
    elif kind == "html":
        dated = write(tmp_path / "dated.html", news_page("Sudan truce", SUDAN_PAGE_TEXT,
                                                         meta_date=f"{own}T06:12:00Z"))
        undated = write(tmp_path / "undated.html", news_page("Houthis fire at tanker", [YEMEN] * 2))
        paths = [dated, undated]
    else:
        batch = write(tmp_path / "batch.jsonl",
                      json.dumps({"text": SUDAN, "published": str(own)}) + "\n"
                      + json.dumps({"text": YEMEN}) + "\n")
        paths = [batch]
    (first, second), errors, warnings = read(paths, published=given)
    assert not errors and not warnings
    assert (first.published, second.published) == (own, given)


# --- HTML pages --------------------------------------------------------------------------------

@pytest.mark.parametrize("meta_date, ld_date", [
    ("2023-05-21T06:12:00Z", None),
    (None, "2023-05-21T06:12:00Z"),
    ("2023-05-21T06:12:00+03:00", "2023-05-21T06:12:00+03:00"),
    (None, "2023-05-21"),
], ids=["article-published-time", "json-ld", "both", "json-ld-date-only"])
def test_html_page_gives_main_text_title_url_and_date_from_its_metadata(
        tmp_path: Path, meta_date: str | None, ld_date: str | None):
    page = news_page("Sudan army and RSF agree to seven-day truce in Jeddah", SUDAN_PAGE_TEXT,
                     meta_date=meta_date, ld_date=ld_date, url=SUDAN_URL)
    path = write(tmp_path / "sudan-truce.html", page)
    [article], errors, warnings = read([path], published=D(2030, 1, 1))
    assert not errors and not warnings
    assert article.published == D(2023, 5, 21)
    assert article.title == "Sudan army and RSF agree to seven-day truce in Jeddah"
    assert article.url == SUDAN_URL
    for paragraph in SUDAN_PAGE_TEXT:
        assert paragraph in article.text
    for junk in ("Advertisement", "Most read", "All rights reserved", "Cookie settings",
                 "Subscribe", "Oil slides"):
        assert junk not in article.text, junk


def test_html_page_without_a_date_borrows_none_from_links_or_footer(tmp_path: Path):
    path = write(tmp_path / "page.html", news_page("Houthis fire missiles at tanker", [YEMEN] * 2,
                                                   url="https://news.example.com/yemen/tanker"))
    [article], errors, [warning] = read([path])
    assert not errors
    assert article.published is None
    assert isinstance(warning, NoDateError) and "--published" in str(warning)


def test_html_page_in_its_declared_legacy_encoding_is_read(tmp_path: Path):
    story = [("BAMAKO (AFP) - L'armée malienne a déclaré mercredi avoir repoussé une attaque de "
              "jihadistes contre un camp militaire près de Tombouctou, selon un communiqué.")] * 2
    page = news_page("Mali : l'armée repousse une attaque près de Tombouctou", story,
                     meta_date="2024-03-06T10:00:00Z", charset="iso-8859-1")
    path = write(tmp_path / "mali.html", page.encode("latin-1"))
    [article], errors, _ = read([path])
    assert not errors
    assert "L'armée malienne a déclaré mercredi" in article.text


def test_page_cut_off_mid_story_keeps_its_text_and_says_so(tmp_path: Path):
    page = news_page("Sudan truce", SUDAN_PAGE_TEXT, meta_date="2023-05-21T06:12:00Z", closed=False)
    path = write(tmp_path / "cut.html", page)
    [article], errors, [warning] = read([path])
    assert not errors
    assert SUDAN_PAGE_TEXT[0] in article.text
    assert_one_clear_line(warning, str(path))
    assert "cut off" in str(warning)


# --- bad input -----------------------------------------------------------------------------------

_PAGE = news_page("Sudan truce", SUDAN_PAGE_TEXT, meta_date="2023-05-21T06:12:00Z")
BAD_INPUTS = {
    # name: (file name, content, a word the message must use)
    "empty": ("brief.txt", b"", "empty"),
    "only-blank-lines": ("brief.txt", b"\n  \n\t\n", "empty"),
    "binary": ("brief.txt", bytes(range(256)) * 8, "binary"),
    "pdf": ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>", "PDF"),
    "docx-named-txt": ("report.txt", b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "ZIP"),
    "latin-1": ("depeche.txt", CONGO_FR.encode("latin-1"), "UTF-8"),
    "latin-1-jsonl": ("batch.jsonl", json.dumps({"text": "x"}).encode()[:-2]
                      + "é\"}".encode("latin-1"), "UTF-8"),
    "html-cut-before-body": ("page.html", _PAGE[: _PAGE.index("<body>") + 6].encode(), "no article text"),
    "html-menus-and-ads-only": ("page.html", re.sub(r"<main>.*</main>", "", _PAGE, flags=re.DOTALL).encode(),
                                "no article text"),
    "html-tag-soup": ("page.html", b"<<<>>><!-- <html <body </p> &&&; <script>", "no article text"),
    "bad-date-header": ("report.txt", f"Published: 2024-13-01\n\n{SUDAN}".encode(), "date"),
    "jsonl-not-json": ("batch.jsonl", b'{"text": "Ceasefire talks resume", "published": 2024-', "JSON"),
    "jsonl-no-text": ("batch.jsonl", b'{"published": "2024-03-04", "url": "https://x.example/a"}', "text"),
}


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_bad_input_gives_one_clear_line_naming_the_file(tmp_path: Path, name: str):
    filename, content, word = BAD_INPUTS[name]
    path = write(tmp_path / filename, content)
    articles, errors, _ = read([path], published=D(2024, 3, 5))
    assert articles == []
    [err] = errors
    assert_one_clear_line(err, str(path))
    assert word.lower() in str(err).lower()


def test_file_too_large_for_one_article_is_refused_before_it_is_read(tmp_path: Path):
    path = tmp_path / "dump.txt"
    with path.open("w", encoding="utf-8") as fh:
        while fh.tell() <= MAX_BYTES:
            fh.write(SUDAN * 1000)
    articles, [err], _ = read([path], published=D(2024, 3, 5))
    assert articles == []
    assert_one_clear_line(err, str(path))
    assert "MB" in str(err) and "jsonl" in err.hint


def test_article_too_long_for_the_language_model_is_refused(tmp_path: Path):
    text = SUDAN * (MAX_ARTICLE_CHARS // len(SUDAN) + 1)
    batch = write(tmp_path / "batch.jsonl", json.dumps({"text": text, "published": "2024-02-19"})
                  + "\n" + json.dumps({"text": YEMEN, "published": "2024-03-04"}) + "\n")
    [kept], [err], _ = read([batch])
    assert kept.text == YEMEN
    assert_one_clear_line(err, f"{batch}:1")
    assert "split" in err.hint


def test_missing_path_is_an_error_naming_it(tmp_path: Path):
    missing = tmp_path / "reports" / "missing.txt"
    articles, [err], _ = read([missing])
    assert articles == []
    assert_one_clear_line(err, str(missing))


def test_read_articles_raises_the_first_bad_input_when_no_handler_is_given(tmp_path: Path):
    path = write(tmp_path / "brief.txt", b"")
    with pytest.raises(InputError, match="brief.txt"):
        list(read_articles([path]))


# --- JSONL batches -------------------------------------------------------------------------------

def test_jsonl_record_gives_text_date_url_title_and_a_stable_safe_id(tmp_path: Path):
    record = {"id": "reuters/2024/01/17 colombia-eln", "text": COLOMBIA, "published": "2024-01-17",
              "url": "https://news.example.com/colombia/eln", "title": "Petro suspends ELN talks"}
    batch = write(tmp_path / "batch.jsonl", json.dumps(record) + "\n")
    [article], errors, _ = read([batch])
    again, _, _ = read([batch])
    assert not errors
    assert (article.text, article.published, article.url, article.title) == (
        COLOMBIA, D(2024, 1, 17), record["url"], record["title"])
    assert re.fullmatch(r"[A-Za-z0-9._-]+", article.id)
    assert again[0].id == article.id
    assert article.origin == f"{batch}:1"


BAD_LINES = {
    "malformed-json": '{"text": "Houthis fire at tanker", "published": "2024-03-04"',
    "not-an-object": '["Houthis fire at tanker", "2024-03-04"]',
    "no-text": '{"published": "2024-03-04", "title": "Houthis fire at tanker"}',
    "text-not-a-string": '{"text": ["Houthis", "fire"], "published": "2024-03-04"}',
    "blank-text": '{"text": "   ", "published": "2024-03-04"}',
    "bad-date": json.dumps({"text": YEMEN, "published": "yesterday"}),
    "impossible-date": json.dumps({"text": YEMEN, "published": "2024-02-30"}),
    "ambiguous-date": json.dumps({"text": YEMEN, "published": "03/04/2024"}),
}


@pytest.mark.parametrize("name", BAD_LINES)
def test_bad_jsonl_line_is_named_by_line_and_the_other_lines_are_kept(tmp_path: Path, name: str):
    lines = [json.dumps({"text": SUDAN, "published": "2024-02-19"}), BAD_LINES[name],
             json.dumps({"text": ETHIOPIA, "published": "2022-11-02"})]
    batch = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    articles, [err], _ = read([batch])
    assert [a.text for a in articles] == [SUDAN, ETHIOPIA]
    assert_one_clear_line(err, f"{batch}:2")


def test_jsonl_line_not_in_utf8_costs_that_line_only(tmp_path: Path):
    good = json.dumps({"text": SUDAN, "published": "2024-02-19"}).encode()
    bad = json.dumps({"text": CONGO_FR, "published": "2024-03-05"}, ensure_ascii=False).encode("latin-1")
    batch = write(tmp_path / "batch.jsonl", b"\n".join([good, bad, good.replace(b"Monday", b"Sunday")]))
    articles, [err], _ = read([batch])
    assert len(articles) == 2
    assert_one_clear_line(err, f"{batch}:2")
    assert "UTF-8" in str(err)


def test_jsonl_text_holding_a_unicode_line_separator_stays_one_record(tmp_path: Path):
    text = "Yemen's Houthi rebels said on Saturday\u2028they had fired two missiles at a tanker."
    batch = write(tmp_path / "batch.jsonl", json.dumps({"text": text, "published": "2024-03-04"},
                                                       ensure_ascii=False) + "\n")
    [article], errors, _ = read([batch])
    assert not errors
    assert article.text == text


def test_jsonl_with_bom_crlf_and_blank_lines_reads_every_record(tmp_path: Path):
    records = [{"text": t, "published": "2024-03-04"} for t in (SUDAN, YEMEN, COLOMBIA)]
    data = "\ufeff" + "\r\n\r\n".join(json.dumps(r) for r in records) + "\r\n\r\n"
    [*articles], errors, _ = read([write(tmp_path / "batch.jsonl", data.encode("utf-8"))])
    assert not errors
    assert [a.text for a in articles] == [SUDAN, YEMEN, COLOMBIA]


def test_jsonl_dates_from_feeds_are_understood(tmp_path: Path):
    records = [{"text": SUDAN, "published": "Mon, 19 Feb 2024 07:45:00 GMT"},
               {"text": YEMEN, "published": "2024-03-04T21:10:00-05:00"},
               {"text": COLOMBIA, "published": "January 17, 2025"}]
    batch = write(tmp_path / "batch.jsonl", "\n".join(json.dumps(r) for r in records))
    articles, errors, _ = read([batch])
    assert not errors
    assert [a.published for a in articles] == [D(2024, 2, 19), D(2024, 3, 4), D(2025, 1, 17)]


def test_two_different_articles_under_one_id_are_both_kept_apart(tmp_path: Path):
    batch = write(tmp_path / "batch.jsonl", "\n".join(json.dumps(r) for r in [
        {"id": "wire-1", "text": SUDAN, "published": "2024-02-19"},
        {"id": "wire-1", "text": YEMEN, "published": "2024-03-04"}]))
    articles, errors, [warning] = read([batch])
    assert not errors
    assert [a.text for a in articles] == [SUDAN, YEMEN]
    assert len({a.id for a in articles}) == 2
    assert_one_clear_line(warning, f"{batch}:2")
    assert "wire-1" in str(warning)


def test_the_same_article_given_twice_is_read_once(tmp_path: Path):
    first = write(tmp_path / "inbox" / "sudan.txt", f"Published: 2024-02-19\n\n{SUDAN}")
    copy = write(tmp_path / "archive" / "sudan-copy.txt", f"Published: 2024-02-19\n\n{SUDAN}")
    articles, errors, [warning] = read([first, copy, first])
    assert not errors
    assert [a.origin for a in articles] == [str(first)]
    assert str(copy) in str(warning) and str(first) in str(warning)


# --- folders -----------------------------------------------------------------------------------

def _fill_reports(root: Path, reverse: bool = False) -> None:
    files: list[tuple[str, str | bytes]] = [
        ("2024/02/b-sudan.txt", f"Published: 2024-02-19\n\n{SUDAN}"),
        ("2024/03/a-yemen.html", news_page("Houthis fire at tanker", [YEMEN] * 2,
                                           meta_date="2024-03-04T18:00:00Z")),
        ("batch.jsonl", "\n".join(json.dumps({"text": t, "published": "2024-01-17"})
                                  for t in (COLOMBIA, ETHIOPIA))),
        ("Colombia/eln.TXT", f"Published: 2025-01-17\n\n{COLOMBIA}"),
        (".drafts/unpublished.txt", SOMALIA),  # hidden folder
        ("2024/.somalia.txt.swp", SOMALIA),  # editor swap file
        ("2024/.hidden.txt", SOMALIA),
        ("notes.docx", b"PK\x03\x04"),  # not an input kind: skipped in folders
        ("README", "Reports collected for the monthly brief."),
    ]
    for rel, data in reversed(files) if reverse else files:
        write(root / rel, data)


def test_folder_is_read_recursively_in_path_order_skipping_hidden_and_other_files(tmp_path: Path):
    _fill_reports(tmp_path / "reports")
    articles, errors, _ = read([tmp_path / "reports"])
    assert not errors
    sources = [Path(a.origin.split(":")[0]).relative_to(tmp_path / "reports").as_posix()
               + (":" + a.origin.split(":")[1] if ":" in a.origin else "") for a in articles]
    assert sources == ["2024/02/b-sudan.txt", "2024/03/a-yemen.html", "Colombia/eln.TXT",
                       "batch.jsonl:1", "batch.jsonl:2"]


def test_folder_order_does_not_depend_on_the_order_files_were_written(tmp_path: Path):
    _fill_reports(tmp_path / "one")
    _fill_reports(tmp_path / "two", reverse=True)
    one, _, _ = read([tmp_path / "one"])
    two, _, _ = read([tmp_path / "two"])
    assert [a.id for a in one] == [a.id for a in two]
    assert [a.text for a in one] == [a.text for a in two]


def test_folder_with_a_bad_file_still_gives_the_good_ones(tmp_path: Path):
    write(tmp_path / "in" / "a-sudan.txt", f"Published: 2024-02-19\n\n{SUDAN}")
    bad = write(tmp_path / "in" / "b-goma.txt", CONGO_FR.encode("latin-1"))
    write(tmp_path / "in" / "c-yemen.txt", f"Published: 2024-03-04\n\n{YEMEN}")
    articles, [err], _ = read([tmp_path / "in"])
    assert [a.text.strip() for a in articles] == [SUDAN.strip(), YEMEN.strip()]
    assert_one_clear_line(err, str(bad))


def test_folder_without_inputs_is_an_error(tmp_path: Path):
    write(tmp_path / "in" / "notes.docx", b"PK\x03\x04")
    articles, [err], _ = read([tmp_path / "in"])
    assert articles == []
    assert_one_clear_line(err, str(tmp_path / "in"))


def test_file_named_and_inside_a_named_folder_is_read_once(tmp_path: Path):
    path = write(tmp_path / "in" / "sudan.txt", f"Published: 2024-02-19\n\n{SUDAN}")
    articles, errors, warnings = read([tmp_path / "in", path])
    assert len(articles) == 1 and not errors and not warnings


# --- no publication date -------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["txt", "jsonl"])
def test_article_without_a_date_is_read_with_one_warning_suggesting_published(tmp_path: Path, kind: str):
    if kind == "txt":
        path = write(tmp_path / "somalia.txt", SOMALIA)
        where = str(path)
    else:
        path = write(tmp_path / "batch.jsonl", json.dumps({"text": SOMALIA}) + "\n")
        where = f"{path}:1"
    [article], errors, [warning] = read([path])
    assert not errors
    assert article.published is None
    assert isinstance(warning, NoDateError)
    assert_one_clear_line(warning, where)
    assert "--published" in str(warning)


def test_events_of_an_undated_article_keep_unknown_dates(tmp_path: Path):
    from kg.pipeline import build

    path = write(tmp_path / "somalia.txt", SOMALIA + YEMEN)
    warnings: list[InputError] = []
    result = build([path], on_warning=warnings.append)
    assert result.articles == 1 and len(warnings) == 1
    assert result.events, "the report names attacks; the test needs events to check"
    today = dt.date.today()
    for event in result.events:
        assert event.time.basis == "unknown" and event.time.start is None, event
        assert today not in (event.time.start, event.time.end, event.time.earliest, event.time.latest)


def test_pipeline_builds_the_good_articles_of_a_folder_with_a_bad_one(tmp_path: Path):
    from kg.pipeline import build

    good = [write(tmp_path / "in" / "a-yemen.txt", f"Published: 2024-03-04\n\n{YEMEN}"),
            write(tmp_path / "in" / "c-somalia.txt", f"Published: 2024-03-06\n\n{SOMALIA}")]
    bad = write(tmp_path / "in" / "b-broken.html", _PAGE[: _PAGE.index("<body>") + 6])
    errors: list[InputError] = []
    extracted: list[Article] = []
    result = build([tmp_path / "in"], on_error=errors.append, progress=extracted.append)
    assert result.articles == 2
    assert [a.origin for a in extracted] == [str(p) for p in good]
    assert [e.source for e in result.problems] == [str(bad)] and errors == list(result.problems)
    assert result.events, "the good reports tell of attacks"
