"""FAQ text: near-duplicate question clustering and Korean search tokens.

Clustering uses character n-gram TF-IDF (works for Korean, English, Chinese and Japanese
without a tokenizer) and *star* clustering on the cosine-similarity graph: the question with
the most similar questions becomes a centre and takes every still-unassigned question at
cosine >= the threshold, and so on. Unlike connected components this does not chain
("A~B, B~C" never puts A and C together unless both are close to the centre), and the centre
is by construction the most central, hence representative, question.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from anonymise.kiwi_model import new_kiwi

PLACEHOLDER = re.compile(r"<[A-Z_]+>")
# Kiwi tag prefixes that carry no search meaning: particles (J), endings (E), suffixes (XS), copula (VCP),
# punctuation and symbols (SF, SP, SS, SE, SO, SW). Foreign words (SL), hanja (SH) and numbers (SN) stay.
NON_CONTENT_TAGS = ("J", "E", "XS", "VCP", "SF", "SP", "SS", "SE", "SO", "SW")
# Similarity cells (rows x unique questions) computed at once: the product of char n-gram vectors is
# nearly dense, so ~12 bytes a cell; 4M cells keep a block near 50 MB however many questions an area has.
SIMILARITY_CELLS = 4_000_000


@dataclass(frozen=True)
class Clustering:
    labels: np.ndarray       # cluster number per input question (0..n_clusters-1)
    centrality: np.ndarray   # cosine similarity to its cluster's centre (1.0 for the centre)


def _normalise(text: str) -> str:
    """Placeholders say nothing about the question's topic; case and spacing neither."""
    return " ".join(PLACEHOLDER.sub(" ", text).lower().split())


def cluster_questions(questions: list[str], similarity: float) -> Clustering:
    """Star clustering of ``questions`` at cosine >= ``similarity`` (char 2-4-gram TF-IDF)."""
    if not questions:
        return Clustering(np.zeros(0, dtype=np.int64), np.zeros(0))
    unique, inverse, weight = np.unique([_normalise(q) for q in questions], return_inverse=True, return_counts=True)
    try:
        vectors = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True).fit_transform(unique)
    except ValueError:  # nothing but placeholders/blanks: one cluster of empty questions
        return Clustering(np.zeros(len(questions), dtype=np.int64), np.ones(len(questions)))

    # Neighbour lists grow with the square of an area's questions, so none are kept: one pass sums each
    # question's degree, a second recomputes rows only for the questions that may still become centres.
    # Rows are computed independently, so the result is the same as from a stored similarity graph.
    chunk = max(1, SIMILARITY_CELLS // len(unique))
    degree = np.empty(len(unique))
    for start in range(0, len(unique), chunk):
        rows = np.arange(start, min(start + chunk, len(unique)))
        for row, (cols, sims) in zip(rows, _close(vectors, rows, similarity)):
            degree[row] = (weight[cols] * sims).sum()

    # Most central first: similarity-weighted count of the consultations close to this question
    # (its own copies count fully, so among near-equals the most asked wording wins).
    order = np.argsort(-degree, kind="stable")
    unique_label = np.full(len(unique), -1, dtype=np.int64)
    unique_centrality = np.zeros(len(unique))
    n_clusters = 0
    position = 0
    while position < len(order):
        batch = []
        while position < len(order) and len(batch) < chunk:
            if unique_label[order[position]] < 0:
                batch.append(order[position])
            position += 1
        for centre, (cols, sims) in zip(batch, _close(vectors, np.array(batch), similarity)):
            if unique_label[centre] >= 0:  # taken by an earlier centre of this batch
                continue
            free = unique_label[cols] < 0
            unique_label[cols[free]] = n_clusters
            unique_centrality[cols[free]] = sims[free]
            unique_label[centre], unique_centrality[centre] = n_clusters, 1.0
            n_clusters += 1
    return Clustering(unique_label[inverse], unique_centrality[inverse])


def _close(vectors, rows: np.ndarray, similarity: float):
    """(columns, similarities) at cosine >= ``similarity`` for each of ``rows``, one row at a time."""
    block = (vectors[rows] @ vectors.T).tocsr()
    for row in range(block.shape[0]):
        cols = block.indices[block.indptr[row]:block.indptr[row + 1]]
        sims = block.data[block.indptr[row]:block.indptr[row + 1]]
        close = sims >= similarity
        yield cols[close], sims[close]


def korean_tokenizer():
    """A fresh Kiwi (anonymise.kiwi_model). Not cached: the caller drops it once the FAQ entries are
    written, so it does not stay resident for the rest of the build."""
    return new_kiwi()


def search_texts(texts: list[str | None], kiwi) -> list[str | None]:
    """Content morphemes of each text separated by spaces, so full-text search finds 쌍꺼풀 in 쌍꺼풀은."""
    present = [i for i, t in enumerate(texts) if t is not None]
    cleaned = [PLACEHOLDER.sub(" ", texts[i]) for i in present]
    out: list[str | None] = [None] * len(texts)
    for i, text, tokens in zip(present, cleaned, kiwi.tokenize(cleaned) if present else []):
        out[i] = " ".join(_content_words(text, tokens))
    return out


def _content_words(text: str, tokens) -> list[str]:
    """Morphemes without particles/endings; foreign words, numbers and hanja kept as written
    (Kiwi may split an English word it does not know, e.g. into "quest" + "ion")."""
    words: list[str] = []
    glued_end = -1
    for t in tokens:
        if t.tag.startswith(NON_CONTENT_TAGS):
            continue
        if t.tag in ("SL", "SN", "SH") and t.start == glued_end:
            words[-1] += text[t.start:t.start + t.len]
        else:
            words.append(text[t.start:t.start + t.len] if t.tag in ("SL", "SN", "SH") else t.form)
        glued_end = t.start + t.len if t.tag in ("SL", "SN", "SH") else -1
    return words
