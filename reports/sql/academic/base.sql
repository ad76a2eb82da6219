-- Record-level rows allowed in academic research, with this release's own pseudonyms.
-- TEMP: the generalisation search (reports/kanonymity.py) reads it, consultations.sql publishes it.
CREATE OR REPLACE TEMP TABLE academic_base AS
SELECT
    pseudonym(getvariable('pseudonym_purpose'), pseudo_consultation_id) AS pseudo_id,
    pseudonym(getvariable('pseudonym_purpose'), pseudo_member_id)       AS pseudo_member_id,
    -- Whom k counts (a member, or a guest linked by phone/e-mail); never published.
    pseudonym(getvariable('pseudonym_purpose'), pseudo_person_id)       AS pseudo_person_id,
    age_band,
    sex,
    region,
    interested_area,
    channel,
    language,
    created_month AS month,
    answered,
    response_hours,
    academic_question AS question,  -- text quasi-identifiers as the academic release says
    academic_answer   AS answer
FROM staging
WHERE record_level;
