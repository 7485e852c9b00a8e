"""A real, throw-away PostgreSQL server for the team-library tests and benchmark.

Debian keeps the server binaries (initdb, pg_ctl) in /usr/lib/postgresql/N/bin,
not on PATH; initdb refuses to run as root, so as root the server runs as the
unprivileged ``postgres`` user (``runuser``). Data and socket live in a
temporary folder that user owns; the server listens on a free port of
127.0.0.1 only, with a UTF-8 locale (C.UTF-8) so pg_trgm indexes CJK and Thai.

Missing binaries fail loudly: scripts/system-deps.sh --test (make test) installs them, so a test
run never silently skips the team tests.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

SERVER_USER = "postgres"


class PgServerUnavailable(RuntimeError):
    pass


def find_bindir() -> Path:
    env = os.environ.get("CHATASSIST_PG_BINDIR")
    candidates = [env] if env else []
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(str(Path(os.path.realpath(on_path)).parent))
    for c in candidates:
        if c and (Path(c) / "initdb").exists() and (Path(c) / "pg_ctl").exists():
            return Path(c)
    raise PgServerUnavailable(
        "PostgreSQL server binaries (initdb, pg_ctl) not found in /usr/lib/postgresql/*/bin: "
        "run scripts/system-deps.sh --test (as root; make test does) to install Debian's postgresql package"
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    """initdb + pg_ctl start in a temporary folder; ``stop`` removes it all."""

    def __init__(self) -> None:
        self.bindir = find_bindir()
        self.as_root = os.geteuid() == 0
        self.root = Path(tempfile.mkdtemp(prefix="chatassist-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.superuser = "postgres"
        if self.as_root:
            entry = pwd.getpwnam(SERVER_USER)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        self.running = False
        self.tls: tuple[Path, Path] | None = None

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.as_root:
            cmd = ["runuser", "-u", SERVER_USER, "--", *cmd]
        env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=self.root)
        if check and done.returncode != 0:
            raise PgServerUnavailable(f"{' '.join(args[:2])} failed: {done.stderr or done.stdout}")
        return done

    def init(self) -> PgServer:
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            self.superuser,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        return self

    def enable_tls(self) -> Path:
        """Make a self-signed certificate for 127.0.0.1 (``openssl`` CLI) and have the
        server offer TLS once started; returns the certificate, a client's sslrootcert."""
        cert, key = self.root / "server.crt", self.root / "server.key"
        done = subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
             "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
             "-keyout", str(key), "-out", str(cert)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if done.returncode != 0:
            raise PgServerUnavailable(f"openssl req failed: {done.stderr}")
        key.chmod(0o600)  # the server refuses a key others can read
        if self.as_root:
            entry = pwd.getpwnam(SERVER_USER)
            for path in (cert, key):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        self.tls = (cert, key)
        return cert

    def start(self) -> PgServer:
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c full_page_writes=off"
        )
        if self.tls is not None:
            cert, key = self.tls
            options += f" -c ssl=on -c ssl_cert_file={cert} -c ssl_key_file={key}"
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.root / "server.log"),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start",
        )
        self.running = True
        return self

    def kill(self) -> None:
        """Stop at once, as a crash would (open connections break). Commits survive:
        fsync is off, but the WAL is in the OS cache and synchronous_commit is on."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)
        self.running = False

    def stop(self) -> None:
        if self.running:
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop", check=False)
            self.running = False

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, user: str | None = None, dbname: str = "postgres") -> str:
        return f"postgresql://{user or self.superuser}@127.0.0.1:{self.port}/{dbname}"

    def sql(self, statement: str, dbname: str = "postgres") -> None:
        """Run one statement as the superuser (autocommit: CREATE DATABASE works)."""
        import psycopg

        with psycopg.connect(self.url(dbname=dbname), autocommit=True) as conn:
            conn.execute(statement)  # type: ignore[arg-type]
