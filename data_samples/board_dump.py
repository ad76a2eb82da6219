"""The synthetic sample as a clinic board's own database: an SQL dump of gnuboard5 or Rhymix tables.

``write_board_dump(members.jsonl, consultations.jsonl, out.sql, "gnuboard5")`` writes the schema
(``board_schemas/<board>.sql``) and INSERTs that hold the same members and consultations the way the
board stores them, so that ``mappings/<board>.toml`` reads them back as the same records:

- gnuboard5: a consultation is a post of ``g5_write_consult`` (secret; plain text, ``html1`` or
  ``html2`` editor HTML), its answer a reply post or a comment by the ``admin`` account, the form's
  fields in ``wr_1``..``wr_7``, the area in ``ca_name``; a member who left has ``mb_leave_date``; a
  deleted consultation is not there at all. A notice by the admin, patients' follow-up comments and
  attachment rows (``g5_board_file``, named after the patient) are there too: none of them may be read.
- Rhymix: documents, administrator comments, extra variables and categories; withdrawn members
  are not in ``rx_member`` (Rhymix deletes them).

Streams line by line; the category, channel and sex labels are the mapping's own value maps, so the
board's vocabulary lives in the mapping file only.
"""
from __future__ import annotations

import hashlib
import html
import json
import random
import shutil
import tempfile
import tomllib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import IO
from zoneinfo import ZoneInfo

MAPPINGS = Path(__file__).resolve().parent.parent / "mappings"
SCHEMAS = Path(__file__).resolve().parent / "board_schemas"
BOARDS = ("gnuboard5", "rhymix")
_SEOUL = ZoneInfo("Asia/Seoul")
_BATCH = 200
G5_STAFF_ID = "admin"
RX_ADMIN_SRL = 4


def generate_board_dump(out_dir: Path, board: str, n_consultations: int, seed: int):
    """Generate the synthetic sample and write it as ``out_dir/<board>.sql`` (plus gold.jsonl)."""
    from data_samples.generator import generate

    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        summary = generate(Path(tmp), n_consultations=n_consultations, seed=seed, fmt="jsonl")
        dump = out_dir / f"{board}.sql"
        write_board_dump(Path(tmp) / "members.jsonl", Path(tmp) / "consultations.jsonl", dump, board)
        gold = out_dir / "gold.jsonl"
        shutil.copyfile(Path(tmp) / "gold.jsonl", gold)
    summary.files = {board: dump, "gold": gold}
    return summary


def write_board_dump(members: Path, consultations: Path, out: Path, board: str, seed: int = 7) -> None:
    if board not in BOARDS:
        raise ValueError(f"unknown board {board!r} (one of {', '.join(BOARDS)})")
    labels = _labels(MAPPINGS / f"{board}.toml")
    rng = random.Random(seed)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write((SCHEMAS / f"{board}.sql").read_text(encoding="utf-8"))
        f.write("\n")
        writer = _Gnuboard5 if board == "gnuboard5" else _Rhymix
        writer(f, labels, rng).write(_jsonl(members), _jsonl(consultations))


def _jsonl(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def _labels(mapping: Path) -> dict[str, dict[str, str]]:
    """contract field -> contract value -> the board's label (the first label the mapping maps to it)."""
    with open(mapping, "rb") as f:
        fields = tomllib.load(f)["consultations"]["fields"]
    out: dict[str, dict[str, str]] = {}
    for name in ("interested_area", "channel", "sex"):
        spec = fields.get(name)
        if isinstance(spec, dict) and "map" in spec:
            inverse: dict[str, str] = {}
            for label, value in spec["map"].items():
                inverse.setdefault(value, label)
            out[name] = inverse
    return out


def _sql(value) -> str:
    """A MySQL literal (sql_mode '' : backslash escapes on)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("\\", "\\\\").replace("'", "''") + "'"


def _local(stamp: str | None, compact: bool = False) -> str:
    """An ISO timestamp as the board's local wall-clock text."""
    if not stamp:
        return ""
    moment = datetime.fromisoformat(stamp)
    if moment.tzinfo is not None:
        moment = moment.astimezone(_SEOUL)
    return moment.strftime("%Y%m%d%H%M%S" if compact else "%Y-%m-%d %H:%M:%S")


def _fake_hash(text: str) -> str:
    return "sha256:12000:" + hashlib.sha256(f"synthetic:{text}".encode()).hexdigest()


def _paragraphs(text: str) -> str:
    """Editor HTML: one <p> per line, an empty line as <p>&nbsp;</p>."""
    return "\n".join(f"<p>{html.escape(line, quote=False)}</p>" if line else "<p>&nbsp;</p>"
                     for line in text.split("\n"))


def _address_parts(address: str | None) -> tuple[str, str, str]:
    """gnuboard's address fields; joined with single spaces they give the address back."""
    if not address:
        return "", "", ""
    rest, reference = address, ""
    if address.endswith(")") and " (" in address:
        rest, reference = address[:address.rindex(" (")], address[address.rindex(" (") + 1:]
    words = rest.split(" ")
    return " ".join(words[:4]), " ".join(words[4:]), reference


class _Inserts:
    """Batched multi-row INSERTs into one table."""

    def __init__(self, f: IO[str], table: str, columns: list[str]):
        self.f, self.table, self.columns, self.rows = f, table, columns, []

    def add(self, **values) -> None:
        self.rows.append("(" + ", ".join(_sql(values.get(c, "")) for c in self.columns) + ")")
        if len(self.rows) >= _BATCH:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.f.write(f"INSERT INTO {self.table} ({', '.join(self.columns)}) VALUES\n"
                         + ",\n".join(self.rows) + ";\n")
            self.rows = []


class _Gnuboard5:
    WRITE = ["wr_id", "wr_num", "wr_reply", "wr_parent", "wr_is_comment", "wr_comment", "ca_name", "wr_option",
             "wr_subject", "wr_content", "wr_link1", "wr_link2", "mb_id", "wr_password", "wr_name", "wr_email",
             "wr_datetime", "wr_file", "wr_last", "wr_ip"] + [f"wr_{i}" for i in range(1, 11)]
    MEMBER = ["mb_no", "mb_id", "mb_password", "mb_name", "mb_nick", "mb_email", "mb_level", "mb_sex", "mb_birth",
              "mb_hp", "mb_addr1", "mb_addr2", "mb_addr3", "mb_signature", "mb_datetime", "mb_leave_date", "mb_memo",
              "mb_mailling", "mb_profile", "mb_1", "mb_2", "mb_3"]

    def __init__(self, f: IO[str], labels: dict, rng: random.Random):
        self.f, self.labels, self.rng = f, labels, rng

    def write(self, members: Iterator[dict], consultations: Iterator[dict]) -> None:
        f = self.f
        f.write("INSERT INTO g5_config (cf_title, cf_admin, cf_admin_email) "
                "VALUES ('하늘빛성형외과', 'admin', 'admin@clinic.example');\n")
        users = _Inserts(f, "g5_member", self.MEMBER)
        users.add(mb_no=1, mb_id=G5_STAFF_ID, mb_password=_fake_hash(G5_STAFF_ID), mb_name="관리자", mb_nick="관리자",
                  mb_level=10, mb_datetime="2018-12-01 09:00:00", mb_mailling=0)
        for number, m in enumerate(members, start=2):
            road, detail, reference = _address_parts(m["address"])
            users.add(mb_no=number, mb_id=m["member_id"], mb_password=_fake_hash(m["member_id"]), mb_name=m["name"],
                      mb_nick=m["name"], mb_email=m["email"] or "", mb_level=2, mb_sex=m["sex"] or "",
                      mb_birth=(m["birth_date"] or "").replace("-", ""), mb_hp=m["phone"] or "",
                      mb_addr1=road, mb_addr2=detail, mb_addr3=reference, mb_datetime=_local(m["joined_at"]),
                      mb_leave_date=_local(m["withdrawn_at"])[:10].replace("-", "") if m["withdrawn_at"] else "",
                      mb_mailling=1 if m["marketing_consent"] else 0, mb_1=m["guardian_name"] or "",
                      mb_2=m["guardian_phone"] or "", mb_3=m["guardian_rrn"] or "")
        users.flush()
        posts = _Inserts(f, "g5_write_consult", self.WRITE)
        files = _Inserts(f, "g5_board_file", ["bo_table", "wr_id", "bf_no", "bf_source", "bf_file", "bf_content",
                                             "bf_filesize", "bf_datetime"])
        later: list[dict] = []  # answers get ids after every question, as on a board answered later
        count = 0
        for c in consultations:
            if c["deleted"]:
                continue  # gnuboard deletes the row
            count += 1
            wr_id = int(c["consultation_id"].lstrip("C"))
            option = self.rng.choice(["secret", "html1,secret", "html2,secret"])
            attached = wr_id % 10 == 0
            posts.add(wr_id=wr_id, wr_num=-wr_id, wr_reply="", wr_parent=wr_id, wr_is_comment=0,
                      wr_comment=0, ca_name=self.labels["interested_area"].get(c["interested_area"], ""),
                      wr_option=option, wr_subject=c["title"] or "", wr_content=self._body(c["question"] or "", option),
                      mb_id=c["member_id"] or "", wr_password="" if c["member_id"] else _fake_hash(c["consultation_id"]),
                      wr_name=c["name"] or "", wr_email=c["email"] or "", wr_datetime=_local(c["created_at"]),
                      wr_file=1 if attached else 0, wr_last=_local(c["updated_at"]), wr_ip=c["ip_address"] or "",
                      wr_1=c["phone"] or "", wr_2="" if c["age"] is None else str(c["age"]), wr_3=c["region"] or "",
                      wr_4=c["preferred_time"] or "", wr_5=self.labels["sex"].get(c["sex"], ""),
                      wr_6=self.labels["channel"].get(c["channel"], ""), wr_7=c["language"] or "")
            if attached:
                files.add(bo_table="consult", wr_id=wr_id, bf_no=0, bf_source=f"{c['name'] or 'photo'}_정면.jpg",
                          bf_file=f"{wr_id:08d}_a1b2c3.jpg", bf_filesize=183201, bf_datetime=_local(c["created_at"]))
            if c["answer"]:
                later.append({"post": wr_id, "c": c, "option": option, "as_reply": self.rng.random() < 0.5})
        next_id = 1_000_000
        for item in later:
            c, post = item["c"], item["post"]
            if not item["as_reply"] and c["member_id"] and post % 7 == 0:
                next_id += 1  # the patient's own follow-up comment comes first and is no answer
                posts.add(wr_id=next_id, wr_num=-post, wr_parent=post, wr_is_comment=1, wr_option="secret",
                          wr_content="답변 기다리고 있습니다.", mb_id=c["member_id"], wr_name=c["name"] or "",
                          wr_datetime=_local(c["created_at"]), wr_last="", wr_ip=c["ip_address"] or "")
            next_id += 1
            option = item["option"] if item["as_reply"] else "secret"
            posts.add(wr_id=next_id, wr_num=-post, wr_reply="A" if item["as_reply"] else "",
                      wr_parent=next_id if item["as_reply"] else post, wr_is_comment=0 if item["as_reply"] else 1,
                      wr_option=option, wr_subject=f"Re: {c['title'] or ''}" if item["as_reply"] else "",
                      wr_content=self._body(c["answer"], option), mb_id=G5_STAFF_ID, wr_name=c["answered_by"] or "",
                      wr_datetime=_local(c["answered_at"]), wr_last=_local(c["answered_at"]), wr_ip="127.0.0.1")
        notice = next_id + 1
        posts.add(wr_id=notice, wr_num=-notice, wr_parent=notice, wr_option="html2",
                  wr_subject="상담 게시판 이용 안내", wr_content="<p>비밀글로 문의해 주세요.</p>", mb_id=G5_STAFF_ID,
                  wr_name="관리자", wr_datetime="2019-01-01 09:00:00", wr_last="2019-01-01 09:00:00", wr_ip="127.0.0.1")
        posts.flush()
        files.flush()
        f.write("INSERT INTO g5_board (bo_table, gr_id, bo_subject, bo_admin, bo_use_secret, bo_use_category, "
                f"bo_category_list, bo_notice, bo_count_write) VALUES ('consult', 'clinic', '온라인 상담', '', 1, 1, "
                f"{_sql('|'.join(self.labels['interested_area'].values()))}, '{notice}', {count});\n")

    @staticmethod
    def _body(text: str, option: str) -> str:
        if "html2" in option:
            return _paragraphs(text)
        if "html1" in option:
            return html.escape(text, quote=False)  # the board shows its newlines as line breaks
        return text


class _Rhymix:
    MODULE_SRL, FIRST_CATEGORY = 100, 200
    MEMBER = ["member_srl", "user_id", "email_address", "password", "email_id", "email_host", "phone_number",
              "user_name", "nick_name", "birthday", "allow_mailing", "denied", "regdate", "is_admin", "list_order"]
    DOCUMENT = ["document_srl", "module_srl", "category_srl", "lang_code", "is_notice", "title", "content",
                "password", "user_id", "user_name", "nick_name", "member_srl", "email_address", "regdate",
                "last_update", "ipaddress", "list_order", "update_order", "status"]
    COMMENT = ["comment_srl", "module_srl", "document_srl", "is_secret", "content", "user_id", "user_name",
               "nick_name", "member_srl", "regdate", "last_update", "ipaddress", "list_order", "status"]

    def __init__(self, f: IO[str], labels: dict, rng: random.Random):
        self.f, self.labels, self.rng = f, labels, rng

    def write(self, members: Iterator[dict], consultations: Iterator[dict]) -> None:
        f = self.f
        f.write(f"INSERT INTO rx_modules (module_srl, module, mid, browser_title, regdate) VALUES "
                f"({self.MODULE_SRL}, 'board', 'consult', '온라인 상담', '20181201090000');\n")
        categories = {}
        for i, (area, label) in enumerate(self.labels["interested_area"].items()):
            categories[area] = self.FIRST_CATEGORY + i
            f.write(f"INSERT INTO rx_document_categories (category_srl, module_srl, title, list_order) VALUES "
                    f"({categories[area]}, {self.MODULE_SRL}, {_sql(label)}, {i});\n")
        users = _Inserts(f, "rx_member", self.MEMBER)
        users.add(member_srl=RX_ADMIN_SRL, user_id="admin", email_address="admin@clinic.example",
                  password=_fake_hash("admin"), email_id="admin", email_host="clinic.example", user_name="관리자",
                  nick_name="관리자", allow_mailing="N", denied="N", regdate="20181201090000", is_admin="Y", list_order=0)
        srl_of: dict[str, int] = {}
        for number, m in enumerate(members, start=1000):
            srl_of[m["member_id"]] = number
            if m["status"] == "withdrawn":
                continue  # Rhymix deletes a member who withdraws
            email = m["email"] or ""
            users.add(member_srl=number, user_id=m["member_id"], email_address=email,
                      password=_fake_hash(m["member_id"]), email_id=email.split("@")[0],
                      email_host=email.split("@")[-1] if email else None, phone_number=m["phone"],
                      user_name=m["name"], nick_name=m["name"],
                      birthday=(m["birth_date"] or "").replace("-", "") or None,
                      allow_mailing="Y" if m["marketing_consent"] else "N", denied="N",
                      regdate=_local(m["joined_at"], compact=True), is_admin="N", list_order=-number)
        users.flush()
        documents = _Inserts(f, "rx_documents", self.DOCUMENT)
        extra = _Inserts(f, "rx_document_extra_vars", ["module_srl", "document_srl", "var_idx", "lang_code",
                                                       "value", "eid"])
        uploads = _Inserts(f, "rx_files", ["file_srl", "upload_target_srl", "module_srl", "member_srl",
                                           "source_filename", "uploaded_filename", "file_size", "regdate", "ipaddress"])
        answers = []
        for c in consultations:
            if c["deleted"]:
                continue
            srl = 10_000 + int(c["consultation_id"].lstrip("C"))
            member_srl = srl_of.get(c["member_id"], 0) if c["member_id"] else 0
            documents.add(document_srl=srl, module_srl=self.MODULE_SRL,
                          category_srl=categories.get(c["interested_area"], 0), lang_code="ko", is_notice="N",
                          title=html.escape(c["title"] or ""), content=_paragraphs(c["question"] or ""),
                          password=None if member_srl else _fake_hash(c["consultation_id"]), user_id=c["member_id"],
                          user_name=c["name"] or "", nick_name=c["name"] or "", member_srl=member_srl,
                          email_address=c["email"], regdate=_local(c["created_at"], compact=True),
                          last_update=_local(c["updated_at"], compact=True), ipaddress=c["ip_address"] or "",
                          list_order=-srl, update_order=-srl, status="SECRET")
            form = {"phone": c["phone"], "age": None if c["age"] is None else str(c["age"]), "region": c["region"],
                    "preferred_time": c["preferred_time"], "sex": self.labels["sex"].get(c["sex"]),
                    "channel": self.labels["channel"].get(c["channel"]), "language": c["language"]}
            for idx, (eid, value) in enumerate(form.items(), start=1):
                if value is not None:
                    extra.add(module_srl=self.MODULE_SRL, document_srl=srl, var_idx=idx, lang_code="ko",
                              value=value, eid=eid)
            if srl % 10 == 0:
                uploads.add(file_srl=700_000 + srl, upload_target_srl=srl, module_srl=self.MODULE_SRL,
                            member_srl=member_srl, source_filename=f"{c['name'] or 'photo'}_정면.jpg",
                            uploaded_filename=f"./files/attach/images/{srl}.jpg", file_size=183201,
                            regdate=_local(c["created_at"], compact=True), ipaddress=c["ip_address"] or "")
            if c["answer"]:
                answers.append((srl, c))
        documents.flush()
        extra.flush()
        uploads.flush()
        comments = _Inserts(f, "rx_comments", self.COMMENT)
        for j, (srl, c) in enumerate(answers, start=500_001):
            comments.add(comment_srl=j, module_srl=self.MODULE_SRL, document_srl=srl, is_secret="Y",
                         content=_paragraphs(c["answer"]), user_id="admin", user_name=c["answered_by"] or "",
                         nick_name=c["answered_by"] or "", member_srl=RX_ADMIN_SRL,
                         regdate=_local(c["answered_at"], compact=True), last_update=_local(c["answered_at"], compact=True),
                         ipaddress="127.0.0.1", list_order=j, status=1)
        comments.flush()
