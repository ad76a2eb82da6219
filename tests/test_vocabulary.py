"""The safe vocabulary: reviewed terms, ordinary words with names subtracted, safe quantities."""
import subprocess
import sys

import pytest

from anonymise import vocabulary as v
from anonymise.vocabulary.packed import SET_NAMES, cache_dir


def test_every_language_has_a_reviewed_file_of_terms():
    for lang in ("ko", "en", "zh", "ja", "ru", "vi", "th"):
        assert v.safe_terms(lang), lang
    assert v.is_safe_term("보톡스", "ko") and v.is_safe_term("Juvederm") and v.is_safe_term("热玛吉", "zh")
    assert not v.is_safe_term("surgeryx")


def test_ordinary_words_come_from_the_frequency_lists_with_names_taken_out():
    for word, lang in (("surgery", "en"), ("swelling", "en"), ("email", "en"), ("수술", "ko"), ("병원", "ko"),
                       ("手术", "zh"), ("医生", "zh"), ("手術", "ja"), ("операция", "ru"), ("bệnh", "vi")):
        assert v.is_ordinary_word(word, lang), word
    # Only names: a given name no dictionary lists in lower case, a romanised Korean surname.
    for word in ("Jennifer", "kim", "Nguyen"):
        assert not v.is_ordinary_word(word, "en") and v.is_only_a_name(word), word
    # Names that are also words stay ordinary but are still name words.
    assert v.is_ordinary_word("brown", "en") and v.is_name_word("Brown", "en") and not v.is_only_a_name("brown")
    assert not v.is_ordinary_word("Qorvandel", "en") and not v.is_name_word("Qorvandel", "en")


def test_name_shapes_per_language():
    assert v.is_name_word("김다윤", "ko") and v.is_name_word("남궁민채", "ko") and not v.is_name_word("수술", "ko")
    assert v.is_name_word("王丽华", "zh") and v.is_name_word("佐藤花子", "ja")
    assert v.is_name_word("Петрова", "ru") and v.is_name_word("Сергеевич", "ru") and not v.is_name_word("Сеул", "ru")


@pytest.mark.parametrize("text", ["가격은 1,500,000원입니다", "₩450000 결제", "300000원", "100000 IU",
                                  "2024.03.15 10:30 방문", "10:00~18:00 운영", "100,000~200,000원", "3회 2주 150만원"])
def test_safe_quantities_stay(text):
    assert v.unsafe_digit_runs(text) == []


@pytest.mark.parametrize("text, kind", [("연락 010-1234-5678", "ID"), ("01012345678번으로", "ID"),
                                        ("카드 1234 5678 9012 3456", "ID"), ("900101-1234567", "ID"),
                                        ("코드 4829173650", "ID"), ("생년월일 1990.01.02", "DOB"),
                                        ("born 1988-07-21", "DOB")])
def test_identifiers_and_birth_dates_are_not_safe_quantities(text, kind):
    runs = v.unsafe_digit_runs(text)
    assert [k for _, _, k in runs] == [kind]
    start, end, _ = runs[0]
    assert sum(c.isdigit() for c in text[start:end]) == sum(c.isdigit() for c in text)


def test_word_sets_are_built_once_into_a_cache_and_memory_mapped(tmp_path):
    folder = tmp_path / "vocabulary"
    subprocess.run([sys.executable, "-m", "anonymise.vocabulary.packed", str(folder)], check=True)
    assert sorted(p.stem for p in folder.glob("*.npy")) == sorted(SET_NAMES)
    assert cache_dir().exists()  # the process-wide sets above came from the cache, not a rebuild


def test_every_word_file_lists_each_entry_once():
    from collections import Counter

    from anonymise import name_data

    def entries(path):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                yield line.split("\t")[0].strip()  # one entry (first column) a line

    repeated = {path.name: sorted(w for w, n in Counter(entries(path)).items() if n > 1) for path in name_data.FILES}
    assert name_data.FILES and {name: words for name, words in repeated.items() if words} == {}
