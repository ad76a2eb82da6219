-- The private ε ledger as it stands after this release (empty when DP is off).
CREATE TABLE dp_budget_ledger AS
SELECT CAST(run_id AS VARCHAR)              AS run_id,
       CAST(released_at AS TIMESTAMP)       AS released_at,
       CAST(epsilon AS DOUBLE)              AS epsilon,
       CAST(mechanism AS VARCHAR)           AS mechanism,
       CAST(cumulative_epsilon AS DOUBLE)   AS cumulative_epsilon
FROM ledger_entries;
