"""An address's unit, town, state and postcode beside it belong to it (#13): the strict score counts a
fragment left standing as a leak. Invented addresses."""
import pytest

from world_fixtures import check


@pytest.mark.parametrize("text, parts, kept", [
    ("Please ship to 4821 W 7th Avenue #502, Vancouver, BC V6K 2B3 by Friday.", ["4821", "#502", "V6K 2B3", "W 7th"],
     ["Please ship to", "by Friday"]),
    ("I live at 77 Larch Street, Apt 3B, Austin, TX 78701 now.", ["Apt 3B", "78701", "Larch"], ["now"]),
    ("Mail: 304-1190 Birch Road, Toronto, ON", ["304-", "1190 Birch"], ["Mail"]),
])
def test_a_north_american_unit_town_and_postcode_go_with_the_street(text, parts, kept):
    check(text, parts, kept)


@pytest.mark.parametrize("text, parts", [
    ("地址：香港北角英皇道318號 海悅城 3座 12樓B室", ["海悅城", "3座", "12樓B室"]),
    ("寄到台北市大安區和平東路二段106號5F-3", ["5F-3"]),
])
def test_a_han_estate_block_floor_and_flat_go_with_the_street(text, parts):
    check(text, parts, [])


def test_a_street_word_and_a_state_abbreviation_alone_stay():
    check("Walk 20 minutes a day, OK? The 4th floor lab is open.", [], ["Walk 20 minutes a day, OK?", "4th floor lab"])


@pytest.mark.parametrize("text, parts, kept", [
    ("杭州市西湖区文晖路37号桂香苑6栋2单元703。", ["703", "6栋", "桂香苑"], []),
    ("他住在朝霞路18号3栋1202。", ["1202", "3栋"], ["他住在"]),
    ("北京市朝阳区建安路88号SOHO明月城A座1208", ["SOHO", "A座", "1208"], []),       # a Latin word in the building's name
    ("深圳市福田区福安路12号卓远世纪中心2号楼3层305", ["3层", "305"], []),   # the room's bare number after the floor
    ("广州市天河区体育东路191号恒星大厦B塔25楼", ["B塔", "25楼"], []),
    ("香港九龍旺角彌敦道688號旺旺中心第1期10樓1002室", ["1002室", "室"], []),
    ("地址：香港新界沙田馬鞍山路29號海濱花園第二期5座12樓C室", ["第二期", "5座", "12樓C室"], ["地址"]),
    ("Căn hộ 1207, Chung cư Hoa Lan Tower, 45 Nguyễn Văn Cừ, Phường 3, Quận 5", ["1207", "Hoa Lan", "Nguyễn Văn Cừ"], []),
    ("Địa chỉ: Căn hộ B-803, Chung cư Sao Khuê, 12 Lê Lợi, Phường Bến Nghé, Quận 1, TP.HCM",
     ["B-803", "Sao Khuê", "HCM"], ["Địa chỉ"]),
    ("서울 마포구 망원로 12길 34 (망원동) 202호", ["202호", "망원로"], []),
    ("경기도 성남시 분당구 백현로 166 (백현동), 3층 301호로 보내주세요.", ["301호", "3층"], ["보내주세요"]),
])
def test_the_building_and_unit_after_an_address_go_with_it(text, parts, kept):
    check(text, parts, kept)


@pytest.mark.parametrize("text, kept", [
    ("3층 상담실에서 기다리면 되나요?", "3층"),
    ("저희 병원 3층 상담실로 오세요.", "저희 병원 3층 상담실로"),
    ("시술은 2층 수술실에서 해요.", "2층"),
    ("Phòng khám mở cửa lúc 8 giờ.", "Phòng khám"),
    ("Bác sĩ khám ở phòng 3, tầng 2.", "phòng 3, tầng 2"),
    ("第3次治疗在下周。", "第3次治疗"),
    ("住在建国路88号，3楼1500元一个月。", "1500元一个月"),
])
def test_a_floor_or_room_word_without_an_address_stays(text, kept):
    check(text, [], [kept])
