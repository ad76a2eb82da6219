"""The anonymise stage's forkserver imports this first: the anonymiser's models, loaded once for all workers.

The stage's process pool (flows/stoppable_pool.py) forks its workers from a forkserver instead of
spawning each one. Importing this module in that server loads spaCy, Presidio's recognizers, Kiwi
and the vocabularies and warms them up on a synthetic record (anonymise.consultation_redaction.warm_up),
and the Arrow-to-Python conversion of a chunk's rows.
Every worker forked from it starts with all of that in pages it shares copy-on-write with the
others, instead of ~5 CPU-seconds and ~0.8 GB of its own. ``gc.freeze()`` moves what is loaded out
of the collector's reach, so collections in a worker do not write into (and so copy) the pages of
every shared object. Import it nowhere else: importing it is the loading.
"""
from __future__ import annotations

import gc

from flows.prefect_runtime import set_quiet_offline_env

set_quiet_offline_env()
try:
    from anonymise.consultation_redaction import warm_up
    from anonymise.policy import FieldPolicy
    from anonymise.settings import AnonymiseSettings
    from contract.records import contract_columns

    _settings = AnonymiseSettings()  # the models do not depend on settings; a worker's own Redactor costs ms
    warm_up(_settings, FieldPolicy.load(_settings.policy_file, contract_columns()))
    # A chunk's rows come out of Arrow with time-zone-aware timestamps, and converting those imports
    # pandas, pytz and dateutil on first use (~35 MB and 0.3 CPU-s): once here, not in every worker.
    import pyarrow as pa

    pa.table({"at": pa.array([0], pa.timestamp("us", tz="UTC"))}).to_pylist()
    # Loaded on first use otherwise, in each worker apart and for good: reading a chunk imports
    # pyarrow's dataset modules (~36 MB with their libraries), and phone numbers import the metadata
    # of each region they may belong to (~50 modules on the benchmark, more as a run goes on: all 254
    # are 1.7 MB, so all of them here keeps a worker from growing with the regions it meets).
    import phonenumbers
    import pyarrow.dataset  # noqa: F401 - the import is the loading

    phonenumbers.PhoneMetadata.load_all()
except Exception:  # noqa: BLE001 - a worker then loads the models itself and fails its chunk with the real error
    pass
gc.freeze()
