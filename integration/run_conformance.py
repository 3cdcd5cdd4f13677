#!/usr/bin/python3
"""Conformance runner: replays the SQL case files in integration/cases/ against
a throwaway real PostgreSQL 15 and against litegres, and reports every case
whose answer differs.

    /usr/bin/python3 integration/run_conformance.py --litegres build/litegres \
        [--category NAME ...] [--client psycopg2|psql|all] [--against-postgres]

A case is one line of a case file (it may hold several statements: that is
one multi-statement simple Query). Lines of a file run in order on one
connection, in a database created fresh for that file. Two clients replay them:
  psycopg2  compares command tag, column names and type OIDs, rows as the raw
            text the server sent, and SQLSTATE (message text: warning only);
  psql      compares the aligned output and error lines users would see.
--against-postgres puts a second real PostgreSQL in litegres's place, which
validates the harness and the case files: everything must pass in that mode.

Use /usr/bin/python3: it is the interpreter Debian's python3-psycopg2 is for.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

import psycopg2
import psycopg2.extensions

import oracle

INTEGRATION_DIR = Path(__file__).resolve().parent
REPO_ROOT = INTEGRATION_DIR.parent
CASES_DIR = INTEGRATION_DIR / "cases"
CASE_TIMEOUT = 10  # seconds one case may take before the server counts as hung
PSQL_FILE_TIMEOUT = 30  # seconds for psql to replay one whole case file
PREVIEW_CHARS = 160
CLIENTS = ("psycopg2", "psql")
EXPECTED, ACTUAL = "postgres", "litegres"
KNOWN_GAP_MARKER = "-- known gap:"
HONOUR_KNOWN_GAPS = True  # off with --against-postgres

# Casts every type psycopg2 knows back to the text the server sent, so values
# are compared exactly as sent (types psycopg2 doesn't know are text already).
RAW_TEXT = psycopg2.extensions.new_type(
    tuple(psycopg2.extensions.string_types), "RAW_TEXT", lambda value, cursor: value)


@dataclass(frozen=True)
class Case:
    file: str
    line_no: int
    sql: str
    # Set by a "-- known gap: <reason>" line just above the case: litegres is
    # known to answer differently (listed in KNOWN_GAPS.md). Such a case must
    # still differ; once it matches, the marker has to go.
    known_gap: str | None = None

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line_no}"


def load_cases(path: Path) -> list[Case]:
    cases = []
    gap = None
    for line_no, raw in enumerate(path.read_text().splitlines(), start=1):
        line = raw.strip()
        if line.startswith(KNOWN_GAP_MARKER):
            gap = line[len(KNOWN_GAP_MARKER):].strip()
            continue
        if not line or line.startswith("--"):
            continue
        # Without the ';' psql would keep buffering and merge this case with
        # the next one.
        if not line.endswith(";"):
            sys.exit(f"{path.name}:{line_no}: a case must end with ';'")
        cases.append(Case(path.name, line_no, line, gap))
        gap = None
    return cases


def first_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[0] if lines else "(no message)"


def preview(value) -> str:
    text = repr(value)
    return text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS] + "..."


@dataclass
class Report:
    passed: int = 0
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    known_gaps: list[str] = field(default_factory=list)
    # Against a second PostgreSQL every case must match, gap or not.
    honour_gaps: bool = field(default_factory=lambda: HONOUR_KNOWN_GAPS)

    def record(self, case: Case, problems: list[str]) -> None:
        if case.known_gap and self.honour_gaps:
            if problems:
                self.known_gaps.append(f"  gap  {case.where}  {case.known_gap}")
            else:
                self.fail(case, [f"known gap now matches PostgreSQL: remove its marker ({case.known_gap})"])
        elif problems:
            self.fail(case, problems)
        else:
            self.passed += 1

    def fail(self, case: Case, problems: list[str]) -> None:
        details = "".join(f"\n       {p}" for p in problems)
        self.failures.append(f"  FAIL {case.where}  {case.sql[:PREVIEW_CHARS]}{details}")

    def warn(self, case: Case, message: str) -> None:
        self.warnings.append(f"  warn {case.where}  {message}")

    def add(self, other: "Report") -> None:
        self.passed += other.passed
        self.failures += other.failures
        self.warnings += other.warnings
        self.known_gaps += other.known_gaps


# ---------------------------------------------------------------- databases

def connect(dsn: dict):
    conn = psycopg2.connect(**dsn, connect_timeout=CASE_TIMEOUT)
    conn.autocommit = True
    psycopg2.extensions.register_type(RAW_TEXT, conn)
    return conn


def fresh_database(server, dbname: str, may_fall_back: bool) -> str:
    """Creates database dbname on server and returns the name to connect to.

    litegres may not support CREATE DATABASE yet; then (may_fall_back) the
    file runs in the postgres database of a server restarted on an empty data
    dir, which is just as clean."""
    try:
        conn = connect(server.dsn)
        try:
            conn.cursor().execute(f"CREATE DATABASE {dbname}")
        finally:
            conn.close()
        connect({**server.dsn, "dbname": dbname}).close()
        return dbname
    except psycopg2.Error as error:
        if not may_fall_back:
            raise
        print(f"note: {server.label}: CREATE DATABASE {dbname} failed ({first_line(str(error))}); "
              "using the postgres database of a restarted, emptied server")
        server.restart(fresh=True)
        return "postgres"


# ---------------------------------------------------------------- psycopg2

@dataclass(frozen=True)
class Outcome:
    status: str | None = None
    columns: tuple | None = None
    rows: tuple | None = None
    error_class: str | None = None
    sqlstate: str | None = None
    message: str | None = None


def execute(conn, sql: str) -> Outcome:
    try:
        cursor = conn.cursor()
        cursor.execute(sql)
        if cursor.description is None:
            return Outcome(status=cursor.statusmessage)
        rows = tuple(cursor.fetchall())
        return Outcome(status=cursor.statusmessage,
                       columns=tuple((c.name, comparable_type(conn, c.type_code)) for c in cursor.description),
                       rows=rows)
    except psycopg2.Error as error:
        # Client-side errors (e.g. "can't execute an empty query") have no
        # SQLSTATE; their text is then all there is to describe them.
        message = error.diag.message_primary if error.pgcode else str(error).strip()
        return Outcome(error_class=type(error).__name__, sqlstate=error.pgcode, message=message)


def comparable_type(conn, type_oid: int):
    """A built-in type by its OID (fixed in PostgreSQL); a user type (an enum,
    OID >= 16384) by its name, since each server numbers its own objects."""
    if type_oid < 16384:
        return type_oid
    cursor = conn.cursor()
    cursor.execute("SELECT format_type(%s, NULL)", (type_oid,))
    return cursor.fetchone()[0]


class Watchdog:
    """Kills the server if a case outlives `seconds`, so a hung server fails
    that case instead of hanging the whole run."""

    def __init__(self, server, seconds: float):
        self.fired = False
        self._server = server
        self._timer = threading.Timer(seconds, self._fire)

    def _fire(self) -> None:
        self.fired = True
        self._server.kill()

    def __enter__(self) -> "Watchdog":
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()
        # If it fired, let the kill finish before anyone restarts the server.
        self._timer.join()


class Session:
    """A psycopg2 connection to one database on one server; if the server dies
    or hangs, the case fails and the session restarts the server and
    reconnects so the remaining cases still run."""

    def __init__(self, server, dbname: str):
        self.server = server
        self.dbname = dbname
        self.conn = connect(self._dsn())

    def _dsn(self) -> dict:
        return {**self.server.dsn, "dbname": self.dbname}

    def run(self, sql: str) -> Outcome:
        if self.conn is None and not self._reconnect():
            return Outcome(error_class="ConnectionLost", message="cannot reconnect")
        with Watchdog(self.server, CASE_TIMEOUT) as watchdog:
            outcome = execute(self.conn, sql)
        if not watchdog.fired and not self.conn.closed:
            return outcome
        reason = (f"no answer within {CASE_TIMEOUT} s, server killed" if watchdog.fired
                  else f"connection lost: {first_line(outcome.message)}")
        # A crashed server may not be reaped yet when its socket closes, so a
        # failed reconnect, not alive(), is what says it is gone.
        if not (self.server.alive() and self._reconnect()):
            print(f"note: {self.server.label} is gone ({reason}); restarting it"
                  f"{format_log_tail(self.server)}")
            self.server.restart(fresh=False)
            self._reconnect()
        return Outcome(error_class="ConnectionLost", message=reason)

    def _reconnect(self) -> bool:
        try:
            self.conn = connect(self._dsn())
            return True
        except psycopg2.Error:
            self.conn = None
            return False

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()


def format_log_tail(server) -> str:
    tail = server.log_tail()
    return "; its log ends with:\n" + tail if tail.strip() else " (its log is empty)"


def compare_outcomes(expected: Outcome, actual: Outcome) -> tuple[list[str], list[str]]:
    """Returns (problems, warnings); a differing message text is only a warning."""
    if (expected.error_class, expected.sqlstate) != (actual.error_class, actual.sqlstate):
        return [f"error: {EXPECTED}={describe_error(expected)} "
                f"{ACTUAL}={describe_error(actual)}"], []
    problems = []
    for name in ("status", "columns"):
        want, got = getattr(expected, name), getattr(actual, name)
        if want != got:
            problems.append(f"{name}: {EXPECTED}={preview(want)} {ACTUAL}={preview(got)}")
    if expected.rows != actual.rows:
        problems.append(describe_row_difference(expected.rows, actual.rows))
    warnings = []
    if expected.message != actual.message:
        warnings.append(f"message ({expected.sqlstate}): {EXPECTED}={preview(expected.message)} "
                        f"{ACTUAL}={preview(actual.message)}")
    return problems, warnings


def describe_error(outcome: Outcome) -> str:
    if outcome.error_class is None:
        return f"no error ({outcome.status})"
    return f"{outcome.sqlstate or outcome.error_class} {preview(outcome.message)}"


def describe_row_difference(want: tuple | None, got: tuple | None) -> str:
    if want is None or got is None:
        return f"rows: {EXPECTED}={preview(want)} {ACTUAL}={preview(got)}"
    for index, (want_row, got_row) in enumerate(zip(want, got)):
        if want_row != got_row:
            return (f"row {index + 1} of {len(want)}/{len(got)}: "
                    f"{EXPECTED}={preview(want_row)} {ACTUAL}={preview(got_row)}")
    shorter, longer = (want, got) if len(want) < len(got) else (got, want)
    return (f"row count: {EXPECTED}={len(want)} {ACTUAL}={len(got)}; "
            f"first extra row {preview(longer[len(shorter)])}")


def run_psycopg2(cases: list[Case], expected: Session, actual: Session) -> Report:
    report = Report()
    for case in cases:
        problems, warnings = compare_outcomes(expected.run(case.sql), actual.run(case.sql))
        for warning in warnings:
            report.warn(case, warning)
        report.record(case, problems)
    return report


# ---------------------------------------------------------------- psql

def psql_binary() -> str:
    bundled = oracle.PG_BIN / "psql"
    return str(bundled) if bundled.exists() else shutil.which("psql") or "psql"


def case_marker(index: int) -> str:
    return f"---case {index}---"


MARKER_LINE = re.compile(r"---case (\d+)---")


def psql_script(cases: list[Case]) -> str:
    # A marker on both streams lets each stream be cut into per-case pieces
    # without relying on how psql interleaves (and buffers) stdout and stderr.
    lines = []
    for index, case in enumerate(cases):
        lines += [f"\\echo {case_marker(index)}", f"\\warn {case_marker(index)}", case.sql]
    return "\n".join(lines) + "\n"


def run_psql(dsn: dict, script: str) -> tuple[str, str, str | None]:
    """Returns (stdout, stderr, problem); problem says why psql stopped early."""
    command = [psql_binary(), "-X", "-q", "-v", "VERBOSITY=sqlstate", "-v", "ON_ERROR_STOP=0",
               "-h", dsn["host"], "-p", str(dsn["port"]), "-U", dsn["user"], "-d", dsn["dbname"]]
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=oracle.clean_env())
    try:
        stdout, stderr = process.communicate(script, timeout=PSQL_FILE_TIMEOUT)
        return stdout, stderr, None
    except subprocess.TimeoutExpired:
        process.kill()
        stdout, stderr = process.communicate()
        return stdout, stderr, f"psql timed out after {PSQL_FILE_TIMEOUT} s"


def split_by_case(text: str, count: int) -> list[list[str] | None]:
    """Per case, the lines between its marker and the next; None for cases
    psql never reached. Anything before the first marker (connection errors)
    is charged to the first case."""
    pieces: list[list[str] | None] = [None] * count
    preamble: list[str] = []
    current = preamble
    for line in text.splitlines():
        match = MARKER_LINE.fullmatch(line)
        if match and int(match.group(1)) < count:
            current = pieces[int(match.group(1))] = []
        else:
            current.append(line)
    if preamble:
        pieces[0] = preamble + (pieces[0] or [])
    return pieces


def describe_line_difference(stream: str, want: list[str] | None, got: list[str] | None) -> str:
    if want is None or got is None:
        return f"psql {stream}: {EXPECTED}={describe_piece(want)} {ACTUAL}={describe_piece(got)}"
    padding = max(len(want), len(got))
    want, got = want + [None] * (padding - len(want)), got + [None] * (padding - len(got))
    index = next(i for i in range(padding) if want[i] != got[i])
    return (f"psql {stream} line {index + 1}: "
            f"{EXPECTED}={describe_line(want[index])} {ACTUAL}={describe_line(got[index])}")


def describe_piece(lines: list[str] | None) -> str:
    return "(psql never got here)" if lines is None else preview("\n".join(lines))


def describe_line(line: str | None) -> str:
    return "(no more lines)" if line is None else preview(line)


def run_psql_file(cases: list[Case], expected_dsn: dict, actual_dsn: dict, actual_server) -> Report:
    report = Report()
    script = psql_script(cases)
    want_out, want_err, want_problem = run_psql(expected_dsn, script)
    got_out, got_err, got_problem = run_psql(actual_dsn, script)
    if want_problem:
        raise RuntimeError(f"{EXPECTED}: {want_problem} on {cases[0].file}")
    if got_problem:
        # psql hung, so the server probably did too.
        print(f"note: {ACTUAL}: {got_problem} on {cases[0].file}; restarting the server")
        actual_server.restart(fresh=False)
    streams = [("stdout", split_by_case(want_out, len(cases)), split_by_case(got_out, len(cases))),
               ("stderr", split_by_case(want_err, len(cases)), split_by_case(got_err, len(cases)))]
    reached = [any(got[index] is not None for _, _, got in streams) for index in range(len(cases))]
    # On a timeout the last case psql reached is the one that hung; its
    # output may look right only because there is none.
    hung = max((i for i, r in enumerate(reached) if r), default=0) if got_problem else None
    for index, case in enumerate(cases):
        if not reached[index]:
            problems = [f"psql on {ACTUAL} stopped before this case"]
        else:
            problems = [describe_line_difference(stream, want[index], got[index])
                        for stream, want, got in streams if want[index] != got[index]]
        if index == hung:
            problems.append(got_problem)
        report.record(case, problems)
    return report


# ---------------------------------------------------------------- main

def run_category(client: str, category: str, cases: list[Case], expected_server,
                 actual_server) -> Report:
    if not actual_server.alive():
        print(f"note: {ACTUAL} is not running (crashed in an earlier file?); restarting it"
              f"{format_log_tail(actual_server)}")
        actual_server.restart(fresh=False)
    dbname = f"conf_{category}" if client == "psycopg2" else f"conf_{category}_{client}"
    expected_db = fresh_database(expected_server, dbname, may_fall_back=False)
    actual_db = fresh_database(actual_server, dbname, may_fall_back=True)
    if client == "psql":
        return run_psql_file(cases, {**expected_server.dsn, "dbname": expected_db},
                             {**actual_server.dsn, "dbname": actual_db}, actual_server)
    expected, actual = Session(expected_server, expected_db), Session(actual_server, actual_db)
    try:
        return run_psycopg2(cases, expected, actual)
    finally:
        expected.close()
        actual.close()


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--litegres", type=Path,
                        default=Path(os.environ.get("LITEGRES", REPO_ROOT / "build" / "litegres")),
                        help="litegres binary (default: $LITEGRES or build/litegres in the repo)")
    parser.add_argument("--category", action="append",
                        help="run only cases/NAME.sql (repeatable; default: all files)")
    parser.add_argument("--client", choices=[*CLIENTS, "all"], default="all")
    parser.add_argument("--against-postgres", action="store_true",
                        help="compare against a second real PostgreSQL instead of litegres")
    return parser.parse_args()


def select_case_files(categories: list[str] | None) -> dict[str, list[Case]]:
    available = {path.stem: path for path in sorted(CASES_DIR.glob("*.sql"))}
    chosen = categories or list(available)
    unknown = [name for name in chosen if name not in available]
    if unknown:
        sys.exit(f"unknown category {', '.join(unknown)}; have: {', '.join(available)}")
    # The category becomes part of a database name.
    bad = [name for name in chosen if not re.fullmatch(r"[a-z0-9_]+", name)]
    if bad:
        sys.exit(f"case file names must be [a-z0-9_]+.sql: {', '.join(bad)}")
    return {name: load_cases(available[name]) for name in chosen}


def main() -> int:
    # Progress and notes should appear as they happen, also in CI logs.
    sys.stdout.reconfigure(line_buffering=True)
    args = parse_args()
    global HONOUR_KNOWN_GAPS
    HONOUR_KNOWN_GAPS = not args.against_postgres
    case_files = select_case_files(args.category)
    clients = CLIENTS if args.client == "all" else (args.client,)
    expected_server = oracle.PostgresServer(label=EXPECTED)
    actual_server = (oracle.PostgresServer(label=f"{ACTUAL} (second postgres)")
                     if args.against_postgres else oracle.LitegresServer(args.litegres))
    total = Report()
    try:
        # litegres first: if it cannot start, fail before paying for initdb.
        actual_server.start()
        expected_server.start()
        for client in clients:
            print(f"== {client} ==")
            for category, cases in case_files.items():
                report = run_category(client, category, cases, expected_server, actual_server)
                gaps = f", {len(report.known_gaps)} known gaps" if report.known_gaps else ""
                print(f"{category}: {report.passed} passed, {len(report.failures)} failed{gaps}")
                for line in report.failures + report.known_gaps + report.warnings:
                    print(line)
                total.add(report)
    except (RuntimeError, psycopg2.Error) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    finally:
        actual_server.stop()
        expected_server.stop()
    if total.known_gaps:
        print(f"{len(total.known_gaps)} cases are known gaps (see KNOWN_GAPS.md)")
    print(f"{total.passed} passed, {len(total.failures)} failed")
    return 1 if total.failures else 0


if __name__ == "__main__":
    sys.exit(main())
