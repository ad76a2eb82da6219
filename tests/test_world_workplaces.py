"""W3: workplaces and schools outside Korean by cue and form; the role word stays."""
import pytest

from world_fixtures import check


@pytest.mark.parametrize("text, org, kept", [
    ("I work at Fenwick Harbor Logistics as a driver.", "Fenwick", ["I work at", "as a driver"]),
    ("She is a nurse at Larkspur Hospital.", "Larkspur", ["nurse at"]),
    ("I'm an analyst with QXT, mostly desk work.", "QXT", ["analyst with"]),
    ("Our son goes to Brambleton Primary.", "Brambleton", ["Our son"]),
    ("我在鸿泰银行上班，周末才有空。", "鸿泰", ["上班", "周末"]),
    ("我喺永昌贸易做嘢。", "永昌", ["做嘢"]),
    ("勤務先はヤマセ精工株式会社です。", "ヤマセ精工", ["勤務先", "株式会社"]),
    ("コウヨウ物産で働いています。", "コウヨウ物産", ["働いています"]),
    ("ทำงานที่ธนาคารรุ่งโรจน์ สาขาใหญ่ค่ะ", "รุ่งโรจน์", ["ธนาคาร"]),
    ("เรียนอยู่มหาวิทยาลัยศรีวารินปีสองค่ะ", "ศรีวาริน", ["มหาวิทยาลัย"]),
    ("Я работаю в Северсталь-Трейд.", "Северсталь", ["работаю"]),
])
def test_workplaces_and_schools_go(text, org, kept):
    check(text, [org], kept)


def test_generic_work_places_stay():
    check("我在医院工作，也在家工作。I work at the hospital.", [], ["医院", "在家", "hospital"])
