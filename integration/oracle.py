"""Throwaway servers for the integration tests: a real PostgreSQL 15 (the oracle
whose answers are the expected ones) and the litegres binary under test.

Each server gets a free TCP port on 127.0.0.1 and a fresh temp dir, and is
stopped (and its dir removed) by stop(), at interpreter exit, and on SIGTERM,
so a test run never leaves processes behind.
"""

import atexit
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PG_BIN = Path("/usr/lib/postgresql/15/bin")
ORACLE_FALLBACK_USER = "litegres_oracle"
LOCALHOST = "127.0.0.1"
# Another process may grab the port between free_port() and the server's bind.
START_ATTEMPTS = 3


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOCALHOST, 0))
        return sock.getsockname()[1]


def port_accepts(port: int) -> bool:
    try:
        with socket.create_connection((LOCALHOST, port), timeout=0.5):
            return True
    except OSError:
        return False


def clean_env() -> dict:
    """The environment minus libpq/PostgreSQL variables that could redirect a
    client or server (PGHOST, PGDATA, ...) away from the throwaway instance."""
    return {k: v for k, v in os.environ.items() if not k.startswith("PG")}


def _terminate_on_sigterm() -> None:
    # The default SIGTERM action skips atexit; turning it into SystemExit lets
    # the cleanup handlers stop the servers.
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))


def _oracle_user() -> pwd.struct_passwd | None:
    """The unprivileged account PostgreSQL runs as when we are root (postgres
    refuses to run as root); None when we are not root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", ORACLE_FALLBACK_USER):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            pass
    subprocess.run(["useradd", "--system", "--no-create-home", ORACLE_FALLBACK_USER],
                   check=True, capture_output=True)
    return pwd.getpwnam(ORACLE_FALLBACK_USER)


class PostgresServer:
    """A PostgreSQL 15 cluster in a temp dir, trust auth, superuser postgres,
    UTC time zone so timestamptz output is deterministic."""

    def __init__(self, label: str = "postgres"):
        self.label = label
        self.port: int | None = None
        self._user: pwd.struct_passwd | None = None
        self._tmpdir: Path | None = None

    @property
    def dsn(self) -> dict:
        return {"host": LOCALHOST, "port": self.port, "user": "postgres", "dbname": "postgres"}

    def start(self) -> None:
        _terminate_on_sigterm()
        atexit.register(self.stop)
        self._user = _oracle_user()
        self._tmpdir = Path(tempfile.mkdtemp(prefix="litegres-oracle-pg-"))
        if self._user:
            os.chown(self._tmpdir, self._user.pw_uid, self._user.pw_gid)
        self._initdb()
        self._start_server()

    def stop(self) -> None:
        if self._tmpdir is None:
            return
        # Unconditional: a start that timed out may still have left a server.
        self._pg_ctl("stop", "-m", "immediate", check=False)
        self.port = None
        shutil.rmtree(self._tmpdir, ignore_errors=True)
        self._tmpdir = None

    def alive(self) -> bool:
        return self.port is not None and self._pg_ctl("status", check=False).returncode == 0

    def kill(self) -> None:
        self._pg_ctl("stop", "-m", "immediate", check=False)

    def restart(self, fresh: bool) -> None:
        """Restart on a new port; fresh=True also discards all data."""
        self._pg_ctl("stop", "-m", "immediate", check=False)
        self.port = None
        if fresh:
            shutil.rmtree(self._data_dir, ignore_errors=True)
            self._initdb()
        self._start_server()

    def log_tail(self, lines: int = 20) -> str:
        return _tail(self._tmpdir / "server.log", lines)

    @property
    def _data_dir(self) -> Path:
        return self._tmpdir / "data"

    def _run(self, cmd: list, check: bool = True) -> subprocess.CompletedProcess:
        if self._user:
            cmd = ["runuser", "-u", self._user.pw_name, "--", *cmd]
        # cwd: the unprivileged user may not be able to enter our cwd.
        result = subprocess.run([str(c) for c in cmd], cwd=self._tmpdir, env=clean_env(),
                                capture_output=True, text=True)
        if check and result.returncode != 0:
            raise RuntimeError(f"{self.label}: {' '.join(map(str, cmd))} failed "
                               f"(exit {result.returncode}):\n{result.stdout}{result.stderr}")
        return result

    def _pg_ctl(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return self._run([PG_BIN / "pg_ctl", "-D", self._data_dir, *args], check=check)

    def _initdb(self) -> None:
        base = [PG_BIN / "initdb", "-D", self._data_dir, "-A", "trust", "-U", "postgres",
                "--encoding=UTF8"]
        if self._run([*base, "--locale=C.UTF-8"], check=False).returncode != 0:
            shutil.rmtree(self._data_dir, ignore_errors=True)
            self._run([*base, "--no-locale"])

    def _start_server(self) -> None:
        for attempt in range(START_ATTEMPTS):
            port = free_port()
            options = (f"-p {port} -k {self._tmpdir} -c listen_addresses={LOCALHOST} "
                       "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                       "-c timezone=UTC")
            result = self._pg_ctl("-l", self._tmpdir / "server.log", "-o", options,
                                  "-w", "-t", "30", "start", check=False)
            if result.returncode == 0:
                self.port = port
                return
            if attempt == START_ATTEMPTS - 1:
                raise RuntimeError(f"{self.label}: pg_ctl start failed:\n{result.stdout}"
                                   f"{result.stderr}\n{self.log_tail()}")


class LitegresServer:
    """The litegres binary, started as
    `BINARY --host 127.0.0.1 --port PORT --data-dir DIR` and considered ready
    once its port accepts a TCP connection."""

    def __init__(self, binary: Path, ready_timeout: float = 15.0, label: str = "litegres"):
        self.label = label
        self.binary = Path(binary).resolve()
        self.ready_timeout = ready_timeout
        self.port: int | None = None
        self._process: subprocess.Popen | None = None
        self._tmpdir: Path | None = None

    @property
    def dsn(self) -> dict:
        return {"host": LOCALHOST, "port": self.port, "user": "postgres", "dbname": "postgres"}

    def start(self) -> None:
        if not os.access(self.binary, os.X_OK):
            raise RuntimeError(f"{self.label}: binary {self.binary} is missing or not executable")
        _terminate_on_sigterm()
        atexit.register(self.stop)
        self._tmpdir = Path(tempfile.mkdtemp(prefix="litegres-test-"))
        self._data_dir.mkdir()
        self._start_server()

    def stop(self) -> None:
        self.kill()
        if self._tmpdir is not None:
            shutil.rmtree(self._tmpdir, ignore_errors=True)
            self._tmpdir = None

    def alive(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def kill(self) -> None:
        if self._process is None:
            return
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._process = None
        self.port = None

    def restart(self, fresh: bool) -> None:
        """Restart on a new port; fresh=True also discards all data."""
        self.kill()
        if fresh:
            shutil.rmtree(self._data_dir, ignore_errors=True)
            self._data_dir.mkdir()
        self._start_server()

    def log_tail(self, lines: int = 20) -> str:
        return _tail(self._tmpdir / "server.log", lines)

    @property
    def _data_dir(self) -> Path:
        return self._tmpdir / "data"

    def _start_server(self) -> None:
        for attempt in range(START_ATTEMPTS):
            port = free_port()
            # A file, not a pipe: nobody drains a pipe while tests run, and a
            # full pipe would block the server.
            with open(self._tmpdir / "server.log", "ab") as log:
                self._process = subprocess.Popen(
                    [str(self.binary), "--host", LOCALHOST, "--port", str(port),
                     "--data-dir", str(self._data_dir)],
                    stdin=subprocess.DEVNULL, stdout=log, stderr=log, env=clean_env())
            if self._wait_ready(port):
                self.port = port
                return
            exit_code = self._process.poll()
            self.kill()
            if exit_code is None:
                raise RuntimeError(f"{self.label}: port {port} not accepting connections after "
                                   f"{self.ready_timeout:.0f} s; log:\n{self.log_tail()}")
            if attempt == START_ATTEMPTS - 1:
                raise RuntimeError(f"{self.label}: exited with code {exit_code} during "
                                   f"startup; log:\n{self.log_tail()}")

    def _wait_ready(self, port: int) -> bool:
        deadline = time.monotonic() + self.ready_timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                return False
            if port_accepts(port):
                return True
            time.sleep(0.05)
        return False


def _tail(path: Path, lines: int) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"
