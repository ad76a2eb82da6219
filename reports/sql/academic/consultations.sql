-- The academic table: quasi-identifiers generalised to the levels chosen by the search, then
-- local suppression: a row whose equivalence class is still smaller than k gets '*' for
-- age_band, sex, region and month (interested_area, the research subject, is kept); starred
-- rows of an area that are still fewer than k together are dropped. Rows are ordered by
-- pseudonym so the file's order tells nothing about time or source order.
CREATE TABLE consultations AS
WITH generalised AS (
    SELECT
        pseudo_id,
        pseudo_member_id,
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
    FROM academic_base
),
classed AS (
    SELECT *, count(*) OVER (PARTITION BY age_band, sex, region, interested_area, month) AS class_size
    FROM generalised
),
suppressed AS (
    SELECT
        pseudo_id,
        pseudo_member_id,
        CASE WHEN class_size < getvariable('k') THEN '*' ELSE age_band END AS age_band,
        CASE WHEN class_size < getvariable('k') THEN '*' ELSE sex END      AS sex,
        CASE WHEN class_size < getvariable('k') THEN '*' ELSE region END   AS region,
        interested_area,
        channel,
        language,
        CASE WHEN class_size < getvariable('k') THEN '*' ELSE month END    AS month,
        answered,
        response_hours,
        question,
        answer
    FROM classed
)
SELECT *
FROM suppressed
QUALIFY count(*) OVER (PARTITION BY age_band, sex, region, interested_area, month) >= getvariable('k')
ORDER BY pseudo_id;
