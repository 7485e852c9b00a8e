"""Screenshots of the sidebar and the editor for docs/ui.md and the README.

Runs the real window offscreen over the bundled phrasebooks (in a throw-away
data folder, so no user data is touched), pastes a customer message, waits
until every background job has finished and saves the window as PNG:

    .venv/bin/python bench/screenshots.py            # -> docs/screenshots/
    .venv/bin/python bench/screenshots.py --ui zh-Hans --only es
    .venv/bin/python bench/screenshots.py --ui zh-Hans --editor   # -> editor-zh-Hans.png

Translations use the language packs installed in the data folder; with none,
the sidebar shows which pack is missing (that is what the pictures show).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: file suffix -> (customer message, notes expanded)
MESSAGES: dict[str, tuple[str, bool]] = {
    "es": ("¿Dónde está mi pedido 48213? Lo pedí hace dos semanas y todavía no llega.", False),
    "ja": ("注文した商品がまだ届きません。注文番号は 48213 です。いつ届きますか？", False),
    "tl": ("Bakit po may bayad sa customs ang parcel ko?", True),
    "ar": ("لم يصل طلبي رقم 48213 بعد، متى سيصل؟", False),
    "th": ("พัสดุของฉันยังไม่มาเลยค่ะ เลขคำสั่งซื้อ 48213 ค่ะ", False),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--data-dir", help="data folder (default: a temporary one)")
    parser.add_argument("--ui", default="en", choices=("en", "zh-Hans"))
    parser.add_argument("--only", choices=sorted(MESSAGES), action="append")
    parser.add_argument("--editor", action="store_true", help="the editor instead of the sidebar")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from chatassist import paths
    from chatassist.app import App
    from chatassist.ui.backend import load_backend, load_translator
    from chatassist.ui.i18n import install_translators
    from chatassist.ui.pyside_guard import keep_singletons_alive
    from chatassist.ui.sidebar import Sidebar
    from chatassist.ui.worker import Worker

    keep_singletons_alive()
    qapp = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="chatassist-shots-") as tmp:
        app = App(paths.resolve(args.data_dir or tmp))
        app.paths.ensure()
        settings = app.settings
        settings.set("ui_language", args.ui)
        language, _translators = install_translators(qapp, args.ui)
        backend = load_backend(app)
        translator, problem = None, None
        try:
            translator = load_translator(app)
        except Exception as exc:  # shown in the window like in the app
            problem = exc
        pool = QThreadPool()
        args.out.mkdir(parents=True, exist_ok=True)
        suffix = "" if args.ui == "en" else f"-{args.ui}"
        if args.editor:
            _editor(app, Worker(pool), args.out / f"editor{suffix}.png")
            pool.waitForDone()
            app.close()
            return 0
        for code in args.only or sorted(MESSAGES):
            message, notes = MESSAGES[code]
            sidebar = Sidebar(
                settings, Worker(pool), data_dir=app.paths.data_dir, ui_language=language
            )
            sidebar.set_backend(backend)
            if translator is not None:
                sidebar.set_translator(translator)
            elif problem is not None:
                sidebar.translator_failed(problem)
            sidebar.resize(380, 900)
            sidebar.show()
            sidebar.message.set_text(message)
            _settle(qapp, sidebar)
            sidebar.message.notes_toggle.setChecked(notes)
            _settle(qapp, sidebar)
            target = args.out / f"sidebar-{code}{suffix}.png"
            sidebar.grab().save(str(target))
            print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
            pool.waitForDone()
            sidebar.deleteLater()
        app.close()
    return 0


def _editor(app: object, worker: object, target: Path) -> None:
    """The editor on the first entry of the order-status phrasebook."""
    from PySide6.QtWidgets import QTreeWidgetItemIterator

    from chatassist.ui.editor.launch import build_editor

    window = build_editor(app, worker)  # type: ignore[arg-type]
    window.resize(1200, 760)
    window.show()
    _settle(None, window)
    found = QTreeWidgetItemIterator(window.tree)
    while found.value() is not None:
        item = found.value()
        if item.childCount() == 0 and "order_status." in item.text(0):
            window.tree.setCurrentItem(item)
            break
        found += 1
    _settle(None, window)
    window.grab().save(str(target))
    print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
    window.close()


def _settle(qapp: object, sidebar: object, timeout: float = 30.0) -> None:
    """Let the debounce fire and every background job deliver."""
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    quiet_since = None
    while time.monotonic() < deadline:
        QApplication.processEvents()
        busy = sidebar.worker.pending > 0  # type: ignore[attr-defined]
        if busy:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since > 0.6:  # longer than the debounce
            return
        time.sleep(0.01)


if __name__ == "__main__":
    sys.exit(main())
