"""CLI commands for the data lifecycle: `clinic-anon releases ...`, `clinic-anon key rotate`, and the
checks `clinic-anon run` makes before it starts (one run per OUT, OUT's key).

Thin: each command calls one library function (flows/release_catalog.py, flows/retention.py,
flows/key_epoch.py, flows/run_lock.py). Errors are one line with exit status 2, like the rest of
the CLI (flows/cli_common.py).
"""
from __future__ import annotations

import json
import os
import sys
from datetime import datetime, timezone
from pathlib import Path

import click

from flows.cli_common import (UserError, config_option, existing_key, load_cli_settings, open_source_or_fail,
                              source_spec)

out_option = click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
                          help="The output folder of clinic-anon run (holds release/ and private/).")


def _now(settings) -> datetime:
    return (settings.lifecycle.now or datetime.now(timezone.utc)).astimezone(timezone.utc)


def _work(out_dir: Path):
    from flows.workarea import WorkArea

    return WorkArea(out_dir.resolve())


def preflight(out_dir: Path, settings) -> None:
    """Before `run` starts Prefect: hold OUT's run lock for the command, and refuse a key OUT was not
    built with. Either refusal is one line and exit 2; nothing under OUT is written before the lock."""
    from anonymise.keys import PseudonymKeyError
    from flows.key_epoch import KeyMismatch, key_for_run
    from flows.run_lock import RunLocked, hold

    try:
        click.get_current_context().with_resource(hold(out_dir.resolve(), _now(settings)))
        key_for_run(_work(out_dir), settings, _now(settings))
    except (RunLocked, KeyMismatch, PseudonymKeyError) as exc:
        raise UserError(str(exc)) from None


# ---------------------------------------------------------------- clinic-anon releases

@click.group()
def releases() -> None:
    """The data steward's view of the releases under OUT: list, show, prune, verify.

    A release is OUT/release/<run-id>/ (promoted) or, for a blocked or failed run, its private
    build under OUT/private/runs/<run-id>/. The newest `lifecycle.keep_releases` promoted releases
    are kept (default 3); every run that promotes also removes each older build holding a record
    that is no longer eligible (deleted, withdrawn, past retention, gone from the source).
    """


@releases.command("list")
@out_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line instead of a table.")
def list_command(out_dir: Path, as_json: bool) -> None:
    """List every build, newest first: run id, status, where, date, size, k, epsilon, key epoch.

    `*` marks the release `latest` points to. k is the academic release's achieved k-anonymity,
    epsilon the advertiser release's differential-privacy budget ("off" without noise).
    """
    from flows.release_catalog import list_releases

    entries = list_releases(_work(out_dir))
    if as_json:
        for entry in entries:
            click.echo(json.dumps(entry.row()))
        return
    if not entries:
        click.echo(f"no releases under {out_dir}")
        return
    header = ("", "run id", "status", "where", "started (UTC)", "MB", "k", "epsilon", "key epoch")
    rows = [("*" if e.latest else "", e.run_id, e.status, "release" if e.published else "private",
             e.started_at[:19], f"{e.bytes / 1e6:.1f}", e.k, e.epsilon, e.key_epoch) for e in entries]
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for r in [header, *rows]:
        click.echo("  ".join(str(v).ljust(w) for v, w in zip(r, widths)).rstrip())


@releases.command("show")
@out_option
@click.argument("run_id", required=False)
def show_command(out_dir: Path, run_id: str | None) -> None:
    """Show one build (default: latest): status, dates, files and sizes, tables, k, epsilon, leak check,
    key epoch, and what its run removed or expired. Counts and run ids only, never a record value."""
    from flows.release_catalog import UnknownRelease, details, find_release

    try:
        entry = find_release(_work(out_dir), run_id)
    except UnknownRelease as exc:
        raise UserError(str(exc)) from None
    click.echo(json.dumps(details(entry), indent=2, ensure_ascii=False, default=str))


@releases.command("prune")
@out_option
@config_option
@click.option("--keep", type=click.IntRange(1), default=None,
              help="Promoted releases to keep (default: lifecycle.keep_releases, 3).")
@click.option("--dry-run", is_flag=True, help="Only print what would be removed.")
def prune_command(out_dir: Path, config: Path | None, keep: int | None, dry_run: bool) -> None:
    """Apply the retention rule now (every promoted run applies it by itself).

    Measured against the release `latest` points to: older builds holding a record it no longer
    holds, or made before contents were recorded, are removed, then all but the newest KEEP
    promoted releases. Takes OUT's run lock: refused (exit 2) while a run is going.
    """
    from flows import retention
    from flows.release_catalog import UnknownRelease, prune
    from flows.run_lock import RunLocked, hold

    settings = load_cli_settings(config)
    try:
        with hold(out_dir.resolve(), _now(settings)):
            removals = prune(_work(out_dir), keep or settings.lifecycle.keep_releases, dry_run=dry_run)
    except (RunLocked, UnknownRelease) as exc:
        raise UserError(str(exc)) from None
    verb = "would remove" if dry_run else "removed"
    click.echo(f"{verb}: {retention.describe(removals)}")


@releases.command("verify")
@out_option
@click.option("--source", metavar="SRC", default=None,
              help="Read the personal values from this source instead of the accepted snapshot (OUT/private/staging/accepted).")
@click.argument("run_id", required=False)
@config_option
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the findings (masked) as Markdown to this file.")
def verify_command(out_dir: Path, source: str | None, run_id: str | None, config: Path | None,
                   report_path: Path | None) -> None:
    """Re-run the leak check on an existing build (default: latest); exit 1 on any finding.

    The same check as before promotion: every personal value of the accepted snapshot (or of SRC)
    in every cell and file, identifiers of any kind, words outside the released-text rule,
    allow-listed columns, k and cell sizes, key material (the current key: an earlier epoch's key
    no longer exists).
    """
    from flows.release_catalog import UnknownRelease, find_release, verify

    from flows.gate_stage import NoSnapshot

    settings = load_cli_settings(config)
    src = open_source_or_fail(source_spec(source), settings) if source else None
    try:
        entry = find_release(_work(out_dir), run_id)
        report = verify(entry, settings, existing_key(settings, _work(out_dir).release_dir(entry.run_id)), src)
    except (UnknownRelease, NoSnapshot) as exc:
        raise UserError(str(exc)) from None
    text = report.to_markdown()
    if report_path:
        report_path.write_text(text)
    click.echo(f"release {entry.run_id}: {'PASSED' if report.passed else 'FINDINGS'}")
    click.echo(text)
    sys.exit(0 if report.passed else 1)


# ---------------------------------------------------------------- clinic-anon key

@click.group()
def key() -> None:
    """The pseudonym key of an OUT folder (its fingerprint and epoch are in every manifest and release_info)."""


@key.command("rotate")
@out_option
@config_option
@click.option("--yes", is_flag=True, help="Rotate without asking for confirmation.")
def rotate_command(out_dir: Path, config: Path | None, yes: bool) -> None:
    """Start a new pseudonym epoch for OUT: a new key, and staging rebuilt under it.

    With the key in a file (default OUT/private/keys/pseudonym.key) a new random key replaces it
    and the old one is gone for good. With the key in CLINIC_ANON_KEY (anonymise.key_env), put the
    new key there first: rotate adopts it. The next run anonymises every record again; its
    releases share no pseudonym with earlier ones, so researchers cannot join across epochs
    (release_info key_epoch tells them apart). Releases already made stay as they are. This is
    also the way forward when the key was lost: a run refuses a key OUT was not built with.
    Takes OUT's run lock: refused (exit 2) while a run is going.
    """
    from anonymise.keys import PseudonymKeyError
    from flows.key_epoch import KeyMismatch, rotate
    from flows.run_lock import RunLocked, hold

    settings = load_cli_settings(config)
    env_var = settings.anonymise.key_env
    how = f"adopt the new key in ${env_var}" if os.environ.get(env_var) else "write a new random key"
    if not yes and not click.confirm(f"Rotate the pseudonym key of {out_dir} ({how}; staging is discarded and the "
                                     f"next run anonymises everything again)?"):
        raise UserError("key rotate: not confirmed, nothing changed")  # exit 2: refused before anything moved
    work = _work(out_dir)
    try:
        with hold(work.out, _now(settings)):
            work.ensure()
            result = rotate(work, settings, _now(settings))
    except (RunLocked, KeyMismatch, PseudonymKeyError) as exc:
        raise UserError(str(exc)) from None
    before = f"epoch {result.previous.epoch} (key {result.previous.key_fingerprint})" if result.previous else "no epoch"
    click.echo(f"{before} -> epoch {result.current.epoch} (key {result.current.key_fingerprint}, from "
               f"{result.key_source})")
    click.echo(f"staging discarded ({len(result.discarded)} files): the next run anonymises every record again")
