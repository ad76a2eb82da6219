-- Published by_response_time: counts after optional DP noise and small-cell + complementary suppression
-- (protected_cells is computed by reports/build.py with reports/cell_suppression.py).
CREATE TABLE by_response_time AS
SELECT c.response_band,
       CAST(p.consultations AS BIGINT) AS consultations,
       p.suppressed
FROM cells_by_response_time AS c
JOIN protected_cells AS p USING (cell_no)
ORDER BY c.cell_no;
