"""Detection, field policy, operators, pseudonym keys and the leak gate (anonymise.gate).

Usable on its own, with no settings file and no Prefect::

    from anonymise import Redactor
    redaction = Redactor().redact({"question": "김민수입니다. 010-1234-5678로 연락 주세요."})
    redaction.text["question"]   # '<PERSON>입니다. <PHONE>로 연락 주세요.'

Importing the package is light: ``Redactor`` (and with it spaCy and Presidio) loads on first use,
so ``anonymise.gate`` and the vocabulary modules stay free of them.
"""
from __future__ import annotations

__all__ = ["AnonymiseSettings", "Redactor"]


def __getattr__(name: str):
    if name == "Redactor":
        from anonymise.redactor import Redactor

        return Redactor
    if name == "AnonymiseSettings":
        from anonymise.settings import AnonymiseSettings

        return AnonymiseSettings
    raise AttributeError(f"module 'anonymise' has no attribute {name!r}")
