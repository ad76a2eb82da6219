-- Answered record-level consultations: the material of FAQ entries. TEMP: only the clustered
-- results below are stored. row_id follows the pseudonym order, so it says nothing about time.
-- The question is cut down to its asking sentences (greetings, callers and call-backs dropped).
-- pseudo_consultation_id stays in this TEMP table only: reports/row_sources.py maps entries back to it.
CREATE OR REPLACE TEMP TABLE faq_source AS
SELECT
    row_number() OVER (ORDER BY pseudo_consultation_id) AS row_id,
    pseudo_consultation_id,
    interested_area,
    language,
    core_question(question) AS question,
    answer,
    created_month
FROM staging
WHERE record_level AND answered AND question IS NOT NULL AND answer IS NOT NULL;
