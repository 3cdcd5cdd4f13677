#!/usr/bin/python3
"""Point-select throughput: pgbench against litegres and against a real
PostgreSQL 15 on the same machine, in the same run, reported as ratios.

A table of N accounts (integer primary key) is loaded into both servers;
pgbench then runs `SELECT abalance FROM accounts WHERE aid = :aid` with a
random aid from C clients for T seconds, once per query protocol (simple,
extended, prepared). Each measurement is repeated R times and the median
TPS is reported; the machines are noisy, so compare only within one run.

    /usr/bin/python3 bench/point_select.py --litegres build/litegres [--rows 100000]
        [--clients 4] [--seconds 5] [--repeat 3]
"""

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg2

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "integration"))
import oracle  # noqa: E402

PGBENCH = "/usr/lib/postgresql/15/bin/pgbench"


def load(dsn: dict, rows: int) -> None:
    conn = psycopg2.connect(**dsn)
    conn.autocommit = False
    cur = conn.cursor()
    cur.execute("DROP TABLE IF EXISTS accounts")
    cur.execute("CREATE TABLE accounts (aid integer PRIMARY KEY, abalance integer NOT NULL, filler text)")
    batch = 1000
    for start in range(1, rows + 1, batch):
        values = ",".join(f"({aid}, {aid % 1000}, 'filler')" for aid in range(start, min(start + batch, rows + 1)))
        cur.execute(f"INSERT INTO accounts VALUES {values}")
    conn.commit()
    conn.close()


def pgbench(dsn: dict, script: Path, protocol: str, clients: int, seconds: int) -> float:
    threads = max(1, min(clients, 2))
    out = subprocess.run(
        [PGBENCH, "-n", "-h", dsn["host"], "-p", str(dsn["port"]), "-U", dsn["user"], "-M", protocol,
         "-c", str(clients), "-j", str(threads), "-T", str(seconds), "-f", str(script), dsn["dbname"]],
        capture_output=True, text=True, env=oracle.clean_env())
    match = re.search(r"tps = ([0-9.]+) \(without initial connection time\)", out.stdout)
    if out.returncode != 0 or match is None:
        raise RuntimeError(f"pgbench failed ({protocol}):\n{out.stdout}\n{out.stderr}")
    return float(match.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--litegres", type=Path, default=Path(__file__).resolve().parent.parent / "build" / "litegres")
    parser.add_argument("--rows", type=int, default=100000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "point_select.sql"
        script.write_text(f"\\set aid random(1, {args.rows})\nSELECT abalance FROM accounts WHERE aid = :aid;\n")
        postgres, litegres = oracle.PostgresServer(), oracle.LitegresServer(args.litegres)
        try:
            litegres.start()
            postgres.start()
            for server in (postgres, litegres):
                load(server.dsn, args.rows)
            print(f"point select, {args.rows} rows, {args.clients} clients, {args.seconds} s x {args.repeat}")
            print(f"{'protocol':<10} {'postgres tps':>14} {'litegres tps':>14} {'ratio':>7}")
            for protocol in ("simple", "extended", "prepared"):
                pg = statistics.median(pgbench(postgres.dsn, script, protocol, args.clients, args.seconds)
                                       for _ in range(args.repeat))
                lg = statistics.median(pgbench(litegres.dsn, script, protocol, args.clients, args.seconds)
                                       for _ in range(args.repeat))
                print(f"{protocol:<10} {pg:>14.0f} {lg:>14.0f} {lg / pg:>7.2f}")
        finally:
            litegres.stop()
            postgres.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
