"""Fixtures for translation tests: a strict network guard and tiny language packs.

Import the fixtures into a conftest or test module (they are registered under
the names ``offline`` and ``tiny_packs``):
``from translation_fixtures import offline_fixture, tiny_packs_fixture  # noqa: F401``
(``tests/`` is on sys.path because tests/conftest.py lives there).

``block_network`` is written to be moved into the root conftest: unlike a plain
connect guard it also refuses DNS look-ups (argostranslate 1.10's first network
attempt at import is a name resolution, which a connect guard never sees) and it
records every attempt, so a library that swallows the error still fails the test.
"""

from __future__ import annotations

import importlib.util
import socket
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

_LOOPBACK = ("127.0.0.1", "::1", "localhost")


class NetworkAttempt(AssertionError):
    """Raised in place of a connection or DNS look-up during a guarded test."""


def block_network(monkeypatch: pytest.MonkeyPatch, *, allow_loopback: bool = False) -> list[str]:
    """Make every connect and DNS look-up raise NetworkAttempt (loopback optionally
    allowed; Unix sockets always are). Returns the list the attempts are recorded in."""
    attempts: list[str] = []
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def refuse(what: str) -> NetworkAttempt:
        attempts.append(what)
        return NetworkAttempt(f"network access during an offline test: {what}")

    def allowed(host: object) -> bool:
        return allow_loopback and host in _LOOPBACK

    def connect(sock: socket.socket, address: Any) -> None:
        host = address[0] if isinstance(address, tuple) else None
        if sock.family != getattr(socket, "AF_UNIX", None) and not allowed(host):
            raise refuse(f"connect {address!r}")
        real_connect(sock, address)

    def connect_ex(sock: socket.socket, address: Any) -> int:
        host = address[0] if isinstance(address, tuple) else None
        if sock.family != getattr(socket, "AF_UNIX", None) and not allowed(host):
            raise refuse(f"connect {address!r}")
        return real_connect_ex(sock, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if not allowed(host):
            raise refuse(f"DNS look-up {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        if not allowed(address[0]):
            raise refuse(f"create_connection {address!r}")
        return real_create_connection(address, *args, **kwargs)

    real_create_connection = socket.create_connection
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    return attempts


@pytest.fixture(name="offline")
def offline_fixture(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """No network at all, loopback included; fails the test if anything even tried."""
    attempts = block_network(monkeypatch)
    yield attempts
    assert attempts == [], f"network was attempted: {attempts}"


def _load_pack_builder() -> Any:
    name = "make_tiny_pack"
    if name not in sys.modules:
        path = Path(__file__).parent / "support" / "make_tiny_pack.py"
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@dataclass
class TinyPacks:
    """Builds tiny ``.argosmodel`` files once per test session (argos codes)."""

    folder: Path
    built: dict[tuple[Any, ...], Path] = field(default_factory=dict)

    def get(
        self,
        from_code: str,
        to_code: str,
        *,
        version: str = "1.0",
        seed: int = 0,
        stanza: bool = False,
    ) -> Path:
        key = (from_code, to_code, version, seed, stanza)
        if key not in self.built:
            builder = _load_pack_builder()
            self.built[key] = builder.build_tiny_pack(
                self.folder, from_code, to_code, version=version, seed=seed, with_stanza=stanza
            )
        return self.built[key]

    def folder_builder(self) -> Callable[..., Path]:
        """``build_pack_folder(folder, from, to, ...)`` for hand-made bad archives."""
        return _load_pack_builder().build_pack_folder  # type: ignore[no-any-return]


_SESSION_PACKS: dict[str, TinyPacks] = {}


@pytest.fixture(name="tiny_packs", scope="session")
def tiny_packs_fixture(tmp_path_factory: pytest.TempPathFactory) -> TinyPacks:
    # One builder per session even when several test modules import this fixture.
    base = str(tmp_path_factory.getbasetemp())
    if base not in _SESSION_PACKS:
        _SESSION_PACKS[base] = TinyPacks(tmp_path_factory.mktemp("tiny-packs"))
    return _SESSION_PACKS[base]
