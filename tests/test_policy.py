import hashlib

import pytest

from anonymise.generalise import age_band, month, year
from anonymise.keys import pseudonym
from anonymise.policy import FieldPolicy, PolicyError
from anonymise.policy import DEFAULT_POLICY_FILE

KEY = bytes(range(32))
RECORD = {
    "consultation_id": "C1", "member_id": "minsu.kim", "name": "김민수", "phone": "010-1111-2222",
    "email": "m@example.com", "sex": "M", "age": 34, "region": "서울 강남구 신사동 1-2",
    "interested_area": "nose", "preferred_time": "평일 오후", "channel": "kakao", "language": "ko",
    "created_at": "2024-03-05T10:00:00+09:00", "updated_at": "2024-03-06T10:00:00+09:00",
    "ip_address": "10.1.2.3", "title": "t", "question": "q", "answer": "a", "answered_by": "박의사",
    "answered_at": "2024-03-05T12:00:00+09:00", "deleted": False,
}


def test_default_policy_covers_the_contract_and_drops_identifiers():
    policy = FieldPolicy.load(DEFAULT_POLICY_FILE)
    out = policy.apply("consultations", RECORD, KEY)
    for dropped in ("name", "phone", "email", "ip_address", "answered_by", "preferred_time", "deleted"):
        assert dropped not in out
    assert out["consultation_id"] == pseudonym(KEY, "C1") != "C1"
    assert out["member_id"] == pseudonym(KEY, "minsu.kim")
    assert out["age"] == "30-34"
    assert out["region"] == "서울"
    assert out["created_at"] == "2024-03"
    assert (out["sex"], out["channel"], out["interested_area"]) == ("M", "kakao", "nose")
    assert out["question"] == "q"  # text passes through to the anonymiser
    assert policy.text_columns("consultations") == ["title", "question", "answer"]
    assert policy.sha256 == hashlib.sha256(DEFAULT_POLICY_FILE.read_bytes()).hexdigest()


def test_unknown_column_is_dropped_and_counted():
    policy = FieldPolicy.load(DEFAULT_POLICY_FILE)
    out = policy.apply("consultations", {**RECORD, "resident_no": "900101-1234567"}, KEY)
    assert "resident_no" not in out
    assert policy.unknown_columns["consultations.resident_no"] == 1


def test_members_guardian_values_never_pass():
    policy = FieldPolicy.load(DEFAULT_POLICY_FILE)
    out = policy.apply("members", {"member_id": "kid01", "birth_date": "2015-02-03", "guardian_name": "김보호",
                                   "guardian_phone": "010-3333-4444", "guardian_rrn": "800101-2345678",
                                   "address": "부산 해운대구 우동 12"}, KEY)
    assert out == {"member_id": pseudonym(KEY, "kid01"), "birth_date": "2015", "address": "부산"}


def test_bad_action_is_rejected(tmp_path):
    bad = tmp_path / "p.toml"
    bad.write_text('[consultations]\nname = "generalise:soundex"\n')
    with pytest.raises(PolicyError):
        FieldPolicy.load(bad)


def test_generalisers():
    assert age_band(0) == "0-4" and age_band(14) == "10-14" and age_band(79) == "75-79" and age_band(93) == "80+"
    assert age_band(37, width=10) == "30-39" and age_band(None) is None and age_band(-1) is None
    assert month("2021-12-31T23:59:00+09:00") == "2021-12" and year("1990-03-28") == "1990" and month(None) is None


@pytest.mark.parametrize(("text", "expected"), [
    ('[consultation]\nname = "drop"\n', "unknown table [consultation] (did you mean consultations?)"),
    ('[consultations]\nqeustion = "text"\n', "[consultations] unknown column qeustion (did you mean question?)"),
    ('[consultations]\nname = "dorp"\n', "[consultations] name: unknown action 'dorp' (did you mean drop?)"),
    ('[members]\nbirth_date = "generalise:yaer"\n',
     "[members] birth_date: unknown action 'generalise:yaer' (did you mean generalise:year?)"),
    ('[members]\nsex = 1\n', "[members] sex: unknown action 'int'"),
    ('[members\n', "not valid TOML"),
])
def test_policy_refuses_what_it_does_not_know_in_one_line(tmp_path, text, expected):
    from contract.records import contract_columns

    bad = tmp_path / "p.toml"
    bad.write_text(text)
    with pytest.raises(PolicyError) as error:
        FieldPolicy.load(bad, contract_columns())
    assert expected in str(error.value) and "\n" not in str(error.value)


def test_a_bad_policy_stops_the_cli_before_the_run(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from flows.cli import main

    bad = tmp_path / "p.toml"
    bad.write_text(DEFAULT_POLICY_FILE.read_text().replace('question = "text"', 'qeustion = "text"'))
    monkeypatch.setenv("CLINIC_ANON_ANONYMISE__POLICY_FILE", str(bad))
    result = CliRunner().invoke(main, ["run", "--source", str(tmp_path), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and result.output.count("\n") == 1
    assert "unknown column qeustion (did you mean question?)" in result.output
    assert not (tmp_path / "o").exists()  # refused before anything was written


@pytest.mark.parametrize("action", ["keep", "pseudonymise", "generalise:year"])
@pytest.mark.parametrize("column", ["title", "question", "answer", "preferred_time"])
def test_free_text_that_is_not_anonymised_or_dropped_is_refused_at_load(tmp_path, column, action):
    bad = tmp_path / "p.toml"
    bad.write_text(DEFAULT_POLICY_FILE.read_text().replace(f'{column} = "{"text" if column != "preferred_time" else "drop"}"',
                                                      f'{column} = "{action}"'))
    assert f'{column} = "{action}"' in bad.read_text()
    with pytest.raises(PolicyError, match=rf"\[consultations\] {column} is free text"):
        FieldPolicy.load(bad)


def test_text_applies_only_to_the_columns_the_anonymiser_reads(tmp_path):
    bad = tmp_path / "p.toml"
    bad.write_text('[consultations]\npreferred_time = "text"\n')
    with pytest.raises(PolicyError, match="only to the columns the anonymiser reads"):
        FieldPolicy.load(bad)
    bad.write_text('[members]\naddress = "text"\n')
    with pytest.raises(PolicyError, match="none in this table"):
        FieldPolicy.load(bad)


def test_free_text_may_be_dropped(tmp_path):
    good = tmp_path / "p.toml"
    good.write_text('[consultations]\ntitle = "drop"\nquestion = "text"\n')
    assert FieldPolicy.load(good).text_columns("consultations") == ["question"]
