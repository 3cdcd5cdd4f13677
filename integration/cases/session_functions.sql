-- Session functions: advisory locks (session and transaction level, shared,
-- two-key form, re-entrant), pg_backend_pid(), pg_sleep() and its statement_timeout.

SELECT pg_advisory_lock(1), pg_try_advisory_lock(1), pg_advisory_unlock(1), pg_advisory_unlock(1);
SELECT pg_try_advisory_lock(5, 6), pg_advisory_unlock(5, 6);
SELECT pg_advisory_lock_shared(2), pg_try_advisory_lock(2), pg_advisory_unlock_shared(2);
SELECT pg_try_advisory_xact_lock(3), pg_advisory_xact_lock(4);
SELECT pg_advisory_unlock_all();
SELECT pg_backend_pid() > 0, pg_typeof(pg_backend_pid());
SELECT pg_sleep(0.01), pg_sleep(0);
SELECT pg_advisory_lock(9) IS NOT NULL, pg_advisory_unlock(9);
SET statement_timeout = '100ms';
SELECT pg_sleep(1);
RESET statement_timeout;
