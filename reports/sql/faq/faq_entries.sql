-- One FAQ entry per cluster of at least getvariable('faq_min_consultations') questions, ranked by frequency.
-- Ties (equal centrality, equally informative answers, languages as frequent) go to the lowest row_id or
-- the first language, so the same staging gives the same entries however the rows arrive.
-- The entries are made in a TEMP table with their cluster_id (reports/row_sources.py maps an entry
-- back to the consultations it shows), then published without it.
CREATE OR REPLACE TEMP TABLE faq_entry_rows AS
WITH languages AS (
    SELECT cluster_id, first(language ORDER BY n DESC, language) AS language
    FROM (SELECT cluster_id, language, count(*) AS n FROM faq_members WHERE language IS NOT NULL GROUP BY ALL)
    GROUP BY cluster_id
),
clusters AS (
    SELECT
        cluster_id,
        any_value(interested_area)                       AS interested_area,  -- one area per cluster
        any_value(l.language)                            AS language,
        arg_max(question, (centrality, -row_id))         AS question,
        arg_max(answer, (informative_chars, -row_id))    AS answer,
        CAST(count(*) AS INTEGER)                        AS n_consultations,
        min(created_month)                               AS first_month,
        max(created_month)                               AS last_month
    FROM faq_members
    LEFT JOIN languages AS l USING (cluster_id)
    WHERE cluster_size >= getvariable('faq_min_consultations')
    GROUP BY cluster_id
),
examples AS (
    SELECT cluster_id, list(question ORDER BY best_centrality DESC, question)[1:3] AS example_questions
    FROM (
        SELECT m.cluster_id, m.question, max(m.centrality) AS best_centrality
        FROM faq_members AS m
        JOIN clusters AS c ON c.cluster_id = m.cluster_id AND m.question <> c.question
        GROUP BY m.cluster_id, m.question
    )
    GROUP BY cluster_id
)
SELECT
    c.interested_area || '-' || lpad(CAST(row_number() OVER (
        PARTITION BY c.interested_area ORDER BY c.n_consultations DESC, c.question) AS VARCHAR), 4, '0') AS faq_id,
    c.interested_area,
    c.language,
    c.question,
    c.answer,
    c.n_consultations,
    coalesce(e.example_questions, []::VARCHAR[]) AS example_questions,
    c.first_month,
    c.last_month,
    korean_search_text(c.question || ' ' || c.answer) AS search_text,
    c.cluster_id
FROM clusters AS c
LEFT JOIN examples AS e USING (cluster_id);

CREATE TABLE faq_entries AS
SELECT faq_id, interested_area, language, question, answer, n_consultations, example_questions, first_month,
       last_month, search_text
FROM faq_entry_rows
ORDER BY n_consultations DESC, faq_id;
