"""The run report's content: what one run did, read from its manifest.json (never from data).

Every section tolerates a missing part of the manifest, because a blocked or failed run stops
before it has counted everything and its report matters most.
"""
from __future__ import annotations

import html

import plotly.graph_objects as go
from plotly.colors import qualitative

# Findings listed one by one; the rest are counted in findings_by_kind.
MAX_FINDINGS_LISTED = 200
FINDING_FIELDS = ("kind", "release", "table", "column", "row_id", "masked")


def _section(manifest: dict, *path: str) -> dict:
    node = manifest
    for key in path:
        node = node.get(key) if isinstance(node, dict) else None
    return node if isinstance(node, dict) else {}


def funnel_stages(manifest: dict) -> list[tuple[str, int]]:
    """Consultations through the stages; stages the run never reached are left out."""
    counts = _section(manifest, "counts")
    stages = [("read", _section(counts, "read").get("consultations")),
              ("accepted", _section(counts, "accepted").get("consultations")),
              ("eligible", counts.get("eligible")),
              ("anonymised", counts.get("anonymised"))]
    return [(name, value) for name, value in stages if isinstance(value, (int, float))]


def release_rows(manifest: dict) -> list[dict]:
    """[{release, file, bytes, table, rows}] for every release table the run built."""
    rows = []
    for release, entry in _section(manifest, "releases").items():
        for table, n in (entry.get("tables") or {}).items():
            rows.append({"release": release, "file": entry.get("file"), "bytes": entry.get("bytes"),
                         "table": table, "rows": n})
    return rows


def anonymity(manifest: dict) -> list[dict]:
    """[{release, key, value}] of each release's privacy measures (k, suppression, levels, ε ...)."""
    return [{"release": release, "key": key, "value": value}
            for release, entry in _section(manifest, "releases").items()
            for key, value in (entry.get("info") or {}).items()]


RISK_MODELS = ("prosecutor", "journalist", "marketer")


def academic_risk(manifest: dict) -> dict:
    """The academic release's risk per person and information loss per quasi-identifier, for their own card:
    {"k": ..., "models": [{model, highest, average, at_risk}], "loss": [{column, suppressed, height, entropy}],
    "coarse": ...}; empty when the academic release was not built."""
    info = _section(manifest, "releases", "academic", "info")
    if "risk.k_persons" not in info:
        return {}
    models = [{"model": m, "highest": info.get(f"risk.{m}_highest"), "average": info.get(f"risk.{m}_average"),
               "at_risk": info.get(f"risk.{m}_at_risk")} for m in RISK_MODELS]
    columns = sorted({key.split(".")[1] for key in info if key.startswith("loss.")})
    loss = [{"column": c, **{m: info.get(f"loss.{c}.{m}") for m in ("suppressed", "height", "entropy")}}
            for c in columns]
    return {"k_target": info.get("k_target"), "k_persons": info.get("risk.k_persons"), "k_rows": info.get("risk.k_rows"),
            "persons": info.get("risk.persons"), "classes": info.get("risk.classes"),
            "threshold": info.get("risk.threshold"), "limits": info.get("risk.limits"),
            "l": info.get("risk.l_diversity"), "entropy_l": info.get("risk.entropy_l_diversity"),
            "single_area_share": info.get("risk.single_area_share"), "models": models, "loss": loss,
            "generalisation": info.get("generalisation"), "coarse": info.get("coarse.generalisation"),
            "coarse_rows_not_counted": info.get("coarse.rows_not_counted"),
            "text_quasi_identifiers": manifest.get("text_quasi_identifiers") or {}}


def findings(manifest: dict) -> dict:
    """The leak check's findings reduced to their masked form, and how many were not listed."""
    listed = _section(manifest, "check").get("findings") or []
    shown = [{field: f.get(field) for field in FINDING_FIELDS} for f in listed[:MAX_FINDINGS_LISTED]]
    return {"rows": shown, "not_listed": max(0, len(listed) - MAX_FINDINGS_LISTED)}


def _bar(labels: dict, title: str, colour: str, *, horizontal: bool = True) -> go.Figure:
    # Plotly reads chart text as a small HTML dialect; entities make manifest keys show literally.
    names, values = [html.escape(str(n), quote=False) for n in labels], list(labels.values())
    bar = (go.Bar(y=names, x=values, orientation="h") if horizontal else go.Bar(x=names, y=values))
    bar.update(marker_color=colour, text=[f"{v:,}" if isinstance(v, int) else f"{v:,.2f}" for v in values],
               textposition="outside", cliponaxis=False)
    fig = go.Figure(bar)
    fig.update_layout(title=title, height=max(260, 80 + 34 * len(names)), showlegend=False)
    if horizontal:
        fig.update_yaxes(autorange="reversed", type="category")
    return fig


def figures(manifest: dict) -> dict[str, go.Figure]:
    """Charts for the parts of the manifest that exist; keys: funnel, release_rows, quarantined,
    excluded, pii_removed, timings."""
    palette = qualitative.Plotly
    counts = _section(manifest, "counts")
    figs: dict[str, go.Figure] = {}

    stages = funnel_stages(manifest)
    if stages:
        funnel = go.Figure(go.Funnel(y=[s for s, _ in stages], x=[n for _, n in stages],
                                     textinfo="value+percent initial", marker_color=palette[0]))
        funnel.update_layout(title="상담 처리 단계 · Consultations through the stages", height=360)
        figs["funnel"] = funnel

    rows = {f"{r['release']}.{r['table']}": r["rows"] for r in release_rows(manifest)
            if isinstance(r["rows"], (int, float))}
    if rows:
        figs["release_rows"] = _bar(rows, "릴리스별 행 수 · Rows per release table", palette[1])

    quarantined = {f"{kind}: {reason}": n for kind in ("members", "consultations")
                   for reason, n in _section(counts, "quarantined", kind).items()}
    if quarantined:
        figs["quarantined"] = _bar(quarantined, "격리 사유 · Quarantined by reason", palette[3])

    excluded = {reason: n for reason, n in _section(counts, "excluded").items() if n}
    excluded.update({f"aggregate only: {r}": n for r, n in _section(counts, "aggregate_only").items() if n})
    if excluded:
        figs["excluded"] = _bar(excluded, "제외 사유 · Excluded by reason", palette[4])

    pii = dict(sorted(_section(manifest, "pii_removed").items(), key=lambda kv: -kv[1]))
    if pii:
        figs["pii_removed"] = _bar(pii, "삭제된 개인정보 · Personal values removed by type", palette[2])

    timings = _section(manifest, "timings")
    if timings:
        fig = _bar(timings, "단계별 소요 시간 · Seconds per stage", palette[5], horizontal=False)
        fig.update_yaxes(title="seconds")
        figs["timings"] = fig
    return figs
