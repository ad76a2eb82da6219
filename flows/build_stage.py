"""The build stage: the four release databases from anonymised staging, in the release process
(flows/release_process.py), and what the manifest says of each."""
from __future__ import annotations

from pathlib import Path

from anonymise.keys import load_or_create_key
from flows.config import Settings
from flows.workarea import WorkArea, make_private_dir

ROW_SOURCES_DIR = "row_sources"


def row_sources_dir(work: WorkArea, run_id: str) -> Path:
    """Where the build writes the map from released rows to staging pseudonyms (private, mode 700)."""
    return make_private_dir(work.run_scratch(run_id) / ROW_SOURCES_DIR)


def build(out: str, release_dir: str, settings_json: str, run_info: dict, withheld: list[str] = ()) -> dict:
    """Build every release into ``release_dir`` (without the ``withheld`` staging pseudonyms): their summaries."""
    from reports.build import build_releases

    settings = Settings.model_validate_json(settings_json)
    work = WorkArea(Path(out))
    key = load_or_create_key(settings.anonymise.key_file or work.key_file, settings.anonymise.key_env)
    summaries = build_releases(work.anonymised, Path(release_dir), settings.releases, key, run_info,
                               dp_ledger=work.private / "dp_ledger.json",
                               row_sources=row_sources_dir(work, run_info["run_id"]), withheld=withheld)
    return {name: {"file": Path(s.path).name, "bytes": s.bytes, "tables": dict(s.tables), "info": dict(s.info)}
            for name, s in summaries.items()}
