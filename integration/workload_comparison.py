"""Shared by the driver and ORM workload runners: each workload is a command
that takes a postgresql:// URL, runs against a fresh database of a
throwaway PostgreSQL 15 and of litegres, and prints a transcript; the two
transcripts must be the same. Known gaps must keep differing (once one
matches, it fails), so the lists cannot go stale.
"""

import difflib
import subprocess
import sys
from pathlib import Path

import psycopg2

import oracle


def fresh_database(server, name: str) -> str:
    conn = psycopg2.connect(**server.dsn)
    conn.autocommit = True
    cur = conn.cursor()
    cur.execute(f"DROP DATABASE IF EXISTS {name}")
    cur.execute(f"CREATE DATABASE {name}")
    conn.close()
    return f"postgresql://postgres@127.0.0.1:{server.port}/{name}"


def transcript(command: list[str], dsn: str, cwd: Path, timeout: int) -> tuple[int, str]:
    argv = [part.replace("{dsn}", dsn) for part in command]
    try:
        # PYTHONDONTWRITEBYTECODE: no __pycache__ in the source tree.
        done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, cwd=cwd,
                              env={**oracle.clean_env(), "PYTHONDONTWRITEBYTECODE": "1"})
    except subprocess.TimeoutExpired:
        return -1, f"timed out after {timeout} s"
    return done.returncode, done.stdout + (f"\n[stderr]\n{done.stderr}" if done.returncode != 0 else "")


def compare(litegres_binary: Path, commands: dict[str, list[str]], names: list[str], known_gaps: dict[str, str],
            database_prefix: str, cwd: Path, timeout: int, diff_lines: int) -> int:
    """Runs each named workload against both servers; prints a line per
    workload and `N passed, N failed`; returns the exit status."""
    sys.stdout.reconfigure(line_buffering=True)
    postgres, litegres = oracle.PostgresServer(), oracle.LitegresServer(litegres_binary)
    passed = failed = 0
    try:
        litegres.start()
        postgres.start()
        for name in names:
            db = f"{database_prefix}{name}"
            want_rc, want = transcript(commands[name], fresh_database(postgres, db), cwd, timeout)
            got_rc, got = transcript(commands[name], fresh_database(litegres, db), cwd, timeout)
            matched = got_rc == want_rc and got == want
            if want_rc != 0:
                print(f"{name}: the workload fails against PostgreSQL itself:\n{want}")
                failed += 1
            elif name in known_gaps:
                if matched:
                    print(f"{name}: FAILED: known gap now matches PostgreSQL; remove it from KNOWN_GAPS")
                    failed += 1
                else:
                    print(f"{name}: known gap: {known_gaps[name]}")
                    passed += 1
            elif matched:
                print(f"{name}: passed ({len(want.splitlines())} transcript lines)")
                passed += 1
            else:
                print(f"{name}: FAILED")
                diff = difflib.unified_diff(want.splitlines(), got.splitlines(), "postgres", "litegres", lineterm="")
                print("\n".join(list(diff)[:diff_lines]))
                print(f"litegres log tail:\n{litegres.log_tail()}")
                failed += 1
    finally:
        litegres.stop()
        postgres.stop()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0
