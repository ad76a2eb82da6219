-- Published by_age_sex: counts after optional DP noise and small-cell + complementary suppression
-- (protected_cells is computed by reports/build.py with reports/cell_suppression.py).
CREATE TABLE by_age_sex AS
SELECT c.age_band, c.sex,
       CAST(p.consultations AS BIGINT) AS consultations,
       p.suppressed
FROM cells_by_age_sex AS c
JOIN protected_cells AS p USING (cell_no)
ORDER BY c.cell_no;
