-- The coarser but complete variant: consultations and persons per combination of the five
-- quasi-identifiers at the cheapest levels that keep every column (getvariable('coarse_*'),
-- chosen by reports/kanonymity.py without its '*' levels), so a release too small for the
-- record-level table to show age, region or month still shows them coarsely. Counts only (no id,
-- no text, no other column), so a row of it cannot be joined to a row of consultations; a
-- combination of fewer than k persons is left out.
CREATE TABLE consultations_coarse AS
SELECT
    generalise_age(age_band, getvariable('coarse_age_band'))  AS age_band,
    generalise_sex(sex, getvariable('coarse_sex'))            AS sex,
    generalise_region(region, getvariable('coarse_region'))   AS region,
    interested_area,
    generalise_month(month, getvariable('coarse_month'))      AS period,
    CAST(count(*) AS INTEGER)                                 AS consultations,
    CAST(count(DISTINCT pseudo_person_id) AS INTEGER)         AS persons
FROM academic_base
GROUP BY ALL
HAVING count(DISTINCT pseudo_person_id) >= getvariable('k')
ORDER BY ALL;
