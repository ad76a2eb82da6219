"""clinic-anon: a thin click CLI over the library (flows/, anonymise/, reports/, data_samples/).

Imports of heavy modules (Presidio, Prefect) happen inside each command so `--help` stays fast.
Every command ends with one exit code and one line (flows/outcomes.py), never a traceback.
"""
from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import NoReturn

import click

from flows.cli_common import (UserError, config_option, existing_key, load_cli_settings, open_source_or_fail, path_problem,
                              source_spec)
from flows.cli_lifecycle import key, preflight, releases
from flows.prefect_runtime import set_quiet_offline_env

set_quiet_offline_env()  # before anything imports Prefect: no telemetry, no analytics, patient start-up


class _OneLineErrors(click.Group):
    """Any exception a command ends with becomes its exit code and one line (flows/outcomes.py).

    KeyboardInterrupt too: click would print "Aborted!" and exit 1, the code of a blocked release.
    """

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, SystemExit):
            raise
        except BaseException as exc:
            from flows.outcomes import outcome

            code, line = outcome(exc, what=ctx.invoked_subcommand or "command")
            click.echo(line, err=True)
            ctx.exit(code)


mapping_option = click.option("--mapping", "mapping", type=click.Path(dir_okay=False, path_type=Path), default=None,
                              help="Board mapping (TOML) for a mysql:// source or a board's CSV dump, e.g. "
                                   "mappings/gnuboard5.toml (setting source.mapping).")


def _with_mapping(settings, mapping: Path | None):
    """``--mapping`` over the settings' source.mapping, as an absolute path (tasks may run elsewhere)."""
    chosen = mapping or settings.source.mapping
    if chosen is None:
        return settings
    return settings.model_copy(update={"source": settings.source.model_copy(update={"mapping": chosen.resolve()})})


@click.group(cls=_OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="clinic-anon")
def main() -> None:
    """Turn a clinic's raw consultation records into anonymised, purpose-bound DuckDB releases.

    Releases: faq (content team), academic (researchers), publishing (authors) and advertiser
    (aggregates only). Nothing is released unless the leak check passes.
    """


def _check_key(settings, out_dir: Path) -> None:
    """A configured key that cannot be used is bad configuration (exit 2), found before the run."""
    import os

    from anonymise.keys import PseudonymKeyError, load_or_create_key, read_key_file
    from flows.key_epoch import KeyMismatch, check_key
    from flows.workarea import WorkArea

    key_file = settings.anonymise.key_file or WorkArea(out_dir).key_file
    try:
        if os.environ.get(settings.anonymise.key_env):
            load_or_create_key(key_file, settings.anonymise.key_env)  # the variable wins: nothing is created
        elif key_file.exists():
            read_key_file(key_file)
    except PseudonymKeyError as exc:
        raise UserError(f"invalid configuration: {exc}") from None
    try:
        check_key(WorkArea(out_dir), settings)  # a key OUT was not built with: refused here, in one line
    except KeyMismatch as exc:
        raise UserError(str(exc)) from None


def _check_out(out_dir: Path, settings) -> Path:
    """OUT usable (a folder we can write, `release/latest` replaceable), created with its modes; exit 2 if not."""
    from flows.promote import PromotionRefused, check_release_area
    from flows.workarea import WorkArea

    try:
        out = out_dir.resolve()
        if out.exists() and not out.is_dir():
            raise UserError(f"cannot use --out {out_dir}: not a folder")
        check_release_area(out / "release")
        WorkArea(out).ensure_releases(settings.output.release_dir_mode).ensure()
    except PromotionRefused as exc:
        raise UserError(f"cannot promote into {out_dir}: {exc}") from None
    except (PermissionError, RuntimeError, NotADirectoryError, FileExistsError) as exc:
        raise UserError(f"cannot use --out {path_problem(exc, out_dir)}") from None
    except OSError as exc:
        if exc.errno == 28:  # no space left: a failure of the machine, not of the input (exit 3)
            raise
        raise UserError(f"cannot use --out {path_problem(exc, out_dir)}") from None
    return out


@main.command()
@click.option("--source", required=True, metavar="SRC",
              help="Folder of members/consultations files (.jsonl/.csv/.parquet), a postgresql:// URL "
                   "(password in PGPASSWORD or ~/.pgpass), or with --mapping a board's mysql:// URL "
                   "(password in MYSQL_PWD or ~/.my.cnf) or CSV dump folder.")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Output folder: OUT/private (mode 700) and OUT/release/<run-id>, OUT/release/latest.")
@config_option
@mapping_option
@click.option("--as-of", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Reference date for retention and ages (default: today in Asia/Seoul).")
@click.option("--dask-address", default=None, metavar="tcp://HOST:PORT",
              help="Anonymise chunks on this Dask cluster (its workers need PREFECT_API_URL of a server).")
@click.option("--dask-workers", type=click.IntRange(0), default=0,
              help="Anonymise chunks on a local Dask cluster with this many worker processes.")
@click.option("--progress/--no-progress", default=True, help="Progress bars per stage on stderr.")
@click.option("--in-run-group", "in_run_group", is_flag=True, hidden=True,
              help="Internal: this process is the supervised run (flows/supervisor.py).")
def run(source: str, out_dir: Path, config: Path | None, mapping: Path | None, as_of, dask_address: str | None,
        dask_workers: int, progress: bool, in_run_group: bool) -> None:
    """Run the whole flow: ingest, eligibility, anonymise, build releases, leak check, promote.

    Exit status: 0 promoted, 1 blocked by the leak check (the previous release stays), 2 bad input
    or configuration, 3 the run failed or was interrupted (SIGTERM/SIGINT: nothing promoted).
    """
    from flows.sources import strip_password

    settings = _with_mapping(load_cli_settings(config, as_of.date() if as_of else None), mapping)
    spec = strip_password(source_spec(source))  # the password goes to PGPASSWORD, not into a child's argv
    open_source_or_fail(spec, settings)
    _check_key(settings, out_dir)
    _check_out(out_dir, settings)
    if not in_run_group:
        _supervise(spec, out_dir, config, settings.source.mapping, as_of, dask_address, dask_workers, progress)
    # The supervised run, not its supervisor, holds OUT's run lock: a flock belongs to the process that
    # took it, and the flow takes it again in this process.
    preflight(out_dir, settings)  # exit 2 while another run holds OUT, or for a key OUT was not built with
    _run_here(spec, out_dir, settings, dask_address, dask_workers, progress)


def _supervise(spec: str, out_dir: Path, config: Path | None, mapping: Path | None, as_of, dask_address: str | None,
               dask_workers: int, progress: bool) -> NoReturn:
    """Become the run's supervisor (flows/supervisor.py): this process is replaced by one that imports
    only the standard library, so the ~100 MiB this one loaded to check the input (click, pydantic,
    the source's readers) are not held for the whole run. The pid stays, so the operator's signals
    still reach it."""
    import json
    import os

    argv = [sys.executable, "-m", "flows.cli", "run", "--source", spec, "--out", str(out_dir),
            "--dask-workers", str(dask_workers), "--progress" if progress else "--no-progress", "--in-run-group"]
    if config:
        argv += ["--config", str(config.resolve())]
    if mapping:
        argv += ["--mapping", str(mapping)]
    if as_of:
        argv += ["--as-of", f"{as_of:%Y-%m-%d}"]
    if dask_address:
        argv += ["--dask-address", dask_address]
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, [sys.executable, "-m", "flows.supervisor", json.dumps(argv)], _run_environment())


def _run_environment() -> dict[str, str]:
    """The run's environment: the resource tracker cleans the semaphores of killed workers without a warning."""
    import os

    quiet = "ignore:resource_tracker:UserWarning"
    warnings = os.environ.get("PYTHONWARNINGS")
    return {**os.environ, "PYTHONWARNINGS": f"{warnings},{quiet}" if warnings else quiet}


def _run_here(spec: str, out_dir: Path, settings, dask_address: str | None, dask_workers: int,
              progress: bool) -> None:
    import signal

    from flows import progress as progress_bars
    from flows.log_redaction import quiet_console_tracebacks
    from flows.outcomes import RunInterrupted, outcome
    from flows.runner import run_pipeline

    def interrupted(signum, _frame):
        raise RunInterrupted(signum)

    # Inside the flow Prefect's own SIGTERM handler takes over (TerminationSignal); both end here.
    previous = {s: signal.signal(s, interrupted) for s in (signal.SIGTERM, signal.SIGHUP)}
    quiet_console_tracebacks()
    bars = progress_bars.show_progress() if progress else contextlib.nullcontext()
    try:
        with bars:
            result = run_pipeline(spec, out_dir, settings, dask_address=dask_address, dask_workers=dask_workers)
    except BaseException as exc:  # one masked line; the full trace is in Prefect's (masked) flow-run log
        code, line = outcome(exc, out_dir)
        click.echo(line, err=True)
        sys.exit(code)
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    release = Path(result["release_dir"])
    click.echo(f"run {result['run_id']}: promoted")
    click.echo(f"  release       {release}")
    click.echo(f"  latest        {result['latest']}")
    for name in sorted(release.iterdir()):
        click.echo(f"    {name.name}")
    click.echo(f"  private area  {Path(out_dir).resolve() / 'private'}  (staging, quarantine, key, watermark)")


@main.command()
@click.argument("input_path", metavar="IN.jsonl", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("output_path", metavar="OUT.jsonl", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--members", "members_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="members.jsonl, so each record's member values (address, guardian ...) join its deny list.")
@click.option("--explain", "explain_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the spans found per record (type, offsets, recognizer, score; never the text).")
@click.option("--form", "text_form", type=click.Choice(["strictest", "academic", "publishing"]), default="strictest",
              show_default=True, help="Which release's text to write: strictest (every quasi-identifier in the text "
                                      "removed, as faq), academic (generalised: 30대, 서울) or publishing (surrogates).")
@config_option
def redact(input_path: Path, output_path: Path, members_path: Path | None, explain_path: Path | None,
           text_form: str, config: Path | None) -> None:
    """Anonymise consultation records (the data steward's audit tool).

    Writes one JSON line per record: consultation_id unchanged, title/question/answer anonymised
    (personal data replaced; ages, dates, places, workplaces, schools, occupations and body
    measures as --form says), structured fields transformed by the field policy (unknown columns dropped).
    """
    from anonymise.keys import load_or_create_key
    from anonymise.redact_io import redact_file

    settings = load_cli_settings(config)
    # Outside a run there is no private work area: the key lives in the user's config folder.
    key_file = settings.anonymise.key_file or Path(click.get_app_dir("clinic-anon")) / "pseudonym.key"
    key = load_or_create_key(key_file, settings.anonymise.key_env)
    stats = redact_file(input_path, output_path, members_path=members_path, explain_path=explain_path,
                        settings=settings.anonymise, key=key, text_form=text_form)
    click.echo(f"{stats.records} records anonymised in {stats.seconds:.1f} s -> {output_path}")
    for entity, n in sorted(stats.spans_by_type.items(), key=lambda kv: -kv[1]):
        click.echo(f"  {entity:16s} {n}")


@main.command()
@click.option("--source", metavar="SRC", default=None,
              help="Read the personal values from this source instead of the run's accepted snapshot "
                   "(OUT/private/staging/accepted beside OUT/release/<run-id>).")
@click.argument("release_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@config_option
@mapping_option
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the findings (masked) as Markdown to this file.")
def check(source: str | None, release_dir: Path, config: Path | None, mapping: Path | None,
          report_path: Path | None) -> None:
    """Leak-check a release folder; exit 1 on any finding.

    Looks for every personal value of the source snapshot in every cell and report, identifiers of
    any kind in any text, words outside the released-text rule, columns outside each release's
    allow-list, k and cell-size violations, and key material. Findings show masked values only.
    """
    from flows.gate_stage import NoSnapshot, check_built_release

    settings = _with_mapping(load_cli_settings(config), mapping)
    src = open_source_or_fail(source_spec(source), settings) if source else None
    try:
        report = check_built_release(release_dir, settings, existing_key(settings, release_dir), src)
    except NoSnapshot as exc:
        raise UserError(str(exc)) from None
    text = report.to_markdown()
    if report_path:
        report_path.write_text(text)
    click.echo(text)
    sys.exit(0 if report.passed else 1)


def _parsed(chunk: list) -> list[dict]:
    """An unparseable line is quarantined, never released; its raw text is not a column value."""
    from flows.sources import UnparsedRow

    return [row for row in chunk if not isinstance(row, UnparsedRow)]


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
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "gnuboard5", "rhymix"]), default="jsonl",
              show_default=True, help="File format of members and consultations; gnuboard5 / rhymix: an SQL dump "
                                      "of a board holding them (load it into MariaDB, read it with mappings/*.toml).")
def sample(n: int, seed: int, out_dir: Path, fmt: str) -> None:
    """Write synthetic source data (members, consultations) and a gold file of every personal value.

    Only synthetic people: names, phones and numbers come from a seeded generator.
    """
    from data_samples.generator import generate

    if fmt in ("gnuboard5", "rhymix"):
        from data_samples.board_dump import generate_board_dump

        summary = generate_board_dump(out_dir, fmt, n_consultations=n, seed=seed)
    else:
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
@mapping_option
@click.option("--cron", default="0 2 * * *", show_default=True, help="Schedule (cron, Asia/Seoul).")
@click.option("--name", default="nightly", show_default=True, help="Deployment name.")
def deploy(source: str, out_dir: Path, config: Path | None, mapping: Path | None, cron: str, name: str) -> None:
    """Serve the flow on a schedule against a Prefect server (PREFECT_API_URL must point at it).

    Start a server with `prefect server start`, export PREFECT_API_URL, then run this command: it
    keeps running and starts a flow run at every tick of the schedule. For work pools and workers
    use `prefect deploy` with prefect.yaml instead.
    """
    import os

    from flows.pipeline import clinic_anon_flow
    from flows.prefect_runtime import set_quiet_offline_env
    from flows.sources import strip_password

    if not os.environ.get("PREFECT_API_URL"):
        raise UserError("PREFECT_API_URL is not set: start `prefect server start` and export its API URL")
    set_quiet_offline_env()
    settings = _with_mapping(load_cli_settings(config), mapping)
    spec = strip_password(source_spec(source))
    from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
    from prefect.schedules import Cron

    # The anonymise stage picks its process pool from settings_json (anonymise.workers) in the flow.
    # One run at a time: a tick while the last run is still going is cancelled (the next run covers
    # its changes); manual runs are kept apart by OUT's run lock.
    clinic_anon_flow.serve(name=name, schedules=[Cron(cron, timezone="Asia/Seoul")], limit=1,
                           global_limit=ConcurrencyLimitConfig(limit=1,
                                                              collision_strategy=ConcurrencyLimitStrategy.CANCEL_NEW),
                           parameters={"source": spec, "out": str(out_dir.resolve()), "settings_json": settings.model_dump_json()})


main.add_command(releases)
main.add_command(key)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
