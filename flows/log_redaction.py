"""Defence in depth for logs: mask anything shaped like a phone, e-mail, RRN or card number.

The pipeline never logs record content on purpose; this filter is there for the day someone
does by mistake (an exception from a library quoting a value, a debug line). It is attached to
every handler of the root and Prefect loggers, including Prefect's API handler, so masked text
is what reaches the console and Prefect's database.
"""
from __future__ import annotations

import logging
import os
import re

_PATTERNS = [
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),                                  # e-mail
    re.compile(r"\b\d{6}\s?-?\s?[1-8]\d{6}\b"),                                    # RRN / FRN
    re.compile(r"\b(?:\d[ -]?){13,16}\b"),                                          # card-like digit runs
    re.compile(r"(?<![\w.])(?:\+?\d{1,3}[ .-]?)?\(?0?\d{2,3}\)?[ .-]?\d{3,4}[ .-]?\d{4}(?!\w)"),  # phones
]
MASK = "[masked]"


def mask_text(text: str) -> str:
    for pattern in _PATTERNS:
        text = pattern.sub(MASK, text)
    return text


class PersonalDataMaskingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string must not crash logging, nor leak its args
            message = str(record.msg)
        masked = mask_text(message)
        if masked != message or record.args:
            record.msg, record.args = masked, None
        if record.exc_info and record.exc_info[1] is not None:
            # Exception text is rendered later by the handler's formatter; mask it now.
            record.exc_text = mask_text(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True


class NoTracebackFilter(logging.Filter):
    """For the terminal: a failed run is one line there; the trace stays in Prefect's flow-run log."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info, record.exc_text = None, None
        return True


_FILTER = PersonalDataMaskingFilter()
_NO_TRACEBACK = NoTracebackFilter()


QUIET_CONSOLE_ENV = "CLINIC_ANON_QUIET_CONSOLE"  # set by the CLI so worker processes follow suit


def install() -> None:
    """Attach the filter to every handler of the root logger and of every ``prefect*`` logger.

    In a process started by the CLI (worker processes inherit its environment) console tracebacks
    are dropped as well.
    """
    if os.environ.get(QUIET_CONSOLE_ENV) == "1":
        quiet_console_tracebacks()
    loggers = [logging.getLogger()] + [logging.getLogger(name) for name in list(logging.root.manager.loggerDict)
                                       if name.startswith(("prefect", "clinic_anon", "flows", "anonymise", "reports"))]
    for logger in loggers:
        for handler in logger.handlers:
            if _FILTER not in handler.filters:
                handler.addFilter(_FILTER)


def quiet_console_tracebacks() -> None:
    """Drop tracebacks from console handlers only (the CLI's promise: one line per failure).

    The API handler sits on Prefect's run loggers and emits before a record propagates to the
    root's console handler, so the flow-run log in Prefect keeps the (masked) trace.
    """
    os.environ[QUIET_CONSOLE_ENV] = "1"
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.StreamHandler) and _NO_TRACEBACK not in handler.filters:
            handler.addFilter(_NO_TRACEBACK)
