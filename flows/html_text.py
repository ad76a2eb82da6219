"""Board HTML (editor output) as the plain text a person reads, parsed by lxml, never by regex.

- entities are decoded by the parser; ``&nbsp;`` is a plain space, collapsed like the others;
- ``<br>`` is a line break; block elements (``<p>``, ``<div>``, ``<li>``, ``<tr>``, headings ...) start
  and end a line, so each editor paragraph is one line and an empty paragraph is an empty line;
- ``<script>``, ``<style>``, ``<head>``, ``<template>`` and comments are dropped;
- a link keeps its target as text, ``(tel:010-...)`` shown as ``(010-...)`` and ``mailto:`` as the
  address, and an image its ``alt``/``title`` and file name (``[image: 정면 사진 김민수_정면.jpg]``),
  because a phone in ``href="tel:..."`` or an upload named after the patient is personal data that
  the anonymiser must see; an inline ``data:`` image keeps only its alt text;
- whitespace inside text collapses as a browser collapses it (except in ``<pre>``).
"""
from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit

import lxml.html
from lxml import etree

_DROPPED = {"script", "style", "head", "template", "noscript", "object", "param"}
_BLOCKS = {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
           "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
           "h6", "header", "hr", "html", "legend", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
           "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"}
_MEDIA = {"img", "iframe", "embed", "video", "audio", "source", "track", "input"}
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_LINE = "\n"
_PARSER = lxml.html.HTMLParser(encoding="utf-8")
_BLOCK = object()  # a block boundary: a line break unless the text is already at the start of a line


def html_to_text(html: str, newlines_are_breaks: bool = False) -> str:
    """The text of ``html`` as a reader sees it. ``newlines_are_breaks``: the board shows source
    newlines as line breaks too (gnuboard's ``html1`` option)."""
    if not html or not html.strip():
        return ""
    if newlines_are_breaks:
        html = html.replace("\r\n", "\n").replace("\n", "<br>")
    try:
        # Bytes with a fixed encoding: a <meta charset> or an XML declaration in the body cannot
        # make lxml refuse the text or read it in another encoding.
        root = lxml.html.document_fromstring(html.encode("utf-8", "surrogatepass"), parser=_PARSER)
    except etree.ParserError:  # nothing but comments or whitespace: no text
        return ""
    parts: list = []
    _walk(root, parts, preformatted=False)
    return _join(parts)


def _walk(element, parts: list, preformatted: bool) -> None:
    tag = element.tag if isinstance(element.tag, str) else None  # comments/PIs have a function as tag
    if tag is None or tag.lower() in _DROPPED:
        _text(element.tail, parts, preformatted)  # a comment's tail is still text
        return
    tag = tag.lower()
    block = tag in _BLOCKS
    inner_pre = preformatted or tag == "pre"
    if block:
        parts.append(_BLOCK)
    if tag == "br":
        parts.append(_LINE)
    elif tag in _MEDIA:
        _media(element, tag, parts)
    _text(element.text, parts, inner_pre)
    for child in element:
        _walk(child, parts, inner_pre)
    if tag == "a":
        _link_target(element, parts)
    if block:
        parts.append(_BLOCK)
    _text(element.tail, parts, preformatted)


def _text(text: str | None, parts: list, preformatted: bool) -> None:
    if not text:
        return
    if not preformatted:
        collapsed = _HTML_SPACE.sub(" ", text.replace("\xa0", " "))
        # An &nbsp; alone (an editor's empty paragraph) still holds its line open.
        parts.append(_Preformatted(" ") if "\xa0" in text and collapsed == " " else collapsed)
        return
    for i, line in enumerate(text.replace("\r\n", "\n").split("\n")):
        if i:
            parts.append(_LINE)
        parts.append(_Preformatted(line))


class _Preformatted(str):
    """Text inside <pre>: its spaces are kept."""


def _link_target(element, parts: list) -> None:
    href = (element.get("href") or "").strip()
    shown = _target_text(href)
    if shown and shown not in element.text_content():
        parts.append(f" ({shown})")
    title = (element.get("title") or "").strip()
    if title and title not in element.text_content():
        parts.append(f" ({title})")


def _target_text(href: str) -> str:
    """What a link points to, as a reader would write it down; nothing for in-page and script links."""
    if not href or href.startswith("#"):
        return ""
    scheme = urlsplit(href).scheme.lower()
    if scheme == "javascript":
        return ""
    if scheme in ("tel", "sms", "mailto"):
        return unquote(href.split(":", 1)[1].split("?", 1)[0]).strip()
    return unquote(href)


def _media(element, tag: str, parts: list) -> None:
    if tag == "input" and (element.get("type") or "").lower() not in ("image", ""):
        return
    words = [(element.get(attr) or "").strip() for attr in ("alt", "title")]
    src = (element.get("src") or "").strip()
    if src and not src.lower().startswith("data:"):  # an inline image's bytes are not text
        path = urlsplit(src).path
        words.append(unquote(posixpath.basename(path)) if tag == "img" else unquote(src))
    words = [w for i, w in enumerate(words) if w and w not in words[:i]]
    if words:
        parts.append(f" [{'image' if tag in ('img', 'input') else tag}: {' '.join(words)}] ")


def _join(parts: list) -> str:
    out: list[str] = []
    at_line_start = True
    for part in parts:
        if part is _BLOCK or part == _LINE:
            if part == _LINE or not at_line_start:
                out.append("\n")
            at_line_start = True
            continue
        if not isinstance(part, _Preformatted) and (at_line_start or out[-1].endswith(" ")):
            part = part.lstrip(" ")  # HTML collapses the space between two pieces of text into one
        if part:
            out.append(part)
            at_line_start = False
    lines = [line.strip(" ").replace("\xa0", " ") for line in "".join(out).split("\n")]
    return "\n".join(line.rstrip(" ") if line.strip(" ") else "" for line in lines).strip("\n")
