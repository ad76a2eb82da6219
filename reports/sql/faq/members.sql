-- Each answered consultation with its cluster (faq_membership is computed by
-- reports/faq_clustering.py) and how much its answer says once placeholders are removed.
CREATE OR REPLACE TEMP TABLE faq_members AS
SELECT
    s.*,
    m.cluster_id,
    m.centrality,
    length(trim(regexp_replace(s.answer, '<[A-Z_]+>', '', 'g'))) AS informative_chars,
    count(*) OVER (PARTITION BY m.cluster_id) AS cluster_size
FROM faq_source AS s
JOIN faq_membership AS m USING (row_id);
