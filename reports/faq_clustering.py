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
from functools import cache

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

PLACEHOLDER = re.compile(r"<[A-Z_]+>")
# Kiwi tag prefixes that carry no search meaning: particles (J), endings (E), suffixes (XS), copula (VCP),
# punctuation and symbols (SF, SP, SS, SE, SO, SW). Foreign words (SL), hanja (SH) and numbers (SN) stay.
NON_CONTENT_TAGS = ("J", "E", "XS", "VCP", "SF", "SP", "SS", "SE", "SO", "SW")
SIMILARITY_CHUNK = 2048  # rows of the similarity matrix held at once (memory ~ chunk x unique questions)


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

    neighbours: list[np.ndarray] = []
    similarities: list[np.ndarray] = []
    for start in range(0, len(unique), SIMILARITY_CHUNK):
        block = (vectors[start:start + SIMILARITY_CHUNK] @ vectors.T).tocsr()
        for row in range(block.shape[0]):
            cols, sims = block.indices[block.indptr[row]:block.indptr[row + 1]], block.data[block.indptr[row]:block.indptr[row + 1]]
            close = sims >= similarity
            neighbours.append(cols[close])
            similarities.append(sims[close])

    # Most central first: similarity-weighted count of the consultations close to this question
    # (its own copies count fully, so among near-equals the most asked wording wins).
    degree = np.array([(weight[n] * s).sum() for n, s in zip(neighbours, similarities)])
    unique_label = np.full(len(unique), -1, dtype=np.int64)
    unique_centrality = np.zeros(len(unique))
    n_clusters = 0
    for centre in np.argsort(-degree, kind="stable"):
        if unique_label[centre] >= 0:
            continue
        free = unique_label[neighbours[centre]] < 0
        members = neighbours[centre][free]
        unique_label[members] = n_clusters
        unique_centrality[members] = similarities[centre][free]
        unique_label[centre], unique_centrality[centre] = n_clusters, 1.0
        n_clusters += 1
    return Clustering(unique_label[inverse], unique_centrality[inverse])


@cache
def _kiwi():
    from kiwipiepy import Kiwi  # loads its bundled model (a second or two), once per process
    return Kiwi()


def search_texts(texts: list[str | None]) -> list[str | None]:
    """Content morphemes of each text separated by spaces, so full-text search finds 쌍꺼풀 in 쌍꺼풀은."""
    present = [i for i, t in enumerate(texts) if t is not None]
    cleaned = [PLACEHOLDER.sub(" ", texts[i]) for i in present]
    out: list[str | None] = [None] * len(texts)
    for i, text, tokens in zip(present, cleaned, _kiwi().tokenize(cleaned) if present else []):
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
