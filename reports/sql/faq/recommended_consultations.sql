-- Per area, for each of its getvariable('recommended_per_area') most frequent FAQ clusters, the real
-- question-answer pair with the most informative answer (a whole consultation, not a mix).
CREATE TABLE recommended_consultations AS
WITH ranked_clusters AS (
    SELECT cluster_id, interested_area,
           row_number() OVER (PARTITION BY interested_area ORDER BY count(*) DESC, cluster_id) AS rank
    FROM faq_members
    WHERE cluster_size >= getvariable('faq_min_consultations')
    GROUP BY cluster_id, interested_area
),
best AS (
    SELECT cluster_id,
           arg_max({'language': language, 'question': question, 'answer': answer},
                   (informative_chars, -row_id)) AS pair  -- ties: lowest row_id, deterministic
    FROM faq_members
    GROUP BY cluster_id
)
SELECT
    r.interested_area,
    CAST(r.rank AS INTEGER) AS rank,
    b.pair.language          AS language,
    b.pair.question          AS question,
    b.pair.answer            AS answer
FROM ranked_clusters AS r
JOIN best AS b USING (cluster_id)
WHERE r.rank <= getvariable('recommended_per_area')
ORDER BY r.interested_area, r.rank;
