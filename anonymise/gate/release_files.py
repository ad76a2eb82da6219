"""The text a reader sees in each file of a release folder, line by line (or cell by cell).

- HTML: the visible text (tags dropped, entities decoded); <script> and <style> content is code
  and chart data drawn from the checked databases, searched for source values as raw lines only;
- Markdown: Markdown's backslash escapes removed (``kim\\_minsu`` is read as kim_minsu);
- other text files (JSON, CSV, TXT ...) as they are;
- xlsx workbooks: every cell's value (openpyxl, read-only), one row id per cell (``sheet!B7``).

The raw lines of text files are searched for source values as well (``raw_lines``): a value
hidden in markup (an attribute, a script) is still a value in the file.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

TEXT_FILE_SUFFIXES = {".md", ".json", ".html", ".htm", ".txt", ".csv", ".toml", ".yaml", ".yml", ".xml", ".svg"}
WORKBOOK_SUFFIXES = {".xlsx", ".xlsm"}
EMBEDDED_LIBRARY_CHARS = 50_000
_EMBEDDED_LIBRARY = re.compile(r"<(script|style)\b[^>]*>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]<>()#+\-.!|])")


def raw_lines(path: Path) -> list[str]:
    """The file's lines with bundled script libraries blanked (line numbers kept)."""
    text = _EMBEDDED_LIBRARY.sub(_blank_library, path.read_text(encoding="utf-8", errors="replace"))
    return text.splitlines()


def visible_text(path: Path) -> Iterator[tuple[str, str]]:
    """(row id, text) of what a reader of ``path`` sees; nothing for a file that holds no text."""
    suffix = path.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        yield from _workbook_cells(path)
    elif suffix in (".html", ".htm", ".svg", ".xml"):
        parser = _TextParser()
        parser.feed(path.read_text(encoding="utf-8", errors="replace"))
        parser.close()
        yield from parser.lines
    elif suffix == ".md":
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            yield f"line {number}", _MARKDOWN_ESCAPE.sub(r"\1", line)
    elif suffix in TEXT_FILE_SUFFIXES:
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            yield f"line {number}", line


def _blank_library(match: re.Match) -> str:
    """A bundled script library (plotly.js is megabytes of code) is not release content; chart data is kept."""
    if len(match.group(2)) < EMBEDDED_LIBRARY_CHARS:
        return match.group(0)
    return "\n" * match.group(0).count("\n")  # line numbers of what follows stay right


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[str, str]] = []
        self._code: str | None = None   # inside <script>/<style>

    def handle_starttag(self, tag, attrs) -> None:
        if tag in ("script", "style"):
            self._code = tag

    def handle_endtag(self, tag) -> None:
        if tag == self._code:
            self._code = None

    def handle_data(self, data: str) -> None:
        if self._code:
            return
        line = self.getpos()[0]
        for offset, text in enumerate(data.split("\n")):
            if text.strip():
                self.lines.append((f"line {line + offset}", text))


def _workbook_cells(path: Path) -> Iterator[tuple[str, str]]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.value is not None and isinstance(cell.value, str):
                        yield f"{sheet.title}!{cell.coordinate}", cell.value
    finally:
        book.close()
