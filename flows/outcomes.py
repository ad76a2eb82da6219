"""What a command's outcome means to the operator: one exit code and one line, never a traceback.

    0  released (run) / clean (check)
    1  blocked by the leak check (run) / findings (check): the previous release stays
    2  bad input or configuration: a setting, the field policy, the key, the source or OUT itself
       (a symlink loop, `release/latest` that is a folder, no permission) is refused before anything moves
    3  the run failed or was interrupted (SIGTERM, SIGINT, SIGHUP, a disk full, a source lost mid-run):
       nothing was promoted, the previous release stays

Every exception a command can end with goes through ``outcome``; its line never quotes a record
value (exception text is masked) and names the key or path at fault.
"""
from __future__ import annotations

import errno
import signal
from pathlib import Path

BLOCKED, BAD_INPUT, FAILED = 1, 2, 3
KEPT = "nothing was promoted, the previous release stays"


class RunInterrupted(BaseException):
    """SIGTERM/SIGHUP arrived outside Prefect's own handler (BaseException: no task retries it)."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def outcome(exc: BaseException, out_dir: Path | None = None, what: str = "run") -> tuple[int, str]:
    """(exit code, one line) for an exception ``what`` (a command) ended with."""
    from anonymise.keys import PseudonymKeyError
    from anonymise.strict_config import ConfigError
    from flows.log_redaction import mask_text
    from flows.promote import PromotionRefused

    if (signame := _interruption(exc)) is not None:
        return FAILED, f"interrupted by {signame}: {KEPT}"
    if type(exc).__name__ == "ReleaseBlocked":  # flows.pipeline imports Prefect: not imported here
        return BLOCKED, f"BLOCKED: {exc}"
    if isinstance(exc, (ConfigError, PseudonymKeyError)):
        return BAD_INPUT, f"invalid configuration: {exc}"
    if isinstance(exc, PromotionRefused):
        return BAD_INPUT, f"cannot promote: {exc}; {KEPT}"
    if _errno(exc) == errno.ENOSPC or "No space left on device" in str(exc):
        where = f" under {out_dir}" if out_dir else ""
        return FAILED, f"{what} failed: disk full{where}: {KEPT}"
    text = " ".join(mask_text(str(exc)).split())
    return FAILED, f"{what} failed: {type(exc).__name__}: {text[:300]}"


def _interruption(exc: BaseException) -> str | None:
    if isinstance(exc, KeyboardInterrupt):
        return "SIGINT"
    if isinstance(exc, RunInterrupted):
        return signal.Signals(exc.signum).name
    if type(exc).__name__ == "TerminationSignal":  # Prefect's, raised by its SIGTERM handler in a flow
        return signal.Signals(getattr(exc, "signal", signal.SIGTERM)).name
    return None


def _errno(exc: BaseException) -> int | None:
    if isinstance(exc, OSError) and exc.errno:
        return exc.errno
    return next((a.errno for a in getattr(exc, "args", ()) if isinstance(a, OSError)), None)
