-- Published by_month_area: counts after optional DP noise and small-cell + complementary suppression
-- (protected_cells is computed by reports/build.py with reports/cell_suppression.py).
CREATE TABLE by_month_area AS
SELECT c.month, c.interested_area,
       CAST(p.consultations AS BIGINT) AS consultations,
       p.suppressed
FROM cells_by_month_area AS c
JOIN protected_cells AS p USING (cell_no)
ORDER BY c.cell_no;
