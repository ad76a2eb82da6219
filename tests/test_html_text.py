"""Board HTML to the text a person reads (flows.html_text), and what the anonymiser then removes."""
import pytest

from flows.html_text import html_to_text

EDITOR_BODY = """<div class="se-contents"><p>안녕하세요&nbsp;&nbsp;<b>쌍꺼풀 <i>재수술</i></b> 문의드립니다.</p>
<p>&nbsp;</p>
<p>비용이 &lt;100만원&gt; &amp; 회복 기간은요?<br>사진 첨부합니다
<img src="/data/editor/2511/%EA%B9%80%EB%AF%BC%EC%88%98_%EC%A0%95%EB%A9%B4.jpg" alt="정면 사진">
<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk" alt=""></p>
<script>document.write('<p>injected</p>'); var phone = "010-0000-0000";</script>
<style>p { color: red }</style><!-- 관리자 메모: 010-9999-9999 -->
<ul><li>부기</li><li>흉터</li></ul>
<p>연락은 <a href="tel:010-4821-7395">여기로 전화</a> 또는 <a href="mailto:minsu.k@example.com?subject=상담">메일</a>,
<a href="https://open.kakao.com/o/sAbC123">오픈채팅</a> <a href="#top">위로</a> <a href="javascript:void(0)">닫기</a></p></div>"""

READ = """안녕하세요 쌍꺼풀 재수술 문의드립니다.

비용이 <100만원> & 회복 기간은요?
사진 첨부합니다 [image: 정면 사진 김민수_정면.jpg]
부기
흉터
연락은 여기로 전화 (010-4821-7395) 또는 메일 (minsu.k@example.com), 오픈채팅 (https://open.kakao.com/o/sAbC123) 위로 닫기"""


def test_editor_html_reads_as_a_person_reads_it():
    assert html_to_text(EDITOR_BODY) == READ


@pytest.mark.parametrize("html, text", [
    ("<p>첫 줄</p><p>둘째 줄</p>", "첫 줄\n둘째 줄"),
    ("<p>위</p><p><br></p><p>아래</p>", "위\n\n아래"),
    ("한 줄<br>두 줄<br/><br>네 줄", "한 줄\n두 줄\n\n네 줄"),
    ("<div>바깥<div>안쪽</div>다시 바깥</div>", "바깥\n안쪽\n다시 바깥"),
    ("<table><tr><td>이름</td></tr><tr><td>나이</td></tr></table>", "이름\n나이"),
    ("&lt;script&gt;는 글자입니다 &#48708;&#50857; &quot;ok&quot;", '<script>는 글자입니다 비용 "ok"'),
    ("<p>  여러   칸\n\n 공백  </p>", "여러 칸 공백"),
    ("<!-- 주석만 -->", ""),
    ('<?xml version="1.0" encoding="euc-kr"?><meta charset="euc-kr"><p>한글 본문</p>', "한글 본문"),
    ("", ""),
    ("<p>깨진 <b>태그", "깨진 태그"),
    ("<a href='tel:01012345678'>01012345678</a>", "01012345678"),  # a target shown already is not repeated
    ("<img src='https://cdn.example/u/a%20b.png' title='흉터'>", "[image: 흉터 a b.png]"),
])
def test_html_shapes(html, text):
    assert html_to_text(html) == text


def test_html1_posts_show_their_newlines_as_line_breaks():
    assert html_to_text("첫째 &amp; 줄\n<b>둘째</b> 줄", newlines_are_breaks=True) == "첫째 & 줄\n둘째 줄"
    assert html_to_text("첫째\n둘째") == "첫째 둘째"


def test_a_phone_and_a_file_name_inside_tags_are_removed_by_the_anonymiser():
    from anonymise.redactor import Redactor

    html = ('<p>문의드려요. <a href="tel:010-4821-7395">전화 주세요</a></p>'
            '<p><img src="/data/editor/%EA%B9%80%EB%AF%BC%EC%88%98_%EC%A0%95%EB%A9%B4.jpg" alt=""> 사진입니다</p>')
    text = html_to_text(html)
    assert "010-4821-7395" in text and "김민수_정면.jpg" in text  # kept as text so the anonymiser sees them
    record = {"consultation_id": "H1", "name": "김민수", "question": text}
    redacted = Redactor().redact(record, None).text["question"]
    assert "4821" not in redacted and "7395" not in redacted
    assert "김민수" not in redacted
    assert "문의드려요" in redacted and "사진입니다" in redacted
