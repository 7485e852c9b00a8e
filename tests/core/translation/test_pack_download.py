"""Downloading packs from an argos-style index served on 127.0.0.1."""

from __future__ import annotations

import http.server
import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from chatassist.core.translation import (
    DownloadCancelled,
    InvalidPackError,
    PackDownloadError,
    PackManager,
)
from translation_fixtures import TinyPacks

pytestmark = [pytest.mark.slow, pytest.mark.loopback_network]


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def served(tmp_path: Path, tiny_packs: TinyPacks) -> Iterator[str]:
    """An index with en->es (good), en->ja (link 404) and en->ko (not a pack)."""
    root = tmp_path / "www"
    root.mkdir()
    (root / "en_es.argosmodel").write_bytes(tiny_packs.get("en", "es").read_bytes())
    (root / "en_ko.argosmodel").write_bytes(b"not a zip" * 1000)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), lambda *a: _Handler(*a, directory=str(root))
    )
    base = f"http://127.0.0.1:{server.server_address[1]}"
    index = [
        {
            "from_code": f,
            "to_code": t,
            "package_version": "1.0",
            "argos_version": "1.0",
            "code": f"translate-{f}_{t}",
            "type": "translate",
            "links": [f"{base}/{f}_{t}.argosmodel"],
        }
        for f, t in (("en", "es"), ("en", "ja"), ("en", "ko"))
    ]
    (root / "index.json").write_text(json.dumps(index))
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"{base}/index.json"
    server.shutdown()
    server.server_close()


def test_download_installs_with_progress(served: str, packs_dir: Path) -> None:
    manager = PackManager(packs_dir, index_url=served)
    seen: list[tuple[int, int | None]] = []
    pack = manager.download("en", "es", progress=lambda done, total: seen.append((done, total)))
    assert (pack.from_code, pack.to_code) == ("en", "es") and manager.installed() == (pack,)
    size = seen[-1][0]
    assert seen[0] == (0, size) and all(total == size for _, total in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and len(seen) > 2
    assert sorted(p.name for p in packs_dir.iterdir()) == [".index.json", "translate-en_es"]
    assert [e.name for e in manager.cached_index() or []] == [
        "translate-en_es",
        "translate-en_ja",
        "translate-en_ko",
    ]


def test_cancel_leaves_nothing(served: str, packs_dir: Path) -> None:
    manager = PackManager(packs_dir, index_url=served)
    progress: list[int] = []
    with pytest.raises(DownloadCancelled):
        manager.download(
            "en",
            "es",
            progress=lambda d, t: progress.append(d),
            cancelled=lambda: len(progress) > 1,
        )
    assert manager.installed() == ()
    assert sorted(p.name for p in packs_dir.iterdir()) == [".index.json"]


def test_missing_link_and_bad_download_are_clear_errors(served: str, packs_dir: Path) -> None:
    manager = PackManager(packs_dir, index_url=served)
    with pytest.raises(PackDownloadError, match="HTTP 404"):
        manager.download("en", "ja")
    with pytest.raises(InvalidPackError, match="not a zip archive"):
        manager.download("en", "ko")
    with pytest.raises(
        PackDownloadError, match=r"no pack for zh-Hans→vi \(argos has no Vietnamese"
    ):
        manager.download("zh-Hans", "vi")
    assert sorted(p.name for p in packs_dir.iterdir()) == [".index.json"]


def test_offline_is_a_clear_error(packs_dir: Path) -> None:
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    manager = PackManager(packs_dir, index_url=f"http://127.0.0.1:{port}/index.json", timeout=5)
    with pytest.raises(PackDownloadError, match=r"cannot reach the pack index .* \(offline"):
        manager.download("en", "es")
    assert manager.installed() == () and manager.cached_index() is None
