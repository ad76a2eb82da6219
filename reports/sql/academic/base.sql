-- Record-level rows allowed in academic research, with this release's own pseudonyms.
-- TEMP: the generalisation search (reports/kanonymity.py) reads it, consultations.sql publishes it.
CREATE OR REPLACE TEMP TABLE academic_base AS
SELECT
    pseudonym(getvariable('pseudonym_purpose'), pseudo_consultation_id) AS pseudo_id,
    pseudonym(getvariable('pseudonym_purpose'), pseudo_member_id)       AS pseudo_member_id,
    age_band,
    sex,
    region,
    interested_area,
    channel,
    language,
    created_month AS month,
    answered,
    response_hours,
    question,
    answer
FROM staging
WHERE record_level;
