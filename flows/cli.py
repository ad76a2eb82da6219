"""clinic-anon: a thin click CLI over the library (flows/, anonymise/, reports/, data_samples/).

Imports of heavy modules (Presidio, Prefect) happen inside each command so `--help` stays fast.
"""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from flows.config import load_settings


class UserError(click.ClickException):
    """One clear error line and exit code 2, never a traceback (and never record content)."""


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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
