-- The coarser but complete variant: for each quasi-identifier other than the area, consultations and
-- distinct persons per interested_area and value of it, at the finest level (getvariable('coarse_*'),
-- chosen in reports/build.py) that a release of this size can show without '*'. Two-way counts, so a
-- release too small for the record-level table to show age, region or month still shows each of them
-- per area; no id, no text, so no row of it joins to a row of consultations. A cell of fewer than k
-- persons is left out.
CREATE TABLE consultations_coarse AS
WITH cells AS (
    SELECT 'age_band' AS dimension, generalise_age(age_band, getvariable('coarse_age_band')) AS value,
           interested_area, pseudo_person_id FROM academic_base
    UNION ALL
    SELECT 'sex', generalise_sex(sex, getvariable('coarse_sex')), interested_area, pseudo_person_id FROM academic_base
    UNION ALL
    SELECT 'region', generalise_region(region, getvariable('coarse_region')), interested_area, pseudo_person_id
    FROM academic_base
    UNION ALL
    SELECT 'month', generalise_month(month, getvariable('coarse_month')), interested_area, pseudo_person_id
    FROM academic_base
)
SELECT dimension, value, interested_area,
       CAST(count(*) AS INTEGER) AS consultations, CAST(count(DISTINCT pseudo_person_id) AS INTEGER) AS persons
FROM cells
GROUP BY ALL
HAVING count(DISTINCT pseudo_person_id) >= getvariable('k')
ORDER BY dimension, interested_area, value;
