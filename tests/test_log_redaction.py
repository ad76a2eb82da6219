import logging

from flows.log_redaction import PersonalDataMaskingFilter, mask_text


def test_masks_personal_shapes_but_keeps_counts_and_medical_numbers():
    text = ("chunk 3: 2000 records in 12.5 s; 010-1234-5678 / +82 10 9876 5432 / (02) 521-2657; "
            "a.b+c@mail.co.kr; 900101-1234567; 4111-1111-1111-1111; 6개월 300샷 2026-11-22")
    masked = mask_text(text)
    for leaked in ("1234-5678", "9876", "521-2657", "a.b+c@mail.co.kr", "900101", "4111"):
        assert leaked not in masked
    for kept in ("chunk 3", "2000 records", "12.5 s", "6개월", "300샷", "2026-11-22"):
        assert kept in masked


def test_filter_masks_arguments_and_exception_text():
    record = logging.LogRecord("prefect.task_runs", logging.ERROR, __file__, 1, "failed for %s", ("x@y.com",), None)
    try:
        raise ValueError("bad phone 010-2222-3333")
    except ValueError as exc:
        record.exc_info = (type(exc), exc, exc.__traceback__)
    PersonalDataMaskingFilter().filter(record)
    assert "x@y.com" not in record.getMessage()
    assert "010-2222-3333" not in record.exc_text and "ValueError" in record.exc_text
