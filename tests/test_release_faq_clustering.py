"""Near-duplicate question clustering and Korean search tokens for the FAQ release."""
from reports.faq_clustering import cluster_questions, search_texts


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
    first, second, missing = search_texts(["쌍꺼풀은 언제 풀리나요?", "Botox 50유닛을 맞았어요 <PERSON>", None])
    assert first.split()[0] == "쌍꺼풀" and "은" not in first.split()
    assert "Botox" in second.split() and "50" in second.split() and "PERSON" not in second
    assert missing is None
