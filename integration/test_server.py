#!/usr/bin/python3
"""Runtime behaviour of the litegres binary that the conformance cases cannot
show: the data directory holds ordinary SQLite files, databases come and go as
files, hostile or vanishing clients end only their own session, writers queue
while readers go on, and SIGTERM shuts down cleanly.

    /usr/bin/python3 integration/test_server.py --litegres build/litegres
"""

import argparse
import os
import signal
import socket
import sqlite3
import struct
import subprocess
import sys
import threading
import time
import unittest
from pathlib import Path

import psycopg2
import psycopg2.errors

import oracle

BINARY: Path = Path()


def startup_packet(user: str = "postgres", database: str = "postgres") -> bytes:
    body = struct.pack("!i", 196608)
    for key, value in (("user", user), ("database", database)):
        body += key.encode() + b"\0" + value.encode() + b"\0"
    body += b"\0"
    return struct.pack("!i", len(body) + 4) + body


def query_message(sql: str) -> bytes:
    body = sql.encode() + b"\0"
    return b"Q" + struct.pack("!i", len(body) + 4) + body


_unread: dict[int, bytes] = {}  # bytes received past the last ReadyForQuery, per socket


def read_until_ready(sock: socket.socket, timeout: float = 5.0) -> list[tuple[bytes, bytes]]:
    """Reads backend messages up to and including ReadyForQuery."""
    sock.settimeout(timeout)
    buffer = _unread.pop(sock.fileno(), b"")
    messages = []
    while True:
        while len(buffer) >= 5:
            length = struct.unpack("!i", buffer[1:5])[0]
            if len(buffer) < length + 1:
                break
            messages.append((buffer[:1], buffer[5:length + 1]))
            buffer = buffer[length + 1:]
            if messages[-1][0] == b"Z":
                _unread[sock.fileno()] = buffer
                return messages
        chunk = sock.recv(65536)
        if not chunk:
            return messages
        buffer += chunk


class LitegresTestCase(unittest.TestCase):
    def setUp(self):
        self.server = oracle.LitegresServer(BINARY)
        self.server.start()

    def tearDown(self):
        self.server.stop()

    def connect(self, dbname: str = "postgres"):
        conn = psycopg2.connect(**{**self.server.dsn, "dbname": dbname})
        conn.autocommit = True
        return conn

    def data_dir(self) -> Path:
        return self.server._data_dir

    def raw_socket(self) -> socket.socket:
        return socket.create_connection(("127.0.0.1", self.server.port), timeout=5)


class StorageTest(LitegresTestCase):
    def test_tables_are_plain_sqlite_tables_under_their_own_names(self):
        conn = self.connect()
        cur = conn.cursor()
        cur.execute("CREATE TABLE inventory (id serial PRIMARY KEY, item text NOT NULL, qty integer)")
        cur.execute("INSERT INTO inventory (item, qty) VALUES ('bolt', 10), ('nut', 20)")
        conn.close()
        self.server.kill()  # SIGTERM: a clean shutdown checkpoints the WAL
        with sqlite3.connect(self.data_dir() / "postgres.db") as db:
            rows = db.execute("SELECT id, item, qty FROM inventory ORDER BY id").fetchall()
            declared = db.execute("SELECT type FROM pragma_table_info('inventory') WHERE name = 'qty'").fetchone()
        self.assertEqual(rows, [(1, "bolt", 10), (2, "nut", 20)])
        # SQLite spells the names it knows (INTEGER, TEXT) in capitals.
        self.assertEqual(declared[0].lower(), "integer")

    def test_create_and_drop_database_add_and_remove_a_file(self):
        conn = self.connect()
        conn.cursor().execute("CREATE DATABASE shop")
        self.assertTrue((self.data_dir() / "shop.db").exists())
        other = self.connect("shop")
        other.cursor().execute("CREATE TABLE t (x int)")
        other.close()
        # DROP DATABASE waits for the session that is still ending, as PostgreSQL does.
        conn.cursor().execute("DROP DATABASE shop")
        self.assertFalse((self.data_dir() / "shop.db").exists())
        conn.close()

    def test_connecting_to_a_missing_database_is_fatal_3D000(self):
        sock = self.raw_socket()
        sock.sendall(startup_packet(database="nosuchdb"))
        messages = read_until_ready(sock)
        self.assertEqual(messages[0][0], b"E")
        fields = messages[0][1]
        self.assertIn(b"SFATAL\0", fields)
        self.assertIn(b"C3D000\0", fields)
        self.assertIn(b'database "nosuchdb" does not exist', fields)
        self.assertEqual(sock.recv(1), b"")  # and the server closed the connection
        sock.close()


class TemporaryTableTest(LitegresTestCase):
    def temp_schemas(self, conn) -> int:
        cur = conn.cursor()
        cur.execute("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'pg_temp%'")
        return cur.fetchone()[0]

    def test_temporary_tables_are_private_to_their_session_and_dropped_when_it_ends(self):
        a, b = self.connect(), self.connect()
        a.cursor().execute("CREATE TABLE t (who text)")
        a.cursor().execute("INSERT INTO t VALUES ('public')")
        a.cursor().execute("CREATE TEMP TABLE t (who text)")
        a.cursor().execute("INSERT INTO t VALUES ('temp of a')")
        b.cursor().execute("CREATE TEMP TABLE t (who text)")
        b.cursor().execute("INSERT INTO t VALUES ('temp of b')")
        # The same text binds to each session's own table (the plan cache
        # keeps them apart).
        for conn, who in ((a, "temp of a"), (b, "temp of b"), (a, "temp of a")):
            cur = conn.cursor()
            cur.execute("SELECT who FROM t")
            self.assertEqual(cur.fetchall(), [(who,)])
        c = self.connect()
        cur = c.cursor()
        cur.execute("SELECT who FROM t")
        self.assertEqual(cur.fetchall(), [("public",)])
        self.assertEqual(self.temp_schemas(c), 2)
        a.close()
        b.close()
        time.sleep(0.3)  # the sessions end on the server
        # The next writer drops what the ended sessions left.
        cur.execute("INSERT INTO t VALUES ('again')")
        self.assertEqual(self.temp_schemas(c), 0)
        cur.execute("SELECT count(*) FROM pg_class WHERE relname = 't'")
        self.assertEqual(cur.fetchone(), (1,))
        c.close()

    def test_temporary_tables_left_by_a_crash_are_dropped_at_start(self):
        conn = self.connect()
        conn.cursor().execute("CREATE TEMP TABLE scratch (v int)")
        conn.cursor().execute("INSERT INTO scratch VALUES (1)")
        self.server._process.kill()  # SIGKILL: no clean shutdown
        self.server._process.wait()
        self.server._process = None
        self.server.restart(fresh=False)
        conn = self.connect()
        self.assertEqual(self.temp_schemas(conn), 0)
        cur = conn.cursor()
        cur.execute("SELECT count(*) FROM pg_class WHERE relname = 'scratch'")
        self.assertEqual(cur.fetchone(), (0,))
        conn.close()
        with sqlite3.connect(self.data_dir() / "postgres.db") as db:
            left = db.execute("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'pg_temp%'").fetchone()
        self.assertEqual(left, (0,))


class AdvisoryLockTest(LitegresTestCase):
    def test_advisory_locks_exclude_other_sessions_and_end_with_them(self):
        a, b = self.connect(), self.connect()
        ca, cb = a.cursor(), b.cursor()
        ca.execute("SELECT pg_advisory_lock(42)")
        cb.execute("SELECT pg_try_advisory_lock(42), pg_try_advisory_lock_shared(42)")
        self.assertEqual(cb.fetchone(), (False, False))
        # A blocking lock waits until the holder lets go.
        waited = []
        waiter = threading.Thread(target=lambda: (cb.execute("SELECT pg_advisory_lock(42)"), waited.append(True)))
        waiter.start()
        time.sleep(0.3)
        self.assertEqual(waited, [])
        ca.execute("SELECT pg_advisory_unlock(42)")
        waiter.join(timeout=5)
        self.assertEqual(waited, [True])
        # A transaction-level lock ends with its transaction; a session lock with its session.
        ca.execute("SELECT pg_try_advisory_xact_lock(43)")
        cb.execute("SELECT pg_try_advisory_lock(43)")
        self.assertEqual(cb.fetchone(), (True,))
        ca.execute("SELECT pg_try_advisory_lock(42)")
        self.assertEqual(ca.fetchone(), (False,))
        b.close()
        time.sleep(0.3)
        ca.execute("SELECT pg_try_advisory_lock(42)")
        self.assertEqual(ca.fetchone(), (True,))
        a.close()

    def test_a_waiting_advisory_lock_ends_with_statement_timeout(self):
        a, b = self.connect(), self.connect()
        a.cursor().execute("SELECT pg_advisory_lock(7)")
        cur = b.cursor()
        cur.execute("SET statement_timeout = '200ms'")
        with self.assertRaises(psycopg2.errors.QueryCanceled) as raised:
            cur.execute("SELECT pg_advisory_lock(7)")
        self.assertIn("statement timeout", str(raised.exception))
        cur.execute("SELECT 1")  # the session goes on
        a.close()
        b.close()


class HostileClientTest(LitegresTestCase):
    def test_garbage_ends_only_its_own_session(self):
        survivor = self.connect()
        for garbage in (b"\x00\x00\x00\x08\x12\x34\x56\x78", b"\xff" * 64, b"\x00\x00\x00\x01"):
            sock = self.raw_socket()
            sock.sendall(garbage)
            sock.settimeout(5)
            try:
                while sock.recv(4096):
                    pass
            except ConnectionResetError:
                pass
            sock.close()
        garbage_after_startup = self.raw_socket()
        garbage_after_startup.sendall(startup_packet())
        read_until_ready(garbage_after_startup)
        garbage_after_startup.sendall(b"Q\xff\xff\xff\xff")  # a length beyond any limit
        reply = read_until_ready(garbage_after_startup)
        self.assertEqual(reply[0][0], b"E")
        self.assertIn(b"C08P01\0", reply[0][1])
        garbage_after_startup.close()
        cur = survivor.cursor()
        cur.execute("SELECT 1 + 1")
        self.assertEqual(cur.fetchone(), (2,))
        self.assertTrue(self.server.alive())
        self.assertIn("invalid", self.server.log_tail(50))

    def test_messages_split_byte_by_byte_are_answered(self):
        sock = self.raw_socket()
        payload = startup_packet() + query_message("SELECT 40 + 2")
        for i in range(len(payload)):
            sock.sendall(payload[i:i + 1])
        read_until_ready(sock)  # startup's ReadyForQuery
        messages = read_until_ready(sock)
        types = [t for t, _ in messages]
        self.assertEqual(types, [b"T", b"D", b"C", b"Z"])
        self.assertTrue(messages[1][1].endswith(b"42"))
        sock.close()

    def test_a_client_vanishing_mid_transaction_loses_its_work_and_frees_the_writer(self):
        setup = self.connect()
        setup.cursor().execute("CREATE TABLE ledger (n int)")
        sock = self.raw_socket()
        sock.sendall(startup_packet())
        read_until_ready(sock)
        sock.sendall(query_message("BEGIN; INSERT INTO ledger VALUES (1)"))
        self.assertEqual(read_until_ready(sock)[-1], (b"Z", b"T"))
        sock.close()  # gone without COMMIT or Terminate
        cur = setup.cursor()
        cur.execute("INSERT INTO ledger VALUES (2)")  # would wait forever if the writer stayed taken
        cur.execute("SELECT n FROM ledger ORDER BY n")
        self.assertEqual(cur.fetchall(), [(2,)])


class ConcurrencyTest(LitegresTestCase):
    def test_writers_queue_while_readers_go_on(self):
        a = self.connect()
        a.cursor().execute("CREATE TABLE counter (n int)")
        a.cursor().execute("BEGIN; INSERT INTO counter VALUES (1)")
        b_done = threading.Event()

        def writer_b():
            b = self.connect()
            b.cursor().execute("INSERT INTO counter VALUES (2)")
            b.close()
            b_done.set()

        thread = threading.Thread(target=writer_b)
        thread.start()
        time.sleep(0.3)
        self.assertFalse(b_done.is_set(), "a second writer ran inside another's transaction")
        reader = self.connect()
        cur = reader.cursor()
        cur.execute("SELECT count(*) FROM counter")  # a reader is not blocked by the writer
        self.assertEqual(cur.fetchone(), (0,))
        a.cursor().execute("COMMIT")
        thread.join(timeout=5)
        self.assertTrue(b_done.is_set())
        cur.execute("SELECT n FROM counter ORDER BY n")
        self.assertEqual(cur.fetchall(), [(1,), (2,)])


class CancelTest(LitegresTestCase):
    def test_a_cancel_request_interrupts_the_running_statement_only(self):
        conn = self.connect()
        cur = conn.cursor()
        cur.execute("CREATE TABLE big (n int)")
        cur.execute("INSERT INTO big VALUES " + ",".join(f"({i})" for i in range(2000)))
        timer = threading.Timer(0.5, conn.cancel)
        timer.start()
        started = time.monotonic()
        with self.assertRaises(psycopg2.errors.QueryCanceled) as raised:
            cur.execute("SELECT count(*) FROM big a, big b, big c")  # 8e9 rows: minutes
        timer.join()
        self.assertEqual(raised.exception.pgcode, "57014")
        self.assertLess(time.monotonic() - started, 10)
        cur.execute("SELECT count(*) FROM big")  # the session goes on
        self.assertEqual(cur.fetchone(), (2000,))


    def test_statement_timeout_ends_a_long_statement(self):
        conn = self.connect()
        cur = conn.cursor()
        cur.execute("CREATE TABLE big (n int)")
        cur.execute("INSERT INTO big VALUES " + ",".join(f"({i})" for i in range(2000)))
        cur.execute("SET statement_timeout = '300ms'")
        started = time.monotonic()
        with self.assertRaises(psycopg2.errors.QueryCanceled) as raised:
            cur.execute("SELECT count(*) FROM big a, big b, big c")
        self.assertIn("statement timeout", str(raised.exception))
        self.assertLess(time.monotonic() - started, 5)
        cur.execute("SET statement_timeout = 0")
        cur.execute("SELECT count(*) FROM big")
        self.assertEqual(cur.fetchone(), (2000,))


class ShutdownTest(LitegresTestCase):
    def test_sigterm_tells_clients_and_keeps_committed_data(self):
        conn = self.connect()
        conn.cursor().execute("CREATE TABLE kept (v text)")
        conn.cursor().execute("INSERT INTO kept VALUES ('safe')")
        idle = self.raw_socket()
        idle.sendall(startup_packet())
        read_until_ready(idle)
        process = self.server._process
        process.send_signal(signal.SIGTERM)
        self.assertEqual(process.wait(timeout=10), 0)
        notice = read_until_ready(idle)
        self.assertEqual(notice[0][0], b"E")
        self.assertIn(b"C57P01\0", notice[0][1])
        idle.close()
        with sqlite3.connect(self.data_dir() / "postgres.db") as db:
            self.assertEqual(db.execute("SELECT v FROM kept").fetchall(), [("safe",)])
        self.assertFalse((self.data_dir() / "postgres.db-wal").exists()
                         and (self.data_dir() / "postgres.db-wal").stat().st_size > 0)


class PgbenchTest(LitegresTestCase):
    def test_pgbench_initializes_and_runs_its_default_transactions(self):
        """pgbench -i: DROP/CREATE with storage options, COPY FROM STDIN,
        VACUUM, ALTER TABLE ADD PRIMARY KEY; then the TPC-B-like script."""
        env = {**oracle.clean_env(), "PGHOST": "127.0.0.1", "PGPORT": str(self.server.port), "PGUSER": "postgres"}
        pgbench = "/usr/lib/postgresql/15/bin/pgbench"
        init = subprocess.run([pgbench, "-i", "-s", "1", "postgres"], env=env, capture_output=True, text=True,
                              timeout=120)
        self.assertEqual(init.returncode, 0, init.stderr)
        run = subprocess.run([pgbench, "-t", "50", "-c", "2", "postgres"], env=env, capture_output=True, text=True,
                             timeout=120)
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn("number of failed transactions: 0", run.stdout)
        cur = self.connect().cursor()
        cur.execute("SELECT count(*) FROM pgbench_accounts")
        self.assertEqual(cur.fetchone()[0], 100000)
        cur.execute("SELECT count(*) FROM pgbench_history")
        self.assertEqual(cur.fetchone()[0], 100)
        # Every transaction moved money around: the totals still agree.
        cur.execute("SELECT (SELECT sum(abalance) FROM pgbench_accounts) = (SELECT sum(delta) FROM pgbench_history)")
        self.assertTrue(cur.fetchone()[0])


class CommandLineTest(unittest.TestCase):
    def test_help_lists_every_option(self):
        out = subprocess.run([str(BINARY), "--help"], capture_output=True, text=True, check=True).stdout
        for flag in ("--host", "--port", "--data-dir", "--max-connections", "--workers", "--io-threads"):
            self.assertIn(flag, out)

    def test_environment_variables_set_the_port(self):
        port = oracle.free_port()
        with subprocess.Popen([str(BINARY), "--data-dir", str(Path(os.environ.get("TMPDIR", "/tmp")) /
                                                               f"litegres-env-{port}")],
                              env={**oracle.clean_env(), "LITEGRES_PORT": str(port)},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as process:
            try:
                deadline = time.monotonic() + 10
                while not oracle.port_accepts(port) and time.monotonic() < deadline:
                    time.sleep(0.05)
                self.assertTrue(oracle.port_accepts(port))
            finally:
                process.terminate()
                process.wait(timeout=10)
        subprocess.run(["rm", "-rf", f"/tmp/litegres-env-{port}"], check=False)


def main() -> int:
    global BINARY
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--litegres", type=Path, default=Path(__file__).resolve().parent.parent / "build" / "litegres")
    args, rest = parser.parse_known_args()
    BINARY = args.litegres.resolve()
    result = unittest.main(argv=[sys.argv[0], "-v"] + rest, exit=False).result
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
