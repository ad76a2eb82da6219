"""The steward's review page: anonymised records drawn at random, beside the spans the detector removed.

Korea's pseudonymisation guideline expects a person to check, for free text, that what was removed
and what was kept are appropriate. The page shows each drawn record's anonymised text and, per
field, the spans found (entity type, offsets into the original text, recognizer, score) — never
the original text. It is written into the private area only (the records are pseudonymous, and a
sample of them is for the steward, not for an audience).
"""
from __future__ import annotations

import json
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

HERE = Path(__file__).resolve().parent
PAGE = "review_sample.html"
DATA = "review_sample.jsonl"


def write_review_page(records: list[dict], folder: Path, run_id: str, open_private) -> Path:
    """Write ``folder``/review_sample.html and .jsonl; ``records``: dicts with pseudo_consultation_id,
    interested_area, language, fields {name: {"text", "spans"}}. ``open_private`` opens a file mode 600."""
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    css = Markup((HERE / "static" / "report.css").read_text(encoding="utf-8"))
    page = env.get_template(PAGE).render(records=records, run_id=run_id, css=css, plotly_js=None)
    with open_private(folder / PAGE, "w", encoding="utf-8") as f:
        f.write(page)
    with open_private(folder / DATA, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    return folder / PAGE
