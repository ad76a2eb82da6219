"""Render the human reports of one release folder into that folder: self-contained HTML (+ xlsx, Markdown).

Every page is one file with its CSS, script and charts inline (the machines are offline and the
reports are mailed around), Hangul set in Noto Sans CJK KR, and every database value escaped by
Jinja's autoescaping. The data reports (advertiser, FAQ) are rendered only when the folder's
manifest says the leak check passed: a blocked release must not leave the building as HTML.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path

import plotly.graph_objects as go
import plotly.offline
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from reports import advertiser_report, faq_book, run_report

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

# Installed from Debian fonts-noto-cjk; the later names cover readers' machines without it.
# static/report.css names the same stack for the page text; this one is for the charts.
FONT_STACK = '"Noto Sans CJK KR", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", sans-serif'

# Display names for the codes of the source contract; unknown codes are shown as they are.
LABELS = {
    "interested_area": {
        "eyes": "눈 (eyes)", "nose": "코 (nose)", "face_contour": "안면윤곽 (face contour)",
        "breast": "가슴 (breast)", "body": "바디 (body)", "lifting": "리프팅 (lifting)",
        "skin": "피부 (skin)", "hair": "모발 (hair)", "other": "기타 (other)",
    },
    "language": {"ko": "한국어 (ko)", "en": "English (en)", "zh": "中文 (zh)", "ja": "日本語 (ja)"},
    "sex": {"F": "여성 (F)", "M": "남성 (M)"},
    "channel": {
        "homepage": "홈페이지 (homepage)", "kakao": "카카오톡 (kakao)", "phone": "전화 (phone)",
        "realtime": "실시간 상담 (realtime)", "email": "이메일 (email)", "fax": "팩스 (fax)",
        "board": "게시판 (board)",
    },
}


def label(kind: str, code) -> str:
    if code is None:
        return "unknown"
    return LABELS.get(kind, {}).get(code, str(code))


def number(value) -> str:
    """Thousands separators for counts; one decimal for measures."""
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.1f}"
    return f"{int(value):,}"


def as_text(value) -> str:
    """Manifest values as a reader expects them: text and numbers as they are, structures as JSON."""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return "–" if value is None else str(value)


def chart(fig: go.Figure, name: str) -> Markup:
    """A Plotly figure as an inline <div id="chart-NAME">; plotly.js itself is inlined once per page by base.html.

    The id is fixed: Plotly's default is a random UUID, whose last group is now and then twelve
    digits, which the leak gate rightly reads as a phone number (and the page differs run to run)."""
    fig.update_layout(template="plotly_white", font_family=FONT_STACK, margin=dict(l=60, r=20, t=50, b=50))
    fig.update_xaxes(automargin=True)  # long Hangul category names must not be cut off
    fig.update_yaxes(automargin=True, ticklabelstandoff=6)
    return Markup(fig.to_html(include_plotlyjs=False, full_html=False, config={"displaylogo": False},
                              div_id="chart-" + name.replace("_", "-")))


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(chart=chart, number=number, as_text=as_text)
    env.globals.update(css=Markup((STATIC / "report.css").read_text(encoding="utf-8")), label=label)
    return env


def _write_page(env: Environment, template: str, path: Path, *, with_charts: bool, **context) -> Path:
    plotly_js = Markup(plotly.offline.get_plotlyjs()) if with_charts else None
    path.write_text(env.get_template(template).render(plotly_js=plotly_js, **context), encoding="utf-8")
    return path


def _leak_check_passed(manifest: dict | None) -> bool:
    return bool(manifest and (manifest.get("check") or {}).get("passed") is True)


def render_all(release_dir: Path) -> dict[str, Path]:
    """Render every report whose input is in ``release_dir``; returns {report name: written path}.

    A missing input skips that report with a logged reason. The run report renders for any
    manifest (promoted, blocked or failed); the data reports need a manifest whose check passed.
    """
    release_dir = Path(release_dir)
    env = _environment()
    written: dict[str, Path] = {}

    manifest_path = release_dir / "manifest.json"
    manifest = None
    if manifest_path.is_file():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        written["run_report"] = _write_page(
            env, "run_report.html", release_dir / "run_report.html", with_charts=True,
            run=manifest, figures=run_report.figures(manifest), findings=run_report.findings(manifest),
            release_rows=run_report.release_rows(manifest), anonymity=run_report.anonymity(manifest),
            risk=run_report.academic_risk(manifest))
    else:
        log.warning("run report skipped: no manifest.json in %s", release_dir)

    if not _leak_check_passed(manifest):
        log.warning("advertiser report and FAQ book skipped: %s", "the leak check did not pass" if manifest
                    else "no manifest.json to confirm the leak check passed")
        return written

    advertiser_db = release_dir / "advertiser.duckdb"
    if advertiser_db.is_file():
        release = advertiser_report.load(advertiser_db)
        written["advertiser_report"] = _write_page(
            env, "advertiser_report.html", release_dir / "advertiser_report.html", with_charts=True,
            release=release, figures=advertiser_report.figures(release, label))
        written["advertiser_xlsx"] = advertiser_report.write_xlsx(release, release_dir / "advertiser_report.xlsx")
    else:
        log.warning("advertiser report skipped: no advertiser.duckdb in %s", release_dir)

    faq_db = release_dir / "faq.duckdb"
    if faq_db.is_file():
        book = faq_book.load(faq_db)
        written["faq_html"] = _write_page(env, "faq.html", release_dir / "faq.html", with_charts=False,
                                          book=book, search_js=Markup((STATIC / "faq_search.js").read_text("utf-8")))
        written["faq_md"] = release_dir / "faq.md"
        written["faq_md"].write_text(faq_book.markdown(book, label), encoding="utf-8")
    else:
        log.warning("FAQ book skipped: no faq.duckdb in %s", release_dir)
    return written
