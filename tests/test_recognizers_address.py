import pytest

from anonymise.engine import analyze_text


def found(text: str, entity: str) -> list[str]:
    return [text[r.start:r.end] for r in analyze_text(text) if r.entity_type == entity]


@pytest.mark.parametrize("text, address", [
    ("주소는 서울특별시 강남구 테헤란로 152 입니다", "서울특별시 강남구 테헤란로 152"),
    ("서울 마포구 월드컵북로 12길 34 행복빌라 201호로 보내주세요", "서울 마포구 월드컵북로 12길 34 행복빌라 201호"),
    ("경기도 수원시 영통구 광교중앙로 100 리버뷰아파트 101동 1203호", "경기도 수원시 영통구 광교중앙로 100 리버뷰아파트 101동 1203호"),
    ("(06236) 서울 강남구 역삼로 25-3", "(06236) 서울 강남구 역삼로 25-3"),
    ("대전 유성구 봉명동 543-21 번지", "대전 유성구 봉명동 543-21 번지"),
    ("저희 집은 105동 503호예요", "105동 503호"),
    ("신림동 123-45 반지하예요", "신림동 123-45"),
    ("I live at 742 Evergreen Terrace, Springfield, OR 97403", "742 Evergreen Terrace, Springfield, OR 97403"),
    ("Ship to 1200 Maple Crossing Apt. 5B", "1200 Maple Crossing Apt. 5B"),
    ("Ship it to 55 Foxtail Bend #12, Austin, TX 73301.", "55 Foxtail Bend #12, Austin, TX 73301"),
    ("I stay at 12 Teheran-ro 5-gil, Gangnam-gu, Seoul", "12 Teheran-ro 5-gil, Gangnam-gu, Seoul"),
    ("Send it to Gangnam-daero 94-gil 9, Seocho-gu", "Gangnam-daero 94-gil 9, Seocho-gu"),
    ("地址：上海市浦东新区世纪大道100号5栋1201室", "上海市浦东新区世纪大道100号5栋1201室"),
    ("住所：大阪府大阪市北区梅田2-4-9 サンハイツ302号室", "大阪府大阪市北区梅田2-4-9 サンハイツ302号室"),
    ("住所は渋谷区神南1-2-3です", "渋谷区神南1-2-3"),
    ("My address is 221B Baker Street, London", "221B Baker Street"),
])
def test_addresses(text, address):
    assert address in found(text, "ADDRESS")


@pytest.mark.parametrize("text", [
    "수술 당시 레이저로 2회 시술했어요",
    "강남구 쪽 병원을 알아보고 있어요",
    "I stayed 3 Days Inn in Seoul for 7 days.",
    "필러로 1cc 넣었어요",
    "친구 소개로 3명이 같이 가요",
    "혹시 카톡으로 010-2345-6789 연락 가능할까요",
])
def test_not_addresses(text):
    assert found(text, "ADDRESS") == []


@pytest.mark.parametrize("text, unit", [
    ("택배는 503호로 보내주세요. 경비실에 맡기셔도 돼요.", "503호"),
    ("1203호로 보내주시면 됩니다", "1203호"),
    ("집이 1104호라서 엘리베이터가 느려요", "1104호"),
])
def test_a_home_unit_alone_is_an_address_when_the_sentence_is_about_home(unit, text):
    from anonymise.engine import analyze_text

    found = [text[r.start:r.end] for r in analyze_text(text) if r.entity_type == "ADDRESS"]
    assert found == [unit]


@pytest.mark.parametrize("text", ["진료는 301호 진료실에서 받았어요", "지하철 2호선 타고 가요",
                                  "3월 15일 오후 2시 501호 상담실", "보형물 250cc 2호 사이즈"])
def test_rooms_lines_and_sizes_are_not_home_units(text):
    from anonymise.engine import analyze_text

    assert [r for r in analyze_text(text) if r.entity_type == "ADDRESS"] == []


@pytest.mark.parametrize("text, parts", [
    ("Ship to 221B Baker Street, London NW1 6XE please", ["221B Baker Street", "London NW1 6XE"]),
    ("postcode SW1A 1AA", ["SW1A 1AA"]),
    ("I'm at 24 Sussex Drive, Ottawa, ON K1M 1M4", ["24 Sussex Drive, Ottawa, ON K1M 1M4"]),
    ("postal code H2X 1Y4", ["H2X 1Y4"]),
    ("We stay at 12 George Street, Sydney NSW 2000", ["12 George Street", "Sydney NSW 2000"]),
    ("Unit 5/12 Smith St, Fitzroy VIC 3065", ["Fitzroy VIC 3065"]),
    ("Adresse: Hauptstraße 5, 10115 Berlin", ["Hauptstraße 5, 10115 Berlin"]),
    ("ich wohne in der Goethestr. 12a, 80331 München", ["Goethestr. 12a, 80331 München"]),
    ("Am Markt 3, 20095 Hamburg", ["Am Markt 3, 20095 Hamburg"]),
    ("PO Box 1234, Springfield, IL 62704", ["PO Box 1234", "Springfield, IL 62704"]),
    ("I live in Seattle, WA 98101", ["Seattle, WA 98101"]),
    ("〒150-0002 東京都渋谷区渋谷2-21-1", ["〒150-0002", "東京都渋谷区渋谷2-21-1"]),
])
def test_addresses_outside_korea(text, parts):
    addresses = found(text, "ADDRESS")
    for part in parts:
        assert any(part in a for a in addresses), (part, addresses)


@pytest.mark.parametrize("text", [
    "vitamin B12 and CO2 laser, 3 sessions",
    "now 2000 shots in 10 minutes",
    "Botox 20 units, 50000 Won total",
    "I take 12 Advil daily",
    # a dose counted in units, then its price (Malay, Indonesian, English): no flat's number
    "Botox 40 unit 150,000 won, betul ke?",
    "Harga 60 unit 210.000 won ya dok?",
    "Filler 2 unit 600,000 won.",
    "Suntik 30 unit, harga 90.000 rupiah per unit 20 ribu.",
])
def test_look_alikes_of_foreign_addresses_stay(text):
    assert found(text, "ADDRESS") == []


@pytest.mark.parametrize("text, address", [
    ("Alamat saya Unit 12, Blok C.", "Unit 12"),
    ("Please send it to Unit 7, 20 Queen Street.", "Unit 7"),
    ("Saya tinggal di apartment unit 803 dekat stesen.", "unit 803"),
    ("Send it to Tower 2 Unit 1508, please.", "Unit 1508"),       # a number before the unit word is the tower's
])
def test_a_flat_s_unit_number_is_still_an_address(text, address):
    assert any(address in a for a in found(text, "ADDRESS")), found(text, "ADDRESS")


@pytest.mark.parametrize("text, address", [
    ("ship to 31 birch st apt 7, lakeview mi 49001 thanks", "31 birch st apt 7, lakeview mi 49001"),
    ("I live at 908 cedar avenue, fairmont oh 45402.", "908 cedar avenue, fairmont oh 45402"),
    ("send it to 64 alder dr unit 2c please", "64 alder dr unit 2c"),
    ("my place is 5 queen st w, milltown on m4b 1b3", "5 queen st w, milltown on m4b 1b3"),
    ("Rua da Lenha 17, Edifício Kam Fai, 4 andar, Macau", "Rua da Lenha 17, Edifício Kam Fai, 4 andar, Macau"),
    ("I live at Travessa do Sol 9, 2.º andar C, Taipa.", "Travessa do Sol 9, 2.º andar C, Taipa"),
    ("澳門氹仔海灣馬路45號翠林花園12樓B座", "澳門氹仔海灣馬路45號翠林花園12樓B座"),
    ("住在青松路27号2栋1单元803室", "青松路27号2栋1单元803室"),
    ("地址：广州市天河区珠江大道9号银河大厦B座1502室", "广州市天河区珠江大道9号银河大厦B座1502室"),
])
def test_lower_case_macau_and_chinese_street_addresses(text, address):
    assert address in found(text, "ADDRESS")


@pytest.mark.parametrize("text", [
    "we ran 3 laps around the park in 20 minutes.", "I take 2 pills a day, then 1 more at night.",
    "走了3条路才到。", "他说路上很堵。", "Rua is a word, not an address.",
])
def test_look_alikes_of_lower_case_and_chinese_street_addresses_stay(text):
    assert found(text, "ADDRESS") == []


@pytest.mark.parametrize("text, address", [
    # Hong Kong, Macau, Taiwan: the estate or building and its block, floor and flat belong to the street address.
    ("請寄去九龍塘道55號翠松花園2期7座11樓C室，謝謝", "九龍塘道55號翠松花園2期7座11樓C室"),
    ("地址係將軍澳寶琳路8號 寶怡邨 3座 18字樓 6室", "將軍澳寶琳路8號 寶怡邨 3座 18字樓 6室"),
    ("寄到 高雄市苓雅區中正一路二段77巷3弄9號之2 光華大樓 7樓之1", "高雄市苓雅區中正一路二段77巷3弄9號之2 光華大樓 7樓之1"),
    ("澳門新口岸友誼大馬路201號, 金輝閣, 9樓D", "澳門新口岸友誼大馬路201號, 金輝閣, 9樓D"),
    # Singapore: the block before the number, the street's number, the #floor-unit and the postcode.
    ("Deliver to Blk 318 Clementi Avenue 5 #14-207, Singapore 120318 pls", "Blk 318 Clementi Avenue 5 #14-207, Singapore 120318"),
    ("we moved to 71 Upper Thomson Road, #03-11", "71 Upper Thomson Road, #03-11"),
    # India: building, estate and locality up to the city and its PIN.
    ("Address: Flat 704, Silver Oak Towers, Lake View Gardens, Baner, Pune 411045.",
     "Flat 704, Silver Oak Towers, Lake View Gardens, Baner, Pune 411045"),
    ("502, Nirmal Krupa Apartments, FC Road, Shivajinagar, Pune 411005", "502, Nirmal Krupa Apartments, FC Road, Shivajinagar, Pune 411005"),
    ("Flat No. 9, Gulmohar Kunj, 2nd Cross, Jayanagar, Bengaluru - 560041", "Flat No. 9, Gulmohar Kunj, 2nd Cross, Jayanagar, Bengaluru - 560041"),
    # Hong Kong in English: flat, floor, block and estate before the street, district and territory after it.
    ("Flat D, 21/F, Block 2, Sea Crest Garden, 33 Hing Fong Road, Kwai Chung, New Territories",
     "Flat D, 21/F, Block 2, Sea Crest Garden, 33 Hing Fong Road, Kwai Chung, New Territories"),
    # Japan: Sapporo's grid and a building or company glued to the block number.
    ("自宅は札幌市白石区南7条東14丁目2-9です", "札幌市白石区南7条東14丁目2-9"),
    ("勤務先は大阪府大阪市中央区本町3-4-8丸和商事ビル6階です", "大阪府大阪市中央区本町3-4-8丸和商事ビル6階"),
    ("住所は川崎市麻生区百合ヶ丘4丁目7番地です", "川崎市麻生区百合ヶ丘4丁目7番地"),
    # Thailand: a house number with a slash, the village estate, soi and road, whole.
    ("ที่อยู่ 19/204 หมู่บ้านบ้านสวนงาม ซอยวัดใหม่ 8 ถนนเทพารักษ์", "19/204 หมู่บ้านบ้านสวนงาม ซอยวัดใหม่ 8 ถนนเทพารักษ์"),
])
def test_an_address_runs_on_over_its_building_unit_and_postcode(text, address):
    assert address in found(text, "ADDRESS")


@pytest.mark.parametrize("text, address", [
    ("我住在建國路88號旁边的商场很近", "建國路88號"),  # the sentence goes on: no building of its own
    ("I live at 12 Baker Street, and it takes 45 minutes", "12 Baker Street"),
    ("住所は渋谷区神南1-2-3です。15時に伺います", "渋谷区神南1-2-3"),
])
def test_an_address_does_not_run_on_into_the_sentence(text, address):
    assert found(text, "ADDRESS") == [address]


@pytest.mark.parametrize("text, address", [
    ("我想去首尔市江南区狎鸥亭路的医院。", "首尔市江南区狎鸥亭路"),        # the words before the city stay
    ("我们下周去北京市朝阳区建国路看看。", "北京市朝阳区建国路"),
    ("地址是上海市浦东新区世纪大道100号", "上海市浦东新区世纪大道100号"),
    ("河北省石家庄市长安区中山路12号", "河北省石家庄市长安区中山路12号"),  # a 家 inside a city's name
])
def test_a_chinese_address_starts_at_its_place_name(text, address):
    assert found(text, "ADDRESS") == [address]


def test_a_unit_or_block_alone_is_no_address():
    assert found("请在3座15樓B室等我，#08-123 is my locker", "ADDRESS") == []


@pytest.mark.parametrize("text, address", [
    ("j'habite au 8 bis avenue des Lilas, 69003 Lyon", "8 bis avenue des Lilas, 69003 Lyon"),
    ("Vivo en Avenida de la Constitución 41, 2º A, 41001 Sevilla", "Avenida de la Constitución 41, 2º A, 41001 Sevilla"),
    ("abito in Corso Garibaldi 17, 10122 Torino", "Corso Garibaldi 17, 10122 Torino"),
    ("ons adres is Prinsengracht 480, 1017 KH Amsterdam", "Prinsengracht 480, 1017 KH Amsterdam"),
])
def test_french_spanish_italian_and_dutch_streets(text, address):
    assert address in found(text, "ADDRESS")


def test_a_street_word_before_a_brand_is_no_address():
    assert found("I found you via Instagram 2 weeks ago", "ADDRESS") == []


def test_a_list_of_names_and_a_six_digit_number_is_no_indian_address():
    assert found("Thanks, Priya, Rahul, order 123456 arrived", "ADDRESS") == []
