-- The anonymised staging Parquet, read in place. TEMP: nothing of it is stored in a release file
-- except what a release's own SQL selects. The file list (variable staging_glob) and the TEMP table
-- withheld are set by reports/build.py.
CREATE OR REPLACE TEMP VIEW staging AS
SELECT pseudo_consultation_id, pseudo_member_id, pseudo_person_id, record_level, sex, age_band, region,
       interested_area, channel, language, created_month, answered, response_hours,
       question, answer, academic_question, academic_answer, pub_question, pub_answer
FROM read_parquet(getvariable('staging_glob'))
-- Consultations the leak gate withheld from this run (anonymise.gate.withhold): in no release at all.
WHERE pseudo_consultation_id NOT IN (SELECT pseudo_consultation_id FROM withheld);
