"""Column contracts of the Parquet files that move between stages (all inside OUT/private).

The anonymised staging table is the only input of the release builders (reports/): it holds no
direct identifier. Identifiers are already keyed pseudonyms (``pseudo_*``, HMAC-SHA256 under the
run's key); the release builders derive a per-purpose pseudonym from them with the
``pseudonym(purpose, value)`` SQL function so that ids of different releases do not join.
"""
from __future__ import annotations

import pyarrow as pa

# One row per eligible consultation (record-level or aggregate-only).
ANONYMISED_CONSULTATIONS = pa.schema([
    ("pseudo_consultation_id", pa.string()),   # HMAC of consultation_id, never the raw id
    ("pseudo_member_id", pa.string()),         # HMAC of member_id; null for guests
    ("pseudo_person_id", pa.string()),         # whom k counts: the member, or a guest linked by phone/e-mail (HMAC)
    ("record_level", pa.bool_()),              # false: may only be counted in aggregates (under 14)
    ("sex", pa.string()),                      # F / M / null
    ("age", pa.int16()),                       # age in years at created_at (from birth_date or age); null if unknown
    ("age_band", pa.string()),                 # 5-year band '30-34'; '80+'; null if unknown
    ("region", pa.string()),                   # 시/도 (e.g. '서울', '경기') or country ('US', 'CN' ...); null if unknown
    ("interested_area", pa.string()),
    ("channel", pa.string()),
    ("language", pa.string()),                 # ko / en / zh / ja / null
    ("created_month", pa.string()),            # 'YYYY-MM'
    ("answered", pa.bool_()),
    ("response_hours", pa.float64()),          # answered_at - created_at in hours; null if unanswered
    # Placeholder-anonymised (<PERSON>, <PHONE> ...) with every text quasi-identifier treated as the strictest
    # release says (anonymise/policy.toml [text_quasi_identifiers]); faq reads these. Null when not record_level.
    ("title", pa.string()),
    ("question", pa.string()),
    ("answer", pa.string()),
    ("academic_title", pa.string()),           # placeholders, text quasi-identifiers as the academic release says
    ("academic_question", pa.string()),
    ("academic_answer", pa.string()),
    ("pub_title", pa.string()),                # surrogates for publishing (환자 A, 보호자 B / Patient A), its text QIs
    ("pub_question", pa.string()),
    ("pub_answer", pa.string()),
    ("pii_found", pa.string()),                # JSON object: entity type -> number of spans removed in this record
    ("content_fingerprint", pa.string()),      # keyed HMAC of the source row it was made from (change detection)
    ("qi_found", pa.string()),                 # JSON object: text quasi-identifier type -> spans found in this record
])
