-- True counts of every advertiser table (cell_no: the published row order), before noise and suppression (TEMP: never stored).
-- Every eligible consultation is counted, members under 14 included. Unknown values are a
-- category of their own so each one-way table adds up to the total. Two-way tables are full
-- grids (zeros included): a missing cell would say "nobody" as clearly as a 0.
CREATE OR REPLACE TEMP TABLE cells_by_month_area AS
WITH grid AS (
    SELECT m.month, a.interested_area
    FROM (SELECT DISTINCT created_month AS month FROM staging) AS m
    CROSS JOIN (SELECT DISTINCT coalesce(interested_area, 'unknown') AS interested_area FROM staging) AS a
),
counts AS (
    SELECT created_month AS month, coalesce(interested_area, 'unknown') AS interested_area, count(*) AS n
    FROM staging GROUP BY ALL
)
SELECT row_number() OVER (ORDER BY g.month, g.interested_area) - 1 AS cell_no,
       g.month, g.interested_area, coalesce(c.n, 0) AS n
FROM grid AS g LEFT JOIN counts AS c USING (month, interested_area);

CREATE OR REPLACE TEMP TABLE cells_by_age_sex AS
WITH grid AS (
    SELECT b.age_band, s.sex
    FROM (SELECT DISTINCT coalesce(age_band, 'unknown') AS age_band FROM staging) AS b
    CROSS JOIN (SELECT DISTINCT coalesce(sex, 'unknown') AS sex FROM staging) AS s
),
counts AS (
    SELECT coalesce(age_band, 'unknown') AS age_band, coalesce(sex, 'unknown') AS sex, count(*) AS n
    FROM staging GROUP BY ALL
)
SELECT row_number() OVER (ORDER BY CASE WHEN g.age_band = 'unknown' THEN 999
                                        ELSE CAST(regexp_extract(g.age_band, '^[0-9]+') AS INTEGER) END, g.sex) - 1 AS cell_no,
       g.age_band, g.sex, coalesce(c.n, 0) AS n
FROM grid AS g LEFT JOIN counts AS c USING (age_band, sex);

CREATE OR REPLACE TEMP TABLE cells_by_region AS
SELECT row_number() OVER (ORDER BY count(*) DESC, coalesce(region, 'unknown')) - 1 AS cell_no,
       coalesce(region, 'unknown') AS region, count(*) AS n
FROM staging GROUP BY coalesce(region, 'unknown');

CREATE OR REPLACE TEMP TABLE cells_by_channel AS
SELECT row_number() OVER (ORDER BY count(*) DESC, coalesce(channel, 'unknown')) - 1 AS cell_no,
       coalesce(channel, 'unknown') AS channel, count(*) AS n
FROM staging GROUP BY coalesce(channel, 'unknown');

CREATE OR REPLACE TEMP TABLE cells_by_response_time AS
WITH bands(response_band, band_order) AS (
    VALUES ('under 1h', 1), ('1-6h', 2), ('6-24h', 3), ('1-3 days', 4), ('over 3 days', 5), ('unanswered', 6)
),
banded AS (
    SELECT CASE
               WHEN NOT coalesce(answered, false) OR response_hours IS NULL THEN 'unanswered'
               WHEN response_hours < 1 THEN 'under 1h'
               WHEN response_hours < 6 THEN '1-6h'
               WHEN response_hours < 24 THEN '6-24h'
               WHEN response_hours < 72 THEN '1-3 days'
               ELSE 'over 3 days'
           END AS response_band
    FROM staging
)
SELECT b.band_order - 1 AS cell_no, b.response_band, count(x.response_band) AS n
FROM bands AS b LEFT JOIN banded AS x USING (response_band)
GROUP BY b.response_band, b.band_order;

CREATE OR REPLACE TEMP TABLE true_totals AS
SELECT
    count(*)                                                          AS consultations,
    avg(CASE WHEN coalesce(answered, false) THEN 1.0 ELSE 0.0 END)    AS answered_share,
    median(response_hours) FILTER (WHERE answered)                    AS median_response_hours
FROM staging;
