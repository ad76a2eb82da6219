"""A realistic synthetic anonymised-staging set (contract.staging.ANONYMISED_CONSULTATIONS) for release tests.

Only invented people and invented text: questions are built from per-area templates with
varying procedures, numbers and already-anonymised placeholders, like the anonymiser's output.
Same seed, same files.
"""
from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from contract.staging import ANONYMISED_CONSULTATIONS

AREAS = {  # area: (weight, procedures)
    "eyes": (30, ["쌍꺼풀", "눈매교정", "트임", "눈밑지방재배치"]),
    "nose": (20, ["코끝성형", "콧볼축소", "매부리코 교정", "실리콘 보형물"]),
    "face_contour": (10, ["사각턱 수술", "광대축소", "턱끝 성형"]),
    "breast": (8, ["가슴 보형물", "가슴 축소", "지방이식"]),
    "body": (8, ["지방흡입", "복부 성형", "팔뚝 지방흡입"]),
    "lifting": (8, ["실리프팅", "안면거상", "울쎄라"]),
    "skin": (10, ["레이저 토닝", "여드름 흉터 치료", "보톡스"]),
    "hair": (3, ["모발이식", "헤어라인 교정"]),
    "other": (3, ["상담 예약", "비용 문의"]),
}
KO_QUESTIONS = [
    "{proc}은 회복 기간이 얼마나 걸리나요?",
    "{proc} 수술 후 붓기는 언제 빠지나요? {weeks}주 뒤에 중요한 일정이 있어요.",
    "{proc}을 하고 싶은데 비용이 어느 정도인가요?",
    "안녕하세요 <PERSON>입니다. {proc} 상담 받고 싶어요. 연락처는 <PHONE>입니다.",
    "{proc}은 재수술도 가능한가요? {years}년 전에 다른 병원에서 했어요.",
    "{proc} 후에 운동은 언제부터 할 수 있나요?",
]
OTHER_QUESTIONS = {
    "en": ["How long is the recovery after {proc_en}?", "How much does {proc_en} cost? I will visit Seoul in {weeks} weeks.",
           "Hello, my name is <PERSON>. Can I book a consultation for {proc_en}? Email <EMAIL>"],
    "zh": ["{proc_en}的恢复期需要多久？", "{proc_en}大概多少钱？"],
    "ja": ["{proc_en}のダウンタイムはどのくらいですか？", "{proc_en}の費用を教えてください。"],
}
KO_TAILS = [  # optional second sentences, so that questions are near- rather than exact duplicates
    "", "", "", " {age}살 직장인입니다.", " 사진 첨부했어요.", " 휴가가 {weeks}주라서요.", " 지난번 상담 내용과 달라서 다시 여쭤요.",
    " 부모님과 같이 방문해도 되나요?", " 주말에도 진료하나요?", " 작년에 {years}번 시술받았어요.",
]
KO_ANSWERS = [
    "안녕하세요. {proc}은 보통 {weeks}주 정도 회복 기간이 필요합니다. 내원하셔서 정확한 상담을 받아 보시길 권해 드립니다.",
    "문의 감사합니다. {proc} 비용은 방법에 따라 달라지며 대략 {price}만원 선입니다. 자세한 내용은 상담 시 안내해 드립니다.",
    "{proc} 후 붓기는 {weeks}주 안에 대부분 빠지며, 냉찜질과 처방약 복용이 도움이 됩니다.",
    "네, 가능합니다. <PERSON> 원장님이 직접 진료합니다.",
]
EN_ANSWER = "Thank you for your question. Recovery after {proc_en} usually takes {weeks} weeks; please visit us for an exact plan."
REGIONS = (["서울"] * 35 + ["경기"] * 25 + ["인천"] * 5 + ["부산"] * 6 + ["대구"] * 4 + ["대전"] * 3 + ["광주"] * 2
           + ["울산", "세종", "강원", "충북", "충남", "전북", "전남", "경북", "경남", "제주"] + ["US", "CN", "JP", None])
CHANNELS = ["homepage"] * 40 + ["kakao"] * 30 + ["realtime"] * 12 + ["phone"] * 8 + ["board"] * 6 + ["email"] * 3 + ["fax"]
LANGUAGES = ["ko"] * 85 + ["en"] * 7 + ["zh"] * 4 + ["ja"] * 3 + [None]


def _age_band(age: int | None) -> str | None:
    if age is None:
        return None
    return "80+" if age >= 80 else f"{age // 5 * 5}-{age // 5 * 5 + 4}"


def synthetic_staging_rows(n: int, seed: int = 7) -> dict[str, list]:
    """Column lists of ``n`` anonymised consultations from ~n/3 invented members."""
    rng = random.Random(seed)
    areas, weights = list(AREAS), [w for w, _ in AREAS.values()]
    months = [f"{y}-{m:02d}" for y in range(2022, 2027) for m in range(1, 13)][:58]
    month_weights = [1 + i / 20 for i in range(len(months))]  # the board got busier over time
    cols: dict[str, list] = {f.name: [] for f in ANONYMISED_CONSULTATIONS}
    for i in range(n):
        under_14 = rng.random() < 0.03
        age = rng.randint(8, 13) if under_14 else (None if rng.random() < 0.04 else min(int(rng.gauss(34, 10)), 85))
        age = max(age, 14) if age is not None and not under_14 else age
        area = rng.choices(areas, weights)[0]
        procedures = AREAS[area][1]
        proc = rng.choices(procedures, [len(procedures)] + [1] * (len(procedures) - 1))[0]  # one popular procedure
        language = rng.choice(LANGUAGES)
        answered = rng.random() < 0.85
        slots = {"proc": proc, "proc_en": f"{area.replace('_', ' ')} surgery", "weeks": rng.randint(1, 4),
                 "years": rng.randint(1, 9), "price": rng.choice([150, 200, 250, 300, 450])}
        if language in OTHER_QUESTIONS:
            question = rng.choice(OTHER_QUESTIONS[language]).format(**slots)
            answer = EN_ANSWER.format(**slots)
        else:
            question = (rng.choice(KO_QUESTIONS) + rng.choice(KO_TAILS)).format(age=age or 30, **slots)
            answer = rng.choice(KO_ANSWERS).format(**slots)
        answer = answer if answered else None
        record_level = not under_14
        member = None if rng.random() < 0.15 else f"m{rng.randrange(max(n // 3, 1)):06d}"
        consultation_pid = f"{rng.getrandbits(64):016x}"
        member_pid = None if member is None else hashlib.sha256(f"{seed}:{member}".encode()).hexdigest()[:16]
        row = {
            "pseudo_consultation_id": consultation_pid,
            "pseudo_member_id": member_pid,
            "pseudo_person_id": member_pid or f"guest-{consultation_pid}",
            "record_level": record_level,
            "sex": rng.choices(["F", "M", None], [75, 21, 4])[0],
            "age": age,
            "age_band": _age_band(age),
            "region": rng.choice(REGIONS),
            "interested_area": area,
            "channel": rng.choice(CHANNELS),
            "language": language,
            "created_month": rng.choices(months, month_weights)[0],
            "answered": answered,
            "response_hours": round(rng.lognormvariate(2.0, 1.3), 2) if answered else None,
            "title": f"{proc} 문의" if record_level else None,
            "question": question if record_level else None,
            "answer": answer if record_level else None,
            "academic_title": f"{proc} 문의" if record_level else None,
            "academic_question": question if record_level else None,
            "academic_answer": answer if record_level else None,
            "pub_title": f"{proc} 문의" if record_level else None,
            "pub_question": question.replace("<PERSON>", "환자 A").replace("<PHONE>", "[연락처]").replace("<EMAIL>", "[email]")
            if record_level else None,
            "pub_answer": None if answer is None or not record_level else answer.replace("<PERSON>", "의사 B"),
            "pii_found": json.dumps({"PERSON": question.count("<PERSON>")}),
            "qi_found": "{}",
        }
        row["content_fingerprint"] = hashlib.sha256(row["pseudo_consultation_id"].encode()).hexdigest()[:32]
        for name, value in row.items():
            cols[name].append(value)
    return cols


def write_anonymised_staging(folder: Path, n: int = 2000, seed: int = 7, parts: int = 2) -> Path:
    """Write ``n`` rows as ``parts`` Parquet chunks (part-*.parquet) into ``folder``; returns ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pydict(synthetic_staging_rows(n, seed), schema=ANONYMISED_CONSULTATIONS)
    step = -(-n // parts)
    for p in range(parts):
        pq.write_table(table.slice(p * step, step), folder / f"part-{p:05d}.parquet")
    return folder


def max_of_hidden_cells(counts: list[int], hidden: list[bool], lines: list[list[int]],
                        cells: list[int]) -> dict[int, float]:
    """An attacker's best upper bound on each of ``cells`` (hidden ones), by linear programming.

    The attacker knows every visible count and the sum of every line (table total, row and column
    margins) and that counts are non-negative; each hidden cell is then bounded by
    max x_cell subject to: for every line, sum of its hidden x = line sum - its visible counts.
    """
    from scipy.optimize import linprog

    unknown = [i for i, h in enumerate(hidden) if h]
    position = {cell: j for j, cell in enumerate(unknown)}
    equations, targets = [], []
    for line in lines:
        row = [0.0] * len(unknown)
        for cell in line:
            if hidden[cell]:
                row[position[cell]] = 1.0
        if any(row):
            equations.append(row)
            targets.append(sum(counts[c] for c in line if hidden[c]))
    bounds = {}
    for cell in cells:
        objective = [0.0] * len(unknown)
        objective[position[cell]] = -1.0
        result = linprog(objective, A_eq=equations, b_eq=targets, bounds=(0, None), method="highs")
        assert result.status == 0, result.message
        bounds[cell] = -result.fun
    return bounds
