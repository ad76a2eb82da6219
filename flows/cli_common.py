"""What every clinic-anon command shares: the one-line user error, loading the settings, the source and key options."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from flows.config import load_settings


class UserError(click.ClickException):
    """One clear error line and exit code 2, never a traceback (and never record content)."""

    exit_code = 2


def load_cli_settings(config: Path | None, as_of: date | None = None):
    """The settings and a readable field policy, or exit 2 with one line naming the key at fault."""
    from anonymise.policy import FieldPolicy
    from anonymise.strict_config import ConfigError
    from contract.records import contract_columns

    try:
        settings = load_settings(config, as_of=as_of)
        FieldPolicy.load(settings.anonymise.policy_file, contract_columns())
    except ConfigError as exc:  # the key and the nearest valid name, never a value
        raise UserError(f"invalid configuration: {exc}") from None
    except OSError as exc:
        raise UserError(f"invalid configuration: cannot read the field policy: {exc.strerror}") from None
    return settings


config_option = click.option("--config", "config", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                             help="TOML configuration file (see clinic-anon.example.toml).")


def source_spec(source: str) -> str:
    """A folder becomes an absolute path (workers may run elsewhere); URLs pass unchanged."""
    from flows.sources import is_database_url

    if is_database_url(source):
        return source
    try:
        return str(Path(source).resolve())
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop
        raise UserError(f"cannot read source: {path_problem(exc, source)}") from None


def path_problem(exc: BaseException, path) -> str:
    import errno

    if isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP:
        return f"{path}: symlink loop"
    return f"{path}: {getattr(exc, 'strerror', None) or type(exc).__name__}"


def open_source_or_fail(spec: str, settings):
    """Fail fast with one line (exit 2) when the source cannot be read at all."""
    from flows.sources import SourceError
    from flows.open_source import open_source

    try:
        return open_source(spec, settings.source)
    except SourceError as exc:
        raise UserError(f"cannot read source: {exc}") from None


def existing_key(settings, release_dir: Path) -> bytes | None:
    """The run's key (env, configured file, or OUT/private/keys beside OUT/release/<run>), never created here."""
    import os

    from anonymise.keys import load_or_create_key
    from flows.workarea import WorkArea

    key_file = settings.anonymise.key_file or WorkArea(release_dir.resolve().parent.parent).key_file
    if os.environ.get(settings.anonymise.key_env) or key_file.exists():
        return load_or_create_key(key_file, settings.anonymise.key_env)
    return None
