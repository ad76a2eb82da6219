"""Near-duplicate question clustering and Korean search tokens for the FAQ release."""
import random

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from reports import faq_clustering
from reports.faq_clustering import cluster_questions, korean_tokenizer, search_texts


def test_near_duplicates_cluster_and_different_questions_do_not():
    questions = [
        "코 필러는 얼마나 유지되나요?",
        "코 필러는 얼마나 유지 되나요??",
        "코필러는 얼마나 유지되나요",
        "<PERSON>입니다. 코 필러는 얼마나 유지되나요?",
        "사각턱 보톡스 가격이 궁금합니다",
        "사각턱 보톡스 가격이 궁금해요",
        "How long does nose filler last?",
    ]
    clustering = cluster_questions(questions, similarity=0.5)
    labels = clustering.labels.tolist()
    assert len(set(labels[:4])) == 1
    assert labels[4] == labels[5] != labels[0]
    assert labels[6] not in (labels[0], labels[4])
    assert clustering.centrality.max() == 1.0 and (clustering.centrality[:4] >= 0.5).all()


def test_the_threshold_decides():
    questions = ["눈밑지방재배치 회복 기간", "눈밑지방재배치 비용 문의"]
    assert len(set(cluster_questions(questions, 0.99).labels)) == 2
    assert len(set(cluster_questions(questions, 0.05).labels)) == 1


def test_every_member_is_close_to_its_centre_so_clusters_do_not_chain():
    questions = ["가슴 보형물 교체 시기", "가슴 보형물 교체 비용 시기", "보형물 교체 비용 할부 가능 여부",
                 "가슴 보형물 교체 시기 문의", "보형물 교체 비용 문의", "교체 비용 할부"]
    clustering = cluster_questions(questions, similarity=0.5)
    assert (clustering.centrality >= 0.5).all()
    assert clustering.labels[0] != clustering.labels[2]  # linked only through intermediate questions
    for label in set(clustering.labels.tolist()):
        assert (clustering.centrality[clustering.labels == label] == 1.0).sum() >= 1  # one centre each


def test_empty_and_placeholder_only_input():
    assert len(cluster_questions([], 0.5).labels) == 0
    assert len(set(cluster_questions(["<PERSON>", "<PHONE>"], 0.5).labels)) == 1


def test_search_text_drops_particles_and_endings_keeps_foreign_words():
    first, second, missing = search_texts(["쌍꺼풀은 언제 풀리나요?", "Botox 50유닛을 맞았어요 <PERSON>", None],
                                          korean_tokenizer())
    assert first.split()[0] == "쌍꺼풀" and "은" not in first.split()
    assert "Botox" in second.split() and "50" in second.split() and "PERSON" not in second
    assert missing is None


def _star_clusters_from_the_whole_graph(questions, similarity):
    """The definition, with the whole similarity matrix in memory: what the bounded version must equal."""
    unique, inverse, weight = np.unique([faq_clustering._normalise(q) for q in questions], return_inverse=True,
                                        return_counts=True)
    vectors = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True).fit_transform(unique)
    sims = (vectors @ vectors.T).toarray()
    close = sims >= similarity
    degree = (np.where(close, sims, 0) * weight).sum(axis=1)
    label, centrality = np.full(len(unique), -1), np.zeros(len(unique))
    n = 0
    for centre in np.argsort(-degree, kind="stable"):
        if label[centre] < 0:
            members = close[centre] & (label < 0)
            label[members], centrality[members] = n, sims[centre][members]
            label[centre], centrality[centre] = n, 1.0
            n += 1
    return label[inverse], centrality[inverse]


def test_bounded_blocks_give_the_clusters_of_the_whole_graph(monkeypatch):
    rng = random.Random(3)
    parts = [["코 필러", "눈밑지방재배치", "사각턱 보톡스", "쌍꺼풀 수술", "가슴 보형물"],
             ["가격이", "회복 기간이", "유지 기간이", "부작용이", "붓기가"],
             ["궁금해요", "궁금합니다", "얼마나 되나요?", "어떻게 되나요", "알려주세요"]]
    questions = [" ".join(rng.choice(p) for p in parts) + rng.choice(["", "?", " 문의", " <PERSON>"])
                 for _ in range(600)]
    expected_labels, expected_centrality = _star_clusters_from_the_whole_graph(questions, 0.5)
    # A few rows per block, so both passes run over many blocks and a centre often takes a later
    # candidate of its own block.
    monkeypatch.setattr(faq_clustering, "SIMILARITY_CELLS", 7 * len(set(map(faq_clustering._normalise, questions))))
    clustering = cluster_questions(questions, 0.5)
    assert len(set(expected_labels.tolist())) > 5
    assert clustering.labels.tolist() == expected_labels.tolist()
    np.testing.assert_allclose(clustering.centrality, expected_centrality, rtol=1e-12)
