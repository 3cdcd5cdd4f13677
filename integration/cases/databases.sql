-- CREATE DATABASE / DROP DATABASE: success, IF EXISTS, the errors for an
-- existing or missing name, and the refusal inside a transaction block. Each
-- run leaves no extra database behind, so the file can run once per client.

CREATE DATABASE conf_extra_db;
CREATE DATABASE conf_extra_db;
CREATE DATABASE postgres;
DROP DATABASE conf_extra_db;
DROP DATABASE conf_extra_db;
DROP DATABASE IF EXISTS conf_missing_db;
DROP DATABASE conf_missing_db;
CREATE DATABASE conf_extra_db;
DROP DATABASE IF EXISTS conf_extra_db;
BEGIN;
CREATE DATABASE conf_txn_db;
ROLLBACK;
BEGIN;
DROP DATABASE IF EXISTS conf_missing_db;
ROLLBACK;
CREATE DATABASE conf_multi_db; SELECT 1;
DROP DATABASE IF EXISTS conf_multi_db;
DROP DATABASE IF EXISTS conf_txn_db;
