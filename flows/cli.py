"""clinic-anon: a thin click CLI over the library (flows/, anonymise/, reports/, data_samples/).

Imports of heavy modules (Presidio, Prefect) happen inside each command so `--help` stays fast.
"""
from __future__ import annotations

import contextlib
import sys
from datetime import date
from pathlib import Path

import click

from flows.config import load_settings
from flows.prefect_runtime import set_quiet_offline_env

set_quiet_offline_env()  # before anything imports Prefect: no telemetry, no analytics, patient start-up


class UserError(click.ClickException):
    """One clear error line and exit code 2, never a traceback (and never record content)."""

    exit_code = 2


def _settings(config: Path | None, as_of: date | None = None):
    try:
        return load_settings(config, as_of=as_of)
    except Exception as exc:  # pydantic/TOML errors name the key, not data
        raise UserError(f"invalid configuration: {exc}") from None


config_option = click.option("--config", "config", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                             help="TOML configuration file (see clinic-anon.example.toml).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="clinic-anon")
def main() -> None:
    """Turn a clinic's raw consultation records into anonymised, purpose-bound DuckDB releases.

    Releases: faq (content team), academic (researchers), publishing (authors) and advertiser
    (aggregates only). Nothing is released unless the leak check passes.
    """


def _source_spec(source: str) -> str:
    """A folder becomes an absolute path (workers may run elsewhere); URLs pass unchanged."""
    from flows.sources import is_database_url

    if is_database_url(source):
        return source
    return str(Path(source).resolve())


def _open_source_or_fail(spec: str, settings):
    """Fail fast with one line (exit 2) when the source cannot be read at all."""
    from flows.sources import SourceError, open_source

    try:
        return open_source(spec, settings.source)
    except SourceError as exc:
        raise UserError(f"cannot read source: {exc}") from None


@main.command()
@click.option("--source", required=True, metavar="SRC",
              help="Folder of members/consultations files (.jsonl/.csv/.parquet) or a postgresql:// URL "
                   "(put the password in PGPASSWORD or ~/.pgpass, not in the URL).")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Output folder: OUT/private (mode 700) and OUT/release/<run-id>, OUT/release/latest.")
@config_option
@click.option("--as-of", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Reference date for retention and ages (default: today in Asia/Seoul).")
@click.option("--dask-address", default=None, metavar="tcp://HOST:PORT",
              help="Anonymise chunks on this Dask cluster (its workers need PREFECT_API_URL of a server).")
@click.option("--dask-workers", type=click.IntRange(0), default=0,
              help="Anonymise chunks on a local Dask cluster with this many worker processes.")
@click.option("--progress/--no-progress", default=True, help="Progress bars per stage on stderr.")
def run(source: str, out_dir: Path, config: Path | None, as_of, dask_address: str | None, dask_workers: int,
        progress: bool) -> None:
    """Run the whole flow: ingest, eligibility, anonymise, build releases, leak check, promote.

    Exit status: 0 promoted, 1 blocked by the leak check (the previous release stays), 2 bad input,
    3 the run failed (nothing promoted; see the flow-run log).
    """
    from flows import progress as progress_bars
    from flows.log_redaction import quiet_console_tracebacks
    from flows.pipeline import ReleaseBlocked
    from flows.runner import run_pipeline

    quiet_console_tracebacks()
    settings = _settings(config, as_of.date() if as_of else None)
    spec = _source_spec(source)
    _open_source_or_fail(spec, settings)
    bars = progress_bars.show_progress() if progress else contextlib.nullcontext()
    try:
        with bars:
            result = run_pipeline(spec, out_dir, settings, dask_address=dask_address, dask_workers=dask_workers)
    except ReleaseBlocked as exc:
        click.echo(f"BLOCKED: {exc}", err=True)
        sys.exit(1)
    except Exception as exc:  # one masked line; the full trace is in Prefect's (masked) flow-run log
        from flows.log_redaction import mask_text

        click.echo(f"run failed: {_failure_line(exc, out_dir, mask_text)}", err=True)
        sys.exit(3)
    release = Path(result["release_dir"])
    click.echo(f"run {result['run_id']}: promoted")
    click.echo(f"  release       {release}")
    click.echo(f"  latest        {result['latest']}")
    for name in sorted(release.iterdir()):
        click.echo(f"    {name.name}")
    click.echo(f"  private area  {Path(out_dir).resolve() / 'private'}  (staging, quarantine, key, watermark)")


def _failure_line(exc: Exception, out_dir: Path, mask_text) -> str:
    """What went wrong, in words a steward can act on; never a record value."""
    errno = getattr(exc, "errno", None) or next((getattr(a, "errno", None) for a in getattr(exc, "args", ())
                                                 if isinstance(a, OSError)), None)
    if errno == 28 or "No space left on device" in str(exc):
        return f"disk full under {out_dir}: nothing was promoted, the previous release stays"
    return f"{type(exc).__name__}: {mask_text(str(exc))[:300]}"


@main.command()
@click.argument("input_path", metavar="IN.jsonl", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("output_path", metavar="OUT.jsonl", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--members", "members_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="members.jsonl, so each record's member values (address, guardian ...) join its deny list.")
@click.option("--explain", "explain_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the spans found per record (type, offsets, recognizer, score; never the text).")
@config_option
def redact(input_path: Path, output_path: Path, members_path: Path | None, explain_path: Path | None,
           config: Path | None) -> None:
    """Anonymise consultation records (the data steward's audit tool).

    Writes one JSON line per record: consultation_id unchanged, title/question/answer anonymised,
    structured fields transformed by the field policy (unknown columns dropped).
    """
    from anonymise.keys import load_or_create_key
    from anonymise.redact_io import redact_file

    settings = _settings(config)
    # Outside a run there is no private work area: the key lives in the user's config folder.
    key_file = settings.anonymise.key_file or Path(click.get_app_dir("clinic-anon")) / "pseudonym.key"
    key = load_or_create_key(key_file, settings.anonymise.key_env)
    stats = redact_file(input_path, output_path, members_path=members_path, explain_path=explain_path,
                        settings=settings.anonymise, key=key)
    click.echo(f"{stats.records} records anonymised in {stats.seconds:.1f} s -> {output_path}")
    for entity, n in sorted(stats.spans_by_type.items(), key=lambda kv: -kv[1]):
        click.echo(f"  {entity:16s} {n}")


@main.command()
@click.option("--source", metavar="SRC", default=None,
              help="Read the personal values from this source instead of the run's accepted snapshot "
                   "(OUT/private/staging/accepted beside OUT/release/<run-id>).")
@click.argument("release_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@config_option
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the findings (masked) as Markdown to this file.")
def check(source: str | None, release_dir: Path, config: Path | None, report_path: Path | None) -> None:
    """Leak-check a release folder; exit 1 on any finding.

    Looks for every personal value of the source snapshot in every cell and report, identifiers of
    any kind in any text, words outside the released-text rule, columns outside each release's
    allow-list, k and cell-size violations, and key material. Findings show masked values only.
    """
    import secrets

    from anonymise.gate import build_needles, check_release, snapshot_needles
    from flows.gate_stage import check_settings
    from flows.workarea import WorkArea

    settings = _settings(config)
    if source:
        spec = _source_spec(source)
        src = _open_source_or_fail(spec, settings)
        needles = build_needles({table: (_parsed(chunk) for chunk in src.iter_chunks(table))
                                 for table in ("members", "consultations")})
    else:
        accepted = WorkArea(release_dir.resolve().parent.parent).accepted
        if not accepted.is_dir():
            raise UserError(f"no accepted snapshot at {accepted}: pass --source")
        needles = snapshot_needles(accepted)
    key = _existing_key(settings, release_dir) or secrets.token_bytes(32)  # no key: nothing of it can leak
    report = check_release(release_dir, needles, key, check_settings(settings))
    text = report.to_markdown()
    if report_path:
        report_path.write_text(text)
    click.echo(text)
    sys.exit(0 if report.passed else 1)


def _parsed(chunk: list) -> list[dict]:
    """An unparseable line is quarantined, never released; its raw text is not a column value."""
    from flows.sources import UnparsedRow

    return [row for row in chunk if not isinstance(row, UnparsedRow)]


def _existing_key(settings, release_dir: Path) -> bytes | None:
    """The run's key (env, configured file, or OUT/private/keys beside OUT/release/<run>), never created here."""
    import os

    from anonymise.keys import load_or_create_key
    from flows.workarea import WorkArea

    key_file = settings.anonymise.key_file or WorkArea(release_dir.resolve().parent.parent).key_file
    if os.environ.get(settings.anonymise.key_env) or key_file.exists():
        return load_or_create_key(key_file, settings.anonymise.key_env)
    return None


@main.command()
@click.argument("release_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
def report(release_dir: Path) -> None:
    """Re-render the HTML/Markdown reports of a release folder from its databases and manifest.

    The advertiser report and the FAQ book are only rendered for a release whose leak check passed.
    """
    from reports.render import render_all

    rendered = render_all(release_dir)
    if not rendered:
        raise UserError(f"nothing to render in {release_dir}: no manifest.json or release databases")
    for name, path in rendered.items():
        click.echo(f"{name:20s} {path}")


@main.command()
@click.option("--consultations", "n", type=click.IntRange(1), default=1000, show_default=True,
              help="Number of consultations to generate.")
@click.option("--seed", type=int, default=42, show_default=True, help="Random seed; same seed, same files.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder to write members, consultations and gold files into.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True,
              help="File format of members and consultations.")
def sample(n: int, seed: int, out_dir: Path, fmt: str) -> None:
    """Write synthetic source data (members, consultations) and a gold file of every personal value.

    Only synthetic people: names, phones and numbers come from a seeded generator.
    """
    from data_samples.generator import generate

    summary = generate(out_dir, n_consultations=n, seed=seed, fmt=fmt)
    for name, path in summary.files.items():
        click.echo(f"{name:14s} {path}")
    click.echo(f"{summary.n_members} members, {summary.n_consultations} consultations, "
               f"{summary.n_pii} personal values in text")


@main.command()
@click.option("--source", required=True, metavar="SRC", help="Source folder or postgresql:// URL (no password).")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Output folder of every scheduled run.")
@config_option
@click.option("--cron", default="0 2 * * *", show_default=True, help="Schedule (cron, Asia/Seoul).")
@click.option("--name", default="nightly", show_default=True, help="Deployment name.")
def deploy(source: str, out_dir: Path, config: Path | None, cron: str, name: str) -> None:
    """Serve the flow on a schedule against a Prefect server (PREFECT_API_URL must point at it).

    Start a server with `prefect server start`, export PREFECT_API_URL, then run this command: it
    keeps running and starts a flow run at every tick of the schedule. For work pools and workers
    use `prefect deploy` with prefect.yaml instead.
    """
    import os

    from flows.pipeline import clinic_anon_flow
    from flows.prefect_runtime import set_quiet_offline_env
    from flows.runner import strip_password

    if not os.environ.get("PREFECT_API_URL"):
        raise UserError("PREFECT_API_URL is not set: start `prefect server start` and export its API URL")
    set_quiet_offline_env()
    settings = _settings(config)
    spec = strip_password(_source_spec(source))
    from prefect.schedules import Cron

    # The anonymise stage picks its process pool from settings_json (anonymise.workers) in the flow.
    clinic_anon_flow.serve(name=name, schedules=[Cron(cron, timezone="Asia/Seoul")],
                           parameters={"source": spec, "out": str(out_dir.resolve()), "settings_json": settings.model_dump_json()})


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
