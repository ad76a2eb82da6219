"""Configuration that refuses what it does not know, in one line that names the key.

A mistyped privacy setting must not fall back to a default without a word (``k_anonimity = 10``
leaving k at 5). Every configuration file of the project (settings, field policy, source
mappings) is read through this module:

- declare the file's shape as pydantic models deriving from ``StrictModel`` (unknown keys are
  errors) and read it with ``load_toml(path, Model)``, or validate a dict with
  ``validate(Model, data, where)``;
- a hand-written check calls ``unknown_key(where, key, valid)`` for a key it does not know;
- ``unknown_environment(prefix, Model, ...)`` finds ``PREFIX_*`` variables that name no field.

All of them raise ``ConfigError``, whose message is one line: where, which key, and the nearest
valid name (difflib). Values are never quoted: a value typed into the wrong key may be a secret.
It lives under ``anonymise/`` because the field policy (here) and the settings (``flows/``) both
use it, and ``anonymise`` may not import ``flows``.
"""
from __future__ import annotations

import difflib
import tomllib
import typing
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

M = TypeVar("M", bound=BaseModel)


class ConfigError(ValueError):
    """A configuration file or variable is wrong; the message is one line naming the key."""


class StrictModel(BaseModel):
    """A configuration section: every key must be a declared field."""

    model_config = ConfigDict(extra="forbid")


def nearest(name: str, valid: Iterable[str]) -> str | None:
    """The valid name closest to ``name`` (difflib), or None when nothing is close."""
    valid = list(valid)
    folded = {v.casefold(): v for v in valid}
    match = difflib.get_close_matches(name.casefold(), list(folded), n=1, cutoff=0.6)
    return folded[match[0]] if match else None


def did_you_mean(name: str, valid: Iterable[str]) -> str:
    guess = nearest(name, valid)
    return f" (did you mean {guess}?)" if guess else ""


def unknown_key(where: str, key: str, valid: Iterable[str], what: str = "key") -> ConfigError:
    """The error for ``key`` not being one of ``valid`` (raise it)."""
    return ConfigError(f"{where}: unknown {what} {key}{did_you_mean(key, valid)}")


def field_names(model: type[BaseModel], path: tuple[str | int, ...] = ()) -> list[str]:
    """The field names of the (nested) model section at ``path``; [] when there is none."""
    for part in path:
        if isinstance(part, int):
            continue  # an item of a list: its model is the list's, already entered
        field = model.model_fields.get(str(part))
        section = _model_of(field.annotation) if field else None
        if section is None:
            return []
        model = section
    return list(model.model_fields)


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The BaseModel behind ``X``, ``X | None`` or ``Optional[X]``."""
    candidates = typing.get_args(annotation) or (annotation,)
    for candidate in candidates:
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def one_line(error: ValidationError, model: type[BaseModel], where: str,
             spell: typing.Callable[[tuple], str] | None = None) -> str:
    """A pydantic ValidationError as one line: the first problem, its key, a suggestion, and a count.

    ``spell(loc)`` writes a location (default ``section.key``). The input is never quoted.
    """
    spell = spell or (lambda loc: ".".join(str(p) for p in loc))
    errors = error.errors(include_url=False, include_context=False)
    # A misspelt key usually explains the "missing" one beside it: name it first.
    errors.sort(key=lambda e: e["type"] != "extra_forbidden")
    first = errors[0]
    loc = tuple(first["loc"])
    if first["type"] == "extra_forbidden" and loc:
        what = "section" if isinstance(first.get("input"), Mapping) else "key"
        guess = nearest(str(loc[-1]), field_names(model, loc[:-1]))
        hint = f" (did you mean {spell((*loc[:-1], guess))}?)" if guess else ""
        text = f"{where}: unknown {what} {spell(loc)}{hint}"
    else:
        message = str(first["msg"]).removeprefix("Value error, ")
        text = f"{where}: {spell(loc) or 'top level'}: {message}"
    more = len(errors) - 1
    return text + (f" (and {more} more problem{'s' if more > 1 else ''})" if more else "")


def validate(model: type[M], data: Mapping[str, Any], where: str) -> M:
    """``model`` validated from ``data``, or ConfigError in one line."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(one_line(exc, model, where)) from None


def read_toml(path: Path, where: str | None = None) -> dict[str, Any]:
    """A TOML file as a dict, or ConfigError (unreadable, not UTF-8, bad syntax) in one line."""
    where = where or str(path)
    try:
        return tomllib.loads(Path(path).read_bytes().decode("utf-8"))
    except OSError as exc:
        raise ConfigError(f"{where}: cannot read: {exc.strerror or type(exc).__name__}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{where}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}: not valid TOML: {exc}") from None


def load_toml(path: Path, model: type[M], where: str | None = None) -> M:
    """Read and validate a TOML file against ``model`` (a StrictModel): ConfigError in one line."""
    where = where or str(path)
    return validate(model, read_toml(path, where), where)


def environment_names(prefix: str, model: type[BaseModel], delimiter: str = "__") -> set[str]:
    """Every variable name that sets a field of ``model`` (a section as a whole, or one key of it)."""
    names: set[str] = set()

    def walk(section: type[BaseModel], stem: str) -> None:
        for name, field in section.model_fields.items():
            full = f"{stem}{name}".upper()
            names.add(full)
            if (sub := _model_of(field.annotation)) is not None:
                walk(sub, full + delimiter)

    walk(model, prefix.upper())
    return names


def unknown_environment(prefix: str, model: type[BaseModel], environ: Mapping[str, str],
                        allowed: Iterable[str] = (), delimiter: str = "__") -> None:
    """Raise ConfigError for the first ``prefix*`` variable that is neither a field nor ``allowed``."""
    valid = environment_names(prefix, model, delimiter)
    known = valid | {a.upper() for a in allowed}
    for name in sorted(environ):
        if name.upper().startswith(prefix.upper()) and name.upper() not in known:
            raise unknown_key("environment", name.upper(), sorted(valid), what="variable")
