"""Medical content must survive every non-person recognizer: durations, doses, prices, visit dates, counts."""
import pytest

from anonymise.engine import analyze_text

PATTERN_TYPES = {"PHONE", "RRN", "FRN", "PASSPORT", "DRIVER_LICENSE", "BRN", "BANK_ACCOUNT", "CREDIT_CARD", "EMAIL",
                 "URL", "IP_ADDRESS", "MESSENGER_ID", "SOCIAL_HANDLE", "MEMBER_ID", "ADDRESS", "DOB", "CHART_NO",
                 "VEHICLE_NO"}


@pytest.mark.parametrize("text", [
    "쌍꺼풀 매몰법 후 붓기는 1~2주, 완전히 자리잡는 데 3개월에서 6개월 걸립니다.",
    "울쎄라 300샷, 써마지 600샷 패키지가 1,800,000원입니다. 보톡스 50유닛은 15만원이에요.",
    "2023년 10월 15일에 코끝 성형을 받았고 2024.01.05에 재내원했어요.",
    "지방흡입 2,000cc 기준 예약금 30만원, 잔금은 수술 당일 결제입니다.",
    "수술 시간은 2시간 30분, 입원 1박 2일, 실밥은 5~7일 뒤 제거합니다.",
    "필러 1cc당 25만원, 리프팅 실 10개 기준 120만원입니다.",
    "Stitches are removed after 5 to 7 days; final results at 6 months.",
    "Botox 20 units costs $300 and fillers are $3,000 for 2 syringes.",
    "I had rhinoplasty on March 3, 2021 and a revision in 2023.",
    "Take 500 mg amoxicillin 3 times a day for 7 days, then 1 tablet of ibuprofen 400mg.",
    "Recovery: 2-3 weeks off work, 10-14 days of bruising, 1.5 months no gym.",
    "The SMAS lift costs ₩12,000,000 including 3 follow-up visits.",
    "双眼皮手术恢复期一般为两周左右，费用大约3万元人民币。",
    "二重整形のダウンタイムは1週間程度で、費用は30万円です。",
    "수술은 오전 10:30, 회복실에서 1시간 30분 있다가 퇴원합니다.",
    "코 보형물 3mm, 귀연골 2x1cm 사용했습니다. 재수술은 6개월 이후 가능해요.",
    "카톡으로 상담 가능하고, 인스타에서 전후사진 보실 수 있어요.",
    "Please call the clinic reception; our line is busy at 9-10am.",
])
def test_medical_text_has_no_pattern_findings(text):
    assert [(r.entity_type, text[r.start:r.end]) for r in analyze_text(text) if r.entity_type in PATTERN_TYPES] == []
