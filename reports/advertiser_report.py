"""The marketing report's content: the advertiser release's aggregate tables, their charts and an xlsx copy.

Reads only advertiser.duckdb (aggregates; never record-level data). A cell counts as suppressed
when the release says so *or* its count is NULL, and a suppressed cell's number is never shown.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import duckdb
import plotly.graph_objects as go
from openpyxl import Workbook
from openpyxl.styles import Font
from plotly.colors import qualitative

RESPONSE_BANDS = ["under 1h", "1-6h", "6-24h", "1-3 days", "over 3 days", "unanswered"]

# Cell tables in report order; the ORDER BY is the reading order of charts and tables.
CELL_TABLES = {
    "by_month_area": ("SELECT month, interested_area, consultations, suppressed FROM by_month_area "
                      "ORDER BY month, interested_area"),
    "by_age_sex": ("SELECT age_band, sex, consultations, suppressed FROM by_age_sex "
                   "ORDER BY TRY_CAST(regexp_extract(age_band, '^[0-9]+') AS INTEGER) NULLS LAST, age_band, sex"),
    "by_region": ("SELECT region, consultations, suppressed FROM by_region "
                  "ORDER BY suppressed OR consultations IS NULL, consultations DESC, region"),
    "by_channel": ("SELECT channel, consultations, suppressed FROM by_channel "
                   "ORDER BY suppressed OR consultations IS NULL, consultations DESC, channel"),
    "by_response_time": ("SELECT response_band, consultations, suppressed FROM by_response_time "
                         "ORDER BY list_position($bands, response_band) NULLS LAST, response_band"),
}
META_TABLES = {
    "totals": "SELECT measure, value FROM totals ORDER BY measure",
    "dp_budget_ledger": ("SELECT run_id, released_at, epsilon, mechanism, cumulative_epsilon FROM dp_budget_ledger "
                         "ORDER BY released_at"),
    "release_info": "SELECT key, value FROM release_info ORDER BY key",
    "data_dictionary": ("SELECT table_name, column_name, description FROM data_dictionary "
                        "ORDER BY table_name, column_name"),
}

SUPPRESSED_COLOUR = "#b0b0b0"
SUPPRESSED_NAME = "suppressed (not published)"


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[dict]


@dataclass(frozen=True)
class AdvertiserRelease:
    tables: dict[str, Table]

    def cells(self, name: str) -> list[dict]:
        return self.tables[name].rows

    @property
    def info(self) -> dict[str, str]:
        return {r["key"]: r["value"] for r in self.tables["release_info"].rows}

    @property
    def totals(self) -> dict[str, float | None]:
        return {r["measure"]: r["value"] for r in self.tables["totals"].rows}

    @property
    def min_cell_size(self) -> int | None:
        value = self.info.get("min_cell_size")
        return int(value) if value and value.isdigit() else None

    @property
    def dp_epsilon(self) -> float | None:
        """This release's ε, or None when differential privacy is off."""
        value = self.info.get("dp_epsilon", "off")
        return None if value in ("off", "", None) else float(value)

    @property
    def ledger(self) -> list[dict]:
        return self.tables["dp_budget_ledger"].rows

    @property
    def suppressed_cells(self) -> int:
        return sum(cell["suppressed"] for name in CELL_TABLES for cell in self.cells(name))

    def month_area_pivot(self) -> tuple[list[str], list[tuple[str, dict[str, dict]]]]:
        """(areas, [(month, {area: cell})]) for a months × areas table."""
        cells = self.cells("by_month_area")
        areas = _by_published_total(cells, "interested_area")
        months: dict[str, dict[str, dict]] = {}
        for c in cells:
            months.setdefault(c["month"], {})[c["interested_area"]] = c
        return areas, list(months.items())


def _plotly_text(text: str) -> str:
    """Plotly reads chart text as a small HTML dialect; entities make database values show literally."""
    return html.escape(text, quote=False)


def _fail_closed(cell: dict) -> dict:
    """A cell the release marks suppressed, or whose count is missing, shows no number."""
    suppressed = bool(cell["suppressed"]) or cell["consultations"] is None
    return {**cell, "suppressed": suppressed, "consultations": None if suppressed else cell["consultations"]}


def load(db_path: Path) -> AdvertiserRelease:
    tables: dict[str, Table] = {}
    with duckdb.connect(str(db_path), read_only=True) as con:
        for name, sql in {**CELL_TABLES, **META_TABLES}.items():
            cursor = con.execute(sql, {"bands": RESPONSE_BANDS} if "$bands" in sql else None)
            columns = [d[0] for d in cursor.description]
            rows = [dict(zip(columns, r)) for r in cursor.fetchall()]
            if name in CELL_TABLES:
                rows = [_fail_closed(r) for r in rows]
            tables[name] = Table(columns, rows)
    return AdvertiserRelease(tables)


def _by_published_total(cells: list[dict], category: str) -> list:
    """Categories, largest published total first (the legend then reads like a ranking)."""
    totals: dict = {}
    for c in cells:
        totals[c[category]] = totals.get(c[category], 0) + (c["consultations"] or 0)
    return sorted(totals, key=lambda k: (-totals[k], str(k)))


def _bars(cells: list[dict], category: str, names: Callable[[str], str], name: str, colour: str,
          marker_height: int, *, horizontal: bool = False, show_suppressed_legend: bool = True) -> list[go.Bar]:
    """A published-count trace and a suppressed trace sharing one bar slot (offsetgroup), so grouped
    bars stay aligned and legend colours stay true. Suppressed cells are grey hatched bars of a fixed
    marker height labelled 'suppressed'."""
    traces = []
    for suppressed in (False, True):
        mine = [c for c in cells if c["suppressed"] == suppressed]
        if not mine:
            continue
        labels = [_plotly_text(names(c[category])) for c in mine]
        values = [marker_height if suppressed else c["consultations"] for c in mine]
        text = ["suppressed" if suppressed else f"{c['consultations']:,}" for c in mine]
        axes = dict(y=labels, x=values, orientation="h") if horizontal else dict(x=labels, y=values)
        style = (dict(name=SUPPRESSED_NAME, legendgroup="suppressed", showlegend=show_suppressed_legend,
                      legendrank=1001, marker=dict(color=SUPPRESSED_COLOUR, pattern=dict(shape="/")))
                 if suppressed else dict(name=name, marker=dict(color=colour)))
        traces.append(go.Bar(**axes, **style, offsetgroup=name, text=text, textposition="outside", cliponaxis=False,
                             hovertext=[f"{lab}: {t}" for lab, t in zip(labels, text)], hoverinfo="text"))
    return traces


def figures(release: AdvertiserRelease, label: Callable[[str, str], str]) -> dict[str, go.Figure]:
    """Plotly figures keyed like the cell tables; label(kind, code) gives display names."""
    palette = qualitative.Plotly
    marker = release.min_cell_size or 0
    figs: dict[str, go.Figure] = {}

    trend = go.Figure()
    cells = release.cells("by_month_area")
    areas = _by_published_total(cells, "interested_area")
    for i, area in enumerate(areas):
        mine = [c for c in cells if c["interested_area"] == area]
        trend.add_scatter(x=[c["month"] for c in mine], y=[c["consultations"] for c in mine], mode="lines+markers",
                          name=_plotly_text(label("interested_area", area)), line=dict(color=palette[i % len(palette)]))
    hidden = [c for c in cells if c["suppressed"]]
    if hidden:
        trend.add_scatter(x=[c["month"] for c in hidden], y=[0] * len(hidden), mode="markers", name=SUPPRESSED_NAME,
                          marker=dict(symbol="x-thin-open", color="#8a8a8a", size=7), hoverinfo="text",
                          hovertext=[f"{_plotly_text(label('interested_area', c['interested_area']))}: suppressed"
                                     for c in hidden])
    trend.update_layout(title="상담 건수 추이 · Consultations by month and interested area",
                        xaxis=dict(title="month", type="category", categoryorder="category ascending"),
                        yaxis=dict(title="consultations", rangemode="tozero"), height=460)
    figs["by_month_area"] = trend

    cells = release.cells("by_age_sex")
    age_sex = go.Figure()
    for i, sex in enumerate(sorted({c["sex"] for c in cells}, key=str)):
        age_sex.add_traces(_bars([c for c in cells if c["sex"] == sex], "age_band", str,
                                 _plotly_text(label("sex", sex)), palette[i % len(palette)], marker,
                                 show_suppressed_legend=i == 0))
    age_sex.update_layout(title="연령대 × 성별 · Age band × sex", barmode="group", yaxis_title="consultations",
                          xaxis=dict(title="age band", type="category", categoryorder="array",
                                     categoryarray=list(dict.fromkeys(_plotly_text(c["age_band"]) for c in cells))),
                          height=420)
    figs["by_age_sex"] = age_sex

    for name, category, title, colour in (
            ("by_region", "region", "지역별 · By region", palette[2]),
            ("by_channel", "channel", "상담 채널 · Channel mix", palette[3])):
        cells = release.cells(name)
        names = lambda code, kind=category: label(kind, code)  # noqa: E731 - binds the loop's kind
        fig = go.Figure(_bars(cells, category, names, "consultations", colour, marker, horizontal=True))
        fig.update_layout(title=title, xaxis_title="consultations", height=max(300, 80 + 34 * len(cells)),
                          yaxis=dict(type="category", autorange="reversed", categoryorder="array",
                                     categoryarray=[_plotly_text(names(c[category])) for c in cells]))
        figs[name] = fig

    cells = release.cells("by_response_time")
    response = go.Figure(_bars(cells, "response_band", str, "consultations", palette[4], marker))
    response.update_layout(title="답변 소요 시간 · Response time", yaxis_title="consultations", height=400,
                           xaxis=dict(title="response band", type="category", categoryorder="array",
                                      categoryarray=[_plotly_text(c["response_band"]) for c in cells]))
    figs["by_response_time"] = response
    return figs


def write_xlsx(release: AdvertiserRelease, path: Path) -> Path:
    """One sheet per table, the numbers as the release holds them (suppressed counts stay empty)."""
    book = Workbook()
    book.remove(book.active)
    for name, table in release.tables.items():
        sheet = book.create_sheet(name)
        sheet.append(table.columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([row[c] for c in table.columns])
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if cell.data_type == "f":  # database text starting with '=' is text, not a formula
                    cell.data_type = "s"
        sheet.freeze_panes = "A2"
        for column in sheet.columns:
            width = max(len(str(c.value)) if c.value is not None else 0 for c in column)
            sheet.column_dimensions[column[0].column_letter].width = min(60, max(10, width + 2))
    book.save(path)
    return path
