"""Large libraries: import, first answer in a fresh process, per-message time, search.

The synthetic library is made as the issue-19 one was: the bundled
phrasebooks copied under new ids, one file per copy (78 entries in 5 files
give 10,062 entries in 645 files). The files are written as phrasebook YAML
and then, each in a fresh process like a user would run them:

- ``chatassist phrasebook import DIR`` into an empty data folder (wall time,
  CPU time and peak resident memory of the process);
- ``chatassist suggest TEXT``: the first answer of a fresh process, on that
  library, first without the persisted suggestion index (it builds it), then
  with it (best of 3; wall time, CPU time and peak resident memory);
- ``chatassist gui --check TEXT`` (Qt offscreen): the sidebar from launch to
  its first suggestions shown;
- the suggestion index update after an import that rewords 10 replies
  (checked equal to a whole build);

and in this process, on the same library:

- ``Assistant.analyze`` (detection + region + intents + ranking) on the
  customer messages of the intent dev set;
- ``PhrasebookLibrary.search`` on every prefix of a set of queries, as an
  agent types them (Latin, CJK, Thai, Hangul).

Usage: python bench/suggest_bench.py [--entries 10062 [50000 ...]] [--messages PATH]
       python bench/suggest_bench.py --data DATA_DIR [...]   (a library imported before)
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from chatassist.app import App
from chatassist.core.phrasebook.loader import load_files
from chatassist.core.phrasebook.writer import dump
from chatassist.paths import AppPaths, bundled_phrasebooks

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "intents" / "dev.tsv"
QUERIES = [
    "where is my order",
    "reembolso",
    "追跡番号",
    "退款",
    "ยังไม่ได้รับ",
    "배송",
    "coupon",
    "đơn hàng",
]
FIRST_MESSAGE = "¿Dónde está mi pedido 48213? Ya pasaron dos semanas"


def write_library(n: int, folder: Path) -> tuple[int, int]:
    """Copies of the bundled phrasebooks under new ids until there are ``n`` entries;
    returns (entries, files)."""
    base = [lb.phrasebook for lb in load_files([bundled_phrasebooks()])]
    folder.mkdir(parents=True, exist_ok=True)
    made, copy, files = 0, 0, 0
    while made < n:
        for book in base:
            if made >= n:
                break
            entries = tuple(replace(e, id=f"{e.id}.c{copy}") for e in book.entries[: n - made])
            made += len(entries)
            copied = replace(book, id=f"{book.id}.c{copy}", entries=entries)
            (folder / f"{copied.id}.yaml").write_text(dump(copied), encoding="utf-8")
            files += 1
        copy += 1
    return made, files


def run_cli(data_dir: Path, *args: str) -> tuple[float, float, float, str]:
    """(wall s, CPU s, peak RSS MB, stdout) of one fresh ``chatassist`` process; the
    child reports its own usage on exit (RUSAGE_CHILDREN would give the largest
    child so far)."""
    code = (
        "import atexit, resource, sys\n"
        "def report():\n"
        "    u = resource.getrusage(resource.RUSAGE_SELF)\n"
        "    sys.stderr.write(f'\\nBENCH-RUSAGE {u.ru_utime + u.ru_stime} {u.ru_maxrss}\\n')\n"
        "atexit.register(report)\n"
        "from chatassist.cli.main import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    t = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - t
    if done.returncode != 0:
        raise SystemExit(f"chatassist {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    line = [x for x in done.stderr.splitlines() if x.startswith("BENCH-RUSAGE ")][-1]
    _, cpu, maxrss_kb = line.split()
    return wall, float(cpu), int(maxrss_kb) / 1024, done.stdout


def run_gui(data_dir: Path) -> tuple[float, float, float] | None:
    """(wall s, CPU s, peak RSS MB) of ``chatassist gui --check``: the window, the
    library and the first suggestions for a message, then exit (Qt offscreen)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    code = (
        "import atexit, resource, sys\n"
        "def report():\n"
        "    u = resource.getrusage(resource.RUSAGE_SELF)\n"
        "    sys.stderr.write(f'\\nBENCH-RUSAGE {u.ru_utime + u.ru_stime} {u.ru_maxrss}\\n')\n"
        "atexit.register(report)\n"
        "from chatassist.cli.main import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    t = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, "--data-dir", str(data_dir), "gui", "--check", FIRST_MESSAGE],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    wall = time.perf_counter() - t
    lines = [x for x in done.stderr.splitlines() if x.startswith("BENCH-RUSAGE ")]
    if done.returncode != 0 or not lines:
        print(f"  (gui --check failed: {done.stdout.strip()[-300:]} {done.stderr.strip()[-300:]})")
        return None
    _, cpu, maxrss_kb = lines[-1].split()
    return wall, float(cpu), int(maxrss_kb) / 1024


MEMORY_AFTER_S = 45


def sidebar_memory(data_dir: Path) -> tuple[float, float] | None:
    """(VmRSS, VmHWM) in MB of ``chatassist gui`` (Qt offscreen) ``MEMORY_AFTER_S``
    seconds after launch, the library loaded; the process is then ended."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "chatassist", "--data-dir", str(data_dir), "gui"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(MEMORY_AFTER_S)
        fields = {}
        for line in Path(f"/proc/{proc.pid}/status").read_text().splitlines():
            name, _, value = line.partition(":")
            fields[name] = value.split()
        return int(fields["VmRSS"][0]) / 1024, int(fields["VmHWM"][0]) / 1024
    except (OSError, KeyError, IndexError, ValueError):
        return None
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def small_change(data_dir: Path, folder: Path) -> float:
    """Seconds to update the suggestion index after an import that rewords 10 replies
    (what the sidebar does in its worker after a save, a sync or another process's
    import); the update is checked against a whole build."""
    from chatassist.storage import suggestion_index

    app = App(AppPaths(data_dir))
    before = app.suggestion_index()
    lb = next(lb for lb in load_files([bundled_phrasebooks()]) if len(lb.phrasebook.entries) >= 10)
    book = lb.phrasebook
    mark = f" ({before.revision.number})"  # a new wording each run, also on a reused folder
    edited = tuple(
        replace(e, variants=tuple(replace(v, text=v.text + mark) for v in e.variants))
        if i < 10
        else e
        for i, e in enumerate(book.entries)
    )
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{book.id}.yaml").write_text(dump(replace(book, entries=edited)), encoding="utf-8")
    app.library.import_files([folder])
    t = time.perf_counter()
    updated = suggestion_index.update(app.database, before, app.cue_lexicon)
    took = time.perf_counter() - t
    whole = suggestion_index.build(app.database, app.cue_lexicon)
    if updated.cards != whole.cards or updated.revision != whole.revision:
        raise SystemExit("the updated index differs from a whole build")
    app.close()
    return took


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=100)[94]


def bench(n: int, messages: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        entries, files = write_library(n, root / "library")
        mb = sum(p.stat().st_size for p in (root / "library").iterdir()) / 1e6
        data = root / "data"
        run_cli(data, "phrasebook", "list")  # first use: database + bundled phrasebooks
        wall, cpu, rss, _ = run_cli(data, "phrasebook", "import", str(root / "library"))
        print(
            f"{entries} entries in {files} files ({mb:.0f} MB of YAML): "
            f"`phrasebook import` {wall:.1f} s wall, {cpu:.1f} s CPU, peak RSS {rss:.0f} MB"
        )
        start_up(data, messages, root / "edit")


def load_text() -> str:
    return f"load average {os.getloadavg()[0]:.1f}"


def start_up(data: Path, messages: list[str], edit_folder: Path) -> None:
    """Everything after the import, on the library in the data folder ``data``."""
    (data / "cache" / "suggestion-index.bin").unlink(missing_ok=True)
    wall, cpu, rss, _ = run_cli(data, "suggest", FIRST_MESSAGE)
    print(
        f"  fresh `chatassist suggest TEXT`, no persisted index (builds and saves it): "
        f"{wall:.1f} s wall, {cpu:.1f} s CPU, peak RSS {rss:.0f} MB ({load_text()})"
    )
    runs = [run_cli(data, "suggest", FIRST_MESSAGE) for _ in range(5)]
    print(
        "  fresh `chatassist suggest TEXT` (first answer, index persisted; 5 runs): "
        + ", ".join(f"{w:.2f}" for w, *_ in runs)
        + " s wall; "
        + ", ".join(f"{c:.2f}" for _, c, *_ in runs)
        + f" s CPU; peak RSS {max(r for *_, r, _ in runs):.0f} MB ({load_text()})"
    )
    guis = [g for g in (run_gui(data) for _ in range(3)) if g is not None]
    if guis:
        print(
            "  sidebar `chatassist gui --check TEXT` (offscreen; launch to first "
            "suggestions shown; 3 runs): "
            + ", ".join(f"{w:.2f}" for w, _, _ in guis)
            + " s wall; "
            + ", ".join(f"{c:.2f}" for _, c, _ in guis)
            + f" s CPU; peak RSS {max(r for _, _, r in guis):.0f} MB ({load_text()})"
        )
    memory = sidebar_memory(data)
    if memory is not None:
        print(
            f"  sidebar resident memory, library loaded (`chatassist gui`, offscreen, "
            f"after {MEMORY_AFTER_S} s): VmRSS {memory[0]:.0f} MB, peak {memory[1]:.0f} MB"
        )
    update_s = small_change(data, edit_folder)
    print(f"  index update after an import changing 10 entries: {update_s:.2f} s")
    app = App(AppPaths(data))
    t = time.perf_counter()
    assistant = app.build_assistant()
    app.detector.warm_up()
    build_s = time.perf_counter() - t
    for m in messages[:20]:
        assistant.analyze(m)  # warm caches
    analyze: list[float] = []
    for _ in range(3):
        for m in messages:
            t = time.perf_counter()
            assistant.analyze(m)
            analyze.append((time.perf_counter() - t) * 1000)
    search: list[float] = []
    for _ in range(3):
        for q in QUERIES:
            for i in range(1, len(q) + 1):
                t = time.perf_counter()
                app.library.search(q[:i], limit=20)
                search.append((time.perf_counter() - t) * 1000)
    app.close()
    rss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"  pipeline build + detector warm-up in-process: {build_s:.1f} s (peak RSS {rss_self:.0f} MB)"
    )
    print(
        f"  message -> ranked suggestions: p50 {statistics.median(analyze):.2f} ms, "
        f"p95 {p95(analyze):.2f} ms ({len(analyze)} calls)"
    )
    print(
        f"  search-as-you-type: p50 {statistics.median(search):.2f} ms, "
        f"p95 {p95(search):.2f} ms ({len(search)} calls)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, nargs="+", default=[10_062])
    parser.add_argument("--messages", type=Path, default=DEV)
    parser.add_argument(
        "--data",
        type=Path,
        nargs="+",
        default=[],
        help="data folders already holding a large library: measure the start-up, "
        "memory, update, per-message and search figures on them (no import)",
    )
    args = parser.parse_args()
    messages = [
        line.split("\t", 2)[2]
        for line in args.messages.read_text(encoding="utf-8").splitlines()[1:]
    ]
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    if args.data:
        for data in args.data:
            with sqlite3.connect(
                f"{(data / 'chatassist.sqlite3').as_uri()}?mode=ro", uri=True
            ) as db:
                (entries,) = db.execute("SELECT count(*) FROM entry").fetchone()
            print(f"{data}: {entries} entries ({load_text()})")
            with tempfile.TemporaryDirectory() as tmp:
                start_up(data, messages, Path(tmp) / "edit")
        return 0
    for n in args.entries:
        bench(n, messages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
