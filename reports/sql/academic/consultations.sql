-- The academic table: quasi-identifiers generalised to the levels chosen by the search, then
-- local suppression: a row whose equivalence class holds fewer than k distinct persons gets '*'
-- for age_band, sex, region and month (interested_area, the research subject, is kept); starred
-- rows of an area that still hold fewer than k persons together are dropped. k counts persons
-- (pseudo_person_id), not rows: one member asking five times is one person in a class.
-- academic_population (TEMP) is every row generalised but not suppressed: the journalist model's
-- population (reports/reidentification_risk.py). academic_released (TEMP) keeps the person id for
-- the risk measures; the published table drops it. Rows are ordered by pseudonym so the file's
-- order tells nothing about time or source order.
CREATE OR REPLACE TEMP TABLE academic_population AS
SELECT
    pseudo_id,
    pseudo_member_id,
    pseudo_person_id,
    generalise_age(age_band, getvariable('level_age_band'))    AS age_band,
    generalise_sex(sex, getvariable('level_sex'))              AS sex,
    generalise_region(region, getvariable('level_region'))     AS region,
    interested_area,
    channel,
    language,
    generalise_month(month, getvariable('level_month'))        AS month,
    answered,
    response_hours,
    question,
    answer
FROM academic_base;

CREATE OR REPLACE TEMP TABLE academic_released AS
WITH classed AS (
    SELECT *, count(DISTINCT pseudo_person_id) OVER (PARTITION BY age_band, sex, region, interested_area, month)
              AS class_persons
    FROM academic_population
),
suppressed AS (
    SELECT
        pseudo_id,
        pseudo_member_id,
        pseudo_person_id,
        CASE WHEN class_persons < getvariable('k') THEN '*' ELSE age_band END AS age_band,
        CASE WHEN class_persons < getvariable('k') THEN '*' ELSE sex END      AS sex,
        CASE WHEN class_persons < getvariable('k') THEN '*' ELSE region END   AS region,
        interested_area,
        channel,
        language,
        CASE WHEN class_persons < getvariable('k') THEN '*' ELSE month END    AS month,
        answered,
        response_hours,
        question,
        answer
    FROM classed
)
SELECT *
FROM suppressed
QUALIFY count(DISTINCT pseudo_person_id) OVER (PARTITION BY age_band, sex, region, interested_area, month)
        >= getvariable('k');

CREATE TABLE consultations AS
SELECT * EXCLUDE (pseudo_person_id) FROM academic_released ORDER BY pseudo_id;
