"""The words surrogates are made of (환자 A, [전화번호], Patient B): the anonymiser writes them, the
leak gate reads them as the anonymiser's own output. One list for both, free of Presidio."""
from __future__ import annotations

ROLE_LABELS = {
    "patient": ("환자", "Patient"), "guardian": ("보호자", "Guardian"), "doctor": ("의사", "Doctor"),
    "other": ("인물", "Person")}
ENTITY_LABELS = {
    "PHONE": ("전화번호", "phone"), "RRN": ("주민등록번호", "resident registration no."),
    "FRN": ("외국인등록번호", "foreigner registration no."), "PASSPORT": ("여권번호", "passport no."),
    "DRIVER_LICENSE": ("운전면허번호", "driver's licence no."), "BRN": ("사업자등록번호", "business registration no."),
    "BANK_ACCOUNT": ("계좌번호", "bank account"), "CREDIT_CARD": ("카드번호", "card number"), "EMAIL": ("이메일", "e-mail"),
    "URL": ("링크", "link"), "IP_ADDRESS": ("IP 주소", "IP address"), "MESSENGER_ID": ("메신저 ID", "messenger ID"),
    "SOCIAL_HANDLE": ("SNS 계정", "social media handle"), "MEMBER_ID": ("회원 ID", "member ID"),
    "ADDRESS": ("주소", "address"), "DOB": ("생년월일", "date of birth"), "CHART_NO": ("차트번호", "chart number"),
    "VEHICLE_NO": ("차량번호", "vehicle no."), "PERSON": ("이름", "name"),
    # What the safe-list pass removes without knowing more: a proper noun, an identifier-shaped token.
    "NAME": ("고유명사", "proper noun"), "ID": ("식별번호", "identifier")}
