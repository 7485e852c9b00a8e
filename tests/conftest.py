"""Shared test set-up.

- Qt runs offscreen (also set by `make test`).
- No test may reach the network: any socket connect fails, except to the
  loopback interface for tests marked ``loopback_network`` (e.g. a pack
  index served on 127.0.0.1). Unix sockets (Qt's single-instance server) are local.
- Every test gets its own data folder via CHATASSIST_DATA_DIR.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_LOOPBACK = ("127.0.0.1", "::1", "localhost")


class NetworkBlocked(AssertionError):
    pass


def _guard(allow_loopback: bool):  # type: ignore[no-untyped-def]
    def check(sock: socket.socket, address: object) -> None:
        if sock.family == getattr(socket, "AF_UNIX", None):
            return
        host = address[0] if isinstance(address, tuple) else address
        if allow_loopback and host in _LOOPBACK:
            return
        raise NetworkBlocked(f"test tried to connect to {address!r}: no network at run time")

    def connect(sock: socket.socket, address: object) -> None:
        check(sock, address)
        _real_connect(sock, address)  # type: ignore[arg-type]

    def connect_ex(sock: socket.socket, address: object) -> int:
        check(sock, address)
        return _real_connect_ex(sock, address)  # type: ignore[arg-type]

    return connect, connect_ex


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "loopback_network: allow connects to 127.0.0.1 only")


@pytest.fixture(autouse=True)
def no_network(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    allow = request.node.get_closest_marker("loopback_network") is not None
    connect, connect_ex = _guard(allow)
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "data"
    monkeypatch.setenv("CHATASSIST_DATA_DIR", str(path))
    yield path
