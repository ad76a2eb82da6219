"""A whole run with the clock a year ahead and umask 000 (issue #20).

`faketime` (Debian package, installed by .ci/run) moves every process of the run a year ahead:
the CLI, Prefect's server, the workers. With the same source, key and as-of day the release tables
must equal those of the shared hostile run made at the real date: nothing depends on the day the
run happens. The umask lets everything be created world-writable; the modes must still be the
explicit ones: private 700/600, OUT and releases 755, release files 644.
"""
from __future__ import annotations

import os
import shutil
import stat
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from test_bad_input import SharedRun, cli_args, flow_env, shared_hostile_run
from test_idempotence import tables_of

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> SharedRun:
    shared = shared_hostile_run(tmp_path_factory)
    assert shared.returncode == 0, shared.stderr[-3000:]
    return shared


@pytest.fixture(scope="module")
def year_ahead(reference, tmp_path_factory) -> Path:
    faketime = shutil.which("faketime")
    if faketime is None:
        message = "faketime not installed (Debian package faketime; .ci/run installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    base = tmp_path_factory.mktemp("year-ahead")
    out = base / "out"
    command = ["sh", "-c", 'umask 000 && exec "$@"', "sh", faketime, "-f", "+365d", *cli_args(reference.source, out)]
    result = subprocess.run(command, env=flow_env(base / "prefect-home",
                                                  CLINIC_ANON_ANONYMISE__KEY_FILE=str(reference.key_file)),
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_the_run_happened_a_year_ahead_and_gave_the_same_release(reference, year_ahead):
    release = (year_ahead / "release" / "latest").resolve()
    started = datetime.strptime(release.name[:16], "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
    assert started > datetime.now(timezone.utc) + timedelta(days=360)  # run ids carry the (faked) start time
    clean = (reference.out / "release" / "latest").resolve()
    databases = sorted(p.name for p in clean.glob("*.duckdb"))
    assert len(databases) == 4
    for name in databases:
        assert tables_of(release / name) == tables_of(clean / name), name


def test_umask_000_still_gives_private_700_and_published_755_644(year_ahead):
    private = year_ahead / "private"
    assert mode(private) == 0o700
    open_to_others = [str(p.relative_to(private)) for p in [private, *private.rglob("*")]
                      if not p.is_symlink() and mode(p) & 0o077]
    assert open_to_others == []
    assert mode(year_ahead) == 0o755 and mode(year_ahead / "release") == 0o755
    release = (year_ahead / "release" / "latest").resolve()
    assert mode(release) == 0o755
    files = [p for p in release.rglob("*") if p.is_file()]
    assert files and {mode(p) for p in files} == {0o644}
