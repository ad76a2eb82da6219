-- Overall figures, one row per measure (released_totals: true values, or noisy/post-processed with DP).
CREATE TABLE totals AS
SELECT measure, value
FROM (
    UNPIVOT (SELECT CAST(consultations AS DOUBLE)         AS consultations,
                    CAST(answered_share AS DOUBLE)        AS answered_share,
                    CAST(median_response_hours AS DOUBLE) AS median_response_hours
             FROM released_totals)
    ON consultations, answered_share, median_response_hours
    INTO NAME measure VALUE value
);
