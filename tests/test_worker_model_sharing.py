"""The anonymise stage's workers share the models their forkserver loaded (flows/stoppable_pool.py):
a worker of the runner's own pool finds spaCy, Presidio, Kiwi (and pandas, which Arrow's timestamp
conversion imports) loaded without loading them, was
forked by the forkserver (not spawned), anonymises exactly as this process does, and the forkserver
with its models is gone once the runner closes."""
from __future__ import annotations

import json
import multiprocessing.forkserver
import os

import psutil

from flows.stoppable_pool import StoppableProcessPoolTaskRunner

RECORDS = [
    {"consultation_id": "c1", "member_id": "m1", "title": "코 수술 문의",
     "question": "안녕하세요 저는 박서준입니다. 연락처는 010-2345-6789 입니다. 삼성전자에 다녀요.",
     "answer": "박서준님, 상담 예약 도와드리겠습니다."},
    {"consultation_id": "c2", "member_id": None, "title": "Rhinoplasty question",
     "question": "Hello, I am Emily Carter from Toronto, my email is emily.carter@example.com",
     "answer": "Dear Emily, Dr. Park will call you at +1 416 555 0199."},
    {"consultation_id": "c3", "member_id": "m1", "title": "二重手術について",
     "question": "私は佐藤花子です。東京の会社で働いています。", "answer": None},
]
MEMBERS = {"m1": {"member_id": "m1", "name": "박서준", "phone": "010-2345-6789", "address": "서울 강남구 역삼동"}}


def _redacted(records, members) -> str:
    from anonymise.consultation_redaction import ConsultationTexts
    from anonymise.policy import FieldPolicy
    from anonymise.settings import AnonymiseSettings
    from contract.records import contract_columns

    settings = AnonymiseSettings(workers=2)
    texts = ConsultationTexts(settings, FieldPolicy.load(settings.policy_file, contract_columns()))
    return json.dumps([(r, x.text, x.academic, x.surrogate, sorted(x.counts.items()))
                       for r, x in texts.redact(records, members)], ensure_ascii=False, sort_keys=True)


def _in_worker(records, members) -> dict:
    """What a worker has before its first chunk, then its redaction of ``records``."""
    import sys

    from anonymise.engine import get_analyzer
    from anonymise.kiwi_model import shared_kiwi

    loaded = {"analyzer": get_analyzer.cache_info().currsize, "kiwi": shared_kiwi.cache_info().currsize,
              "spacy": "spacy" in sys.modules, "pandas": "pandas" in sys.modules}  # pandas: Arrow's timestamps
    return {"pid": os.getpid(), "parent": os.getppid(), "loaded": loaded, "redacted": _redacted(records, members)}


def test_workers_share_the_forkservers_models_and_anonymise_as_this_process_does():
    with StoppableProcessPoolTaskRunner(max_workers=2) as runner:
        assert runner._executor.mp_context.get_start_method() == "forkserver"
        seen = runner._executor.submit(_in_worker, RECORDS, MEMBERS).result(timeout=600)
        server = multiprocessing.forkserver._forkserver._forkserver_pid
        assert seen["parent"] == server != os.getpid(), "the worker was not forked by the model-loading forkserver"
    assert seen["loaded"] == {"analyzer": 1, "kiwi": 1, "spacy": True, "pandas": True}, seen["loaded"]
    assert seen["redacted"] == _redacted(RECORDS, MEMBERS)
    assert "<PERSON>" in seen["redacted"]  # the comparison is of real redactions, not of empty ones
    assert not psutil.pid_exists(server) or psutil.Process(server).status() == psutil.STATUS_ZOMBIE, \
        "the forkserver (holding the models) outlived the runner"
    assert multiprocessing.forkserver._forkserver._forkserver_pid is None
