-- Answered record-level consultations for authors: surrogate text (pub_question/pub_answer),
-- year only, 10-year age bands, no region, no member link.
CREATE TABLE cases AS
SELECT
    pseudonym(getvariable('pseudonym_purpose'), pseudo_consultation_id) AS case_id,
    interested_area,
    CAST(left(created_month, 4) AS INTEGER)                             AS year,
    generalise_age(age_band, 1)                                         AS age_band,
    sex,
    pub_question                                                        AS question,
    pub_answer                                                          AS answer
FROM staging
WHERE record_level AND answered AND pub_question IS NOT NULL AND pub_answer IS NOT NULL
ORDER BY case_id;
