"""Reports rendered from fixture releases, checked as files and in a real headless Chromium."""
from __future__ import annotations

import json
import logging
import os
import unicodedata
from pathlib import Path

import duckdb
import pytest
from markupsafe import escape
from openpyxl import load_workbook

from browser import CHROMIUM, Chromium
from report_fixtures import HOSTILE_REGION, HOSTILE_TEXT, write_manifest, write_release
from report_fixtures import manifest as report_manifest
from reports.render import render_all

ALL_REPORTS = {"run_report", "advertiser_report", "advertiser_xlsx", "faq_html", "faq_md"}
CJK_FONT = "Noto Sans CJK KR"


@pytest.fixture(scope="module")
def release(tmp_path_factory) -> tuple[Path, dict[str, Path]]:
    """One promoted release with all inputs, rendered once for the whole module."""
    folder = write_release(tmp_path_factory.mktemp("release") / "20261122T061500Z-ab12cd")
    return folder, render_all(folder)


def _db_value(db: Path, sql: str):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchone()[0]


# --- files -------------------------------------------------------------------------------------

def test_every_report_is_written_into_the_release_folder(release):
    folder, paths = release
    assert set(paths) == ALL_REPORTS
    assert all(p.parent == folder and p.stat().st_size > 0 for p in paths.values())


@pytest.mark.parametrize("name", ["advertiser_report", "faq_html", "run_report"])
def test_pages_reference_nothing_outside_themselves(release, name):
    page = release[1][name].read_text(encoding="utf-8")
    for external in ("<script src", "<link ", "@import", "@font-face", "<iframe", 'src="http', "url(http"):
        assert external not in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert page.count("Plotly.newPlot") == (0 if name == "faq_html" else page.count('class="plotly-graph-div"'))


def test_database_text_is_escaped_not_markup(release):
    faq = release[1]["faq_html"].read_text(encoding="utf-8")
    advertiser = release[1]["advertiser_report"].read_text(encoding="utf-8")
    assert HOSTILE_TEXT not in faq and str(escape(HOSTILE_TEXT)) in faq
    assert "&lt;PERSON&gt;님" in faq
    assert HOSTILE_REGION not in advertiser
    markdown = release[1]["faq_md"].read_text(encoding="utf-8")
    assert "\\<PERSON\\>님" in markdown and "<script>" not in markdown


def test_faq_markdown_is_grouped_by_area_and_language_and_ranked(release):
    markdown = release[1]["faq_md"].read_text(encoding="utf-8")
    headings = [line for line in markdown.splitlines() if line.startswith(("## ", "### "))]
    assert headings[:3] == ["## 눈 (eyes)", "### 한국어 (ko)", "### English (en)"]
    eyes_ko = markdown.split("### 한국어 (ko)\n")[1].split("### English (en)\n")[0]
    counts = [int(line.split("*")[1].split()[0].replace(",", "")) for line in eyes_ko.splitlines()
              if line.startswith("*") and "consultations" in line]
    assert counts == sorted(counts, reverse=True) and len(counts) == 3
    assert "#### 1. 쌍꺼풀 수술 후 붓기는 언제 빠지나요?" in markdown
    assert headings[-2:] == ["## 모발 (hair)", "### Recommended consultations · 모발 (hair)"]  # recommended only


def test_xlsx_has_one_sheet_per_table_with_the_database_numbers(release):
    folder, paths = release
    book = load_workbook(paths["advertiser_xlsx"])
    assert {"by_month_area", "by_age_sex", "by_region", "by_channel", "by_response_time", "totals",
            "dp_budget_ledger", "release_info", "data_dictionary"} <= set(book.sheetnames)
    rows = {r[0]: r[1:] for r in book["by_region"].iter_rows(min_row=2, values_only=True)}
    assert rows["서울"] == (_db_value(folder / "advertiser.duckdb",
                                     "SELECT consultations FROM by_region WHERE region = '서울'"), False)
    assert rows["US"] == (None, True)


def test_xlsx_keeps_formula_looking_text_as_text(tmp_path):
    folder = write_release(tmp_path / "run")
    with duckdb.connect(str(folder / "advertiser.duckdb")) as con:
        con.execute("INSERT INTO by_region VALUES ('=HYPERLINK(\"http://x\")', 12, false)")
    cell = next(c for row in load_workbook(render_all(folder)["advertiser_xlsx"])["by_region"].iter_rows()
                for c in row if str(c.value).startswith("=HYPERLINK"))
    assert cell.data_type == "s"


def test_a_cell_marked_suppressed_never_shows_its_number(tmp_path):
    folder = write_release(tmp_path / "run")
    with duckdb.connect(str(folder / "advertiser.duckdb")) as con:  # a builder bug: count left in a suppressed cell
        con.execute("UPDATE by_channel SET consultations = 987654 WHERE channel = 'email'")
    paths = render_all(folder)
    assert "987654" not in paths["advertiser_report"].read_text(encoding="utf-8")
    assert all(c.value != 987654 for row in load_workbook(paths["advertiser_xlsx"])["by_channel"].iter_rows()
               for c in row)


def test_a_fully_suppressed_trend_says_so(tmp_path, release):
    assert 'id="trend-all-suppressed"' not in release[1]["advertiser_report"].read_text("utf-8")
    folder = write_release(tmp_path / "run")
    with duckdb.connect(str(folder / "advertiser.duckdb")) as con:
        con.execute("UPDATE by_month_area SET consultations = NULL, suppressed = true")
    assert 'id="trend-all-suppressed"' in render_all(folder)["advertiser_report"].read_text("utf-8")


def test_pages_say_when_a_release_is_too_small_to_show_a_dimension(tmp_path, release):
    assert 'id="too-small-note"' not in release[1]["advertiser_report"].read_text("utf-8")
    folder = write_release(tmp_path / "run")
    with duckdb.connect(str(folder / "advertiser.duckdb")) as con:
        con.execute("UPDATE by_region SET consultations = NULL, suppressed = true")
    page = render_all(folder)["advertiser_report"].read_text("utf-8")
    note = page[page.index('id="too-small-note"'):]
    assert "too small to show region" in note[:200]
    faq = release[1]["faq_html"].read_text("utf-8")
    assert 'id="faq-too-small"' in faq and "too small to show an entry for" in faq  # the fixture has few areas


def test_run_report_and_manifest_show_risk_per_person(tmp_path):
    from reports.manifest import RunManifest, render_markdown

    m = report_manifest()
    m["releases"]["academic"]["info"].update({
        "risk.k_persons": 5, "risk.k_rows": 6, "risk.persons": 540, "risk.classes": 25, "risk.threshold": 0.1,
        "risk.prosecutor_highest": 0.2, "risk.prosecutor_average": 0.036, "risk.prosecutor_at_risk": 0.019,
        "risk.journalist_highest": 0.2, "risk.journalist_average": 0.035, "risk.journalist_at_risk": 0.018,
        "risk.marketer_average": 0.035, "risk.l_diversity": 7, "loss.month.entropy": 1.0, "loss.month.height": 1.0,
        "loss.month.suppressed": 1.0})
    m["text_quasi_identifiers"] = {"PLACE": 89, "AGE": 21}
    folder = tmp_path / "run"
    write_release(folder)
    (folder / "manifest.json").write_text(json.dumps(m, ensure_ascii=False), encoding="utf-8")
    page = render_all(folder)["run_report"].read_text("utf-8")
    card = page[page.index('id="risk"'):page.index('id="anonymity"')]
    assert "journalist" in card and "0.036" in card and 'id="information-loss"' in card and "PLACE" in card
    markdown = render_markdown(RunManifest.model_validate(m))
    assert "## Re-identification risk per person (academic)" in markdown and "| marketer | – | 0.035 | – |" in markdown


def test_dp_budget_is_reported_when_dp_is_on(tmp_path):
    page = render_all(write_release(tmp_path / "run", dp_epsilon=0.5))["advertiser_report"].read_text("utf-8")
    assert "ε = 0.5" in page and "<strong>1.5</strong>" in page


def test_a_blocked_run_renders_only_its_run_report(tmp_path, caplog):
    folder = write_release(tmp_path / "run", status="blocked")
    with caplog.at_level(logging.WARNING, logger="reports.render"):
        assert set(render_all(folder)) == {"run_report"}
    assert "leak check did not pass" in caplog.text
    assert not (folder / "faq.html").exists() and not (folder / "advertiser_report.html").exists()


def test_without_a_manifest_nothing_is_rendered(tmp_path, caplog):
    folder = write_release(tmp_path / "run")
    (folder / "manifest.json").unlink()
    with caplog.at_level(logging.WARNING, logger="reports.render"):
        assert render_all(folder) == {}
    assert "no manifest.json" in caplog.text


def test_missing_databases_skip_their_reports(tmp_path, caplog):
    folder = tmp_path / "run"
    folder.mkdir()
    write_manifest(folder / "manifest.json")
    with caplog.at_level(logging.WARNING, logger="reports.render"):
        assert set(render_all(folder)) == {"run_report"}
    assert "no advertiser.duckdb" in caplog.text and "no faq.duckdb" in caplog.text


def test_a_failed_run_with_a_minimal_manifest_still_gets_a_run_report(tmp_path):
    folder = tmp_path / "run"
    folder.mkdir()
    (folder / "manifest.json").write_text(json.dumps({"run_id": "r-1", "status": "failed"}), encoding="utf-8")
    page = render_all(folder)["run_report"].read_text(encoding="utf-8")
    assert "FAILED" in page and "The leak check did not run." in page


# --- in a real browser -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} not found (Debian: apt-get install chromium fonts-noto-cjk)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with Chromium(tmp_path_factory.mktemp("chromium-profile")) as page:
        yield page


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    """Where screenshots go: $REPORT_SCREENSHOT_DIR (e.g. a CI artifact folder) or a pytest tmp folder."""
    wanted = os.environ.get("REPORT_SCREENSHOT_DIR")
    if wanted:
        Path(wanted).mkdir(parents=True, exist_ok=True)
        return Path(wanted)
    return tmp_path_factory.mktemp("screenshots")


def _assert_clean(page) -> None:
    assert page.console_errors == []
    assert page.failed_requests == []
    assert page.external_requests == []
    assert page.evaluate("window.__pwned === undefined")  # script-looking database text did not run


def _cell_text(page, table_selector: str, row_label: str) -> str:
    """Text of the last cell of the table row whose first cell is row_label."""
    return page.evaluate(f"""Array.from(document.querySelectorAll({json.dumps(table_selector + ' tbody tr')}))
        .find(tr => tr.cells[0].textContent.trim() === {json.dumps(row_label)}).lastElementChild.textContent.trim()""")


def _assert_hangul_in(page, selector: str) -> None:
    """Chromium drew the element's glyphs with the CJK font (a missing font would show tofu boxes)."""
    assert page.fonts_for(selector).get(CJK_FONT, 0) > 0


def test_advertiser_report_in_chromium(browser, release, shots):
    folder, paths = release
    page = browser.open(paths["advertiser_report"])
    _assert_clean(page)
    db = folder / "advertiser.duckdb"
    total = _db_value(db, "SELECT value FROM totals WHERE measure = 'consultations'")
    assert page.evaluate("document.querySelector('#kpi-consultations .value').textContent") == f"{int(total):,}"
    seoul = _db_value(db, "SELECT consultations FROM by_region WHERE region = '서울'")
    assert _cell_text(page, "#table-by_region", "서울") == f"{seoul:,}"
    assert _db_value(db, "SELECT suppressed AND consultations IS NULL FROM by_channel WHERE channel = 'email'")
    assert _cell_text(page, "#table-by_channel", "이메일 (email)") == "suppressed"
    assert page.evaluate("document.querySelector('#table-by_channel td.suppressed') !== null")
    min_cell = _db_value(db, "SELECT value FROM release_info WHERE key = 'min_cell_size'")
    assert f"below {min_cell} consultations" in " ".join(page.evaluate(
        "document.querySelector('#min-cell-note').textContent").split())
    assert "Differential privacy: off" in page.evaluate("document.body.innerText")
    assert page.evaluate("document.querySelectorAll('.plotly-graph-div .main-svg').length") >= 5  # charts drew
    _assert_hangul_in(page, "h1")
    _assert_hangul_in(page, "#by_region .ytick text")  # 서울 on a chart axis
    page.screenshot(shots / "advertiser_report.png")


CLEAR_SEARCH = "(b => { b.value = ''; b.dispatchEvent(new Event('input')); })(document.querySelector('#faq-search'))"


def _visible_entries(page) -> int:
    return page.evaluate("document.querySelectorAll('.faq-entry:not([hidden])').length")


def test_faq_search_filters_on_hangul(browser, release, shots):
    folder, paths = release
    page = browser.open(paths["faq_html"])
    _assert_clean(page)
    db = folder / "faq.duckdb"
    word = "쌍꺼풀"
    everything = _db_value(db, "SELECT (SELECT count(*) FROM faq_entries) "
                               "+ (SELECT count(*) FROM recommended_consultations)")
    matching = _db_value(db, f"""SELECT
        (SELECT count(*) FROM faq_entries WHERE concat_ws(' ', question, answer, list_aggregate(example_questions,
            'string_agg', ' ')) LIKE '%{word}%')
        + (SELECT count(*) FROM recommended_consultations WHERE concat_ws(' ', question, answer) LIKE '%{word}%')""")
    assert _visible_entries(page) == everything
    assert 0 < matching < everything

    page.type_text("#faq-search", word)
    assert _visible_entries(page) == matching
    assert page.evaluate("document.querySelector('.faq-area[data-area=\"nose\"]').hidden")  # no match in 코
    _assert_hangul_in(page, ".faq-entry:not([hidden]) .question")
    page.screenshot(shots / "faq_search.png")

    page.evaluate(CLEAR_SEARCH)
    page.type_text("#faq-search", unicodedata.normalize("NFD", word))  # jamo, as some IMEs and pastes deliver it
    assert _visible_entries(page) == matching

    page.evaluate(CLEAR_SEARCH)
    page.type_text("#faq-search", "없는검색어")
    assert _visible_entries(page) == 0
    assert page.evaluate("!document.querySelector('#faq-no-match').hidden")
    assert page.console_errors == []


def test_faq_page_shows_placeholders_literally(browser, release):
    page = browser.open(release[1]["faq_html"])
    text = page.evaluate("document.body.innerText")
    assert "<PERSON>님 담당 원장이 확인합니다." in text and "<script>window.__pwned=2</script>" in text


def test_run_report_in_chromium(browser, release, shots):
    folder, paths = release
    run = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    page = browser.open(paths["run_report"])
    _assert_clean(page)
    assert page.evaluate("document.querySelector('#status').textContent").split()[0] == "PROMOTED"
    assert page.evaluate("getComputedStyle(document.querySelector('#status')).backgroundColor") == "rgb(30, 123, 52)"
    text = page.evaluate("document.body.innerText")
    assert f"read\t{run['counts']['read']['members']:,}\t{run['counts']['read']['consultations']:,}" in text
    k_achieved = run["releases"]["academic"]["info"]["k_achieved"]
    assert f"k_achieved\t{k_achieved}" in text
    assert page.evaluate("document.querySelector('#kpi-k .value').textContent") == k_achieved
    assert f"PERSON\t{run['pii_removed']['PERSON']:,}" in text
    assert f"Canary: {run['check']['canary']['planted']} planted" in text
    assert page.evaluate("document.querySelectorAll('#stages .funnellayer .point').length") == 4  # funnel drew
    _assert_hangul_in(page, "h1")
    _assert_hangul_in(page, "#pii .gtitle")  # 삭제된 개인정보 in a chart title
    page.screenshot(shots / "run_report.png")


def test_blocked_run_report_in_chromium(browser, tmp_path, shots):
    folder = write_release(tmp_path / "run", status="blocked")
    page = browser.open(render_all(folder)["run_report"])
    _assert_clean(page)
    assert page.evaluate("document.querySelector('#status').textContent").split()[0] == "BLOCKED"
    assert page.evaluate("getComputedStyle(document.querySelector('#status')).backgroundColor") == "rgb(180, 35, 24)"
    findings = page.evaluate(
        "Array.from(document.querySelectorAll('#findings tbody tr')).map(r => r.lastElementChild.textContent)")
    assert findings == ["010-****-5678", "k***@example.com"]
    page.screenshot(shots / "run_report_blocked.png")
