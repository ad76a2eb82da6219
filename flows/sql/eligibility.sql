-- Eligibility of every accepted consultation under the clinics' terms (flows/eligibility.py runs it).
-- Views `members` and `consultations` read work.accepted/*.parquet; variables: as_of (DATE),
-- retention_years, min_age (INTEGER). The macro past_retention is also used for due_for_destruction.
-- Dates are taken in the session TimeZone (the clinic's).
--
-- exclusion_reason, one per record, first that applies:
--   deleted            the user deleted the consultation
--   withdrawn          the member withdrew (status, or any withdrawn_at)
--   unknown_member     member_id not among accepted members: we cannot know they did not withdraw
--   retention_expired  created_at + retention_years <= as_of (due on the anniversary itself)
-- aggregate_only (under_14), only for records not excluded: age at created_at below min_age, from the
-- member's birth_date, else the consultation's age; also when the consultation's own age says so,
-- or when no age is known but the member has a registered legal guardian (fail closed).
CREATE OR REPLACE TEMP MACRO past_retention(created_at) AS
    created_at::DATE + to_years(getvariable('retention_years')) <= getvariable('as_of');

WITH aged AS (
    SELECT
        c.*,
        m.member_id IS NOT NULL AS member_known,
        m.status = 'withdrawn' OR m.withdrawn_at IS NOT NULL AS member_withdrawn,
        coalesce(m.guardian_name, m.guardian_phone, m.guardian_rrn) IS NOT NULL AS has_guardian,
        CAST(coalesce(
            year(c.created_at::DATE) - year(m.birth_date)
                - CAST(strftime(c.created_at::DATE, '%m%d') < strftime(m.birth_date, '%m%d') AS INTEGER),
            c.age) AS SMALLINT) AS age_at_consultation
    FROM consultations AS c
    LEFT JOIN members AS m USING (member_id)
),
decided AS (
    SELECT
        *,
        CASE
            WHEN deleted THEN 'deleted'
            WHEN member_id IS NOT NULL AND member_withdrawn THEN 'withdrawn'
            WHEN member_id IS NOT NULL AND NOT member_known THEN 'unknown_member'
            WHEN past_retention(created_at) THEN 'retention_expired'
        END AS exclusion_reason
    FROM aged
)
SELECT
    * EXCLUDE (member_known, member_withdrawn, has_guardian, age_at_consultation),
    coalesce(exclusion_reason IS NULL AND (
        age_at_consultation < getvariable('min_age')
        OR age < getvariable('min_age')
        OR (age_at_consultation IS NULL AND has_guardian)
    ), false) AS aggregate_only,
    age_at_consultation
FROM decided
-- No ORDER BY: sorting the full rows (with their text) would hold them all in memory or spill;
-- row order is not meaningful, sort on consultation_id downstream if one is needed.
