"""The language packs dialog: the installed packs (pair, version, size) and broken
folders; install from a file, download from the argos index, remove.

Every pack operation (listing included) runs in the worker; results come back to
this dialog, and a result that is no longer the latest is dropped. The translation
service hears about each changed pack from the PackManager itself, so a replaced
pack is used without restarting; the dialog only refreshes its own list.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chatassist.core.languages import CUSTOMER_LANGUAGES
from chatassist.core.translation import selftest
from chatassist.core.translation.codes import customer_code
from chatassist.core.translation.errors import DownloadCancelled, PackError
from chatassist.core.translation.model import InstalledPack
from chatassist.core.translation.pack_licence import NOT_STATED, readme_licence
from chatassist.core.translation.packs import PackManager, PackScan
from chatassist.core.translation.selftest import PackResult, SelftestReport
from chatassist.ui import names
from chatassist.ui.widgets import wrapped_label
from chatassist.ui.worker import Worker

T = TypeVar("T")
_PAIR_ROLE = Qt.ItemDataRole.UserRole


def _language(argos_code: str) -> str:
    code = customer_code(argos_code)
    return names.language_name(code) if code else argos_code


def _one_line(exc: Exception) -> str:
    """The error's message as one line (PackError messages already are)."""
    lines = str(exc).strip().splitlines()
    if isinstance(exc, PackError) and lines:
        return lines[0]
    return f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__


def _size(size_bytes: int) -> str:
    if size_bytes >= 1 << 20:
        return f"{size_bytes / (1 << 20):.1f} MB"
    return f"{max(1, round(size_bytes / 1024))} KB"


class PacksDialog(QDialog):
    # The list on screen is up to date (after opening, install, download or remove).
    listed = Signal()
    # An operation failed; the one-line message is shown in the dialog.
    failed = Signal(str)
    # A pack was installed, downloaded or removed (the sidebar may translate again).
    changed = Signal()

    # The self-test finished; its results are in the list and the status line.
    tested = Signal()

    def __init__(
        self,
        packs: PackManager,
        worker: Worker,
        parent: QWidget | None = None,
        *,
        selftest: Callable[[Sequence[InstalledPack]], SelftestReport] | None = None,
    ) -> None:
        """``selftest`` runs the token battery through packs (core.translation.selftest);
        without it there is no Self-test button."""
        super().__init__(parent)
        self.selftest = selftest
        self._tested: dict[tuple[str, str], PackResult] = {}
        self.setObjectName("packs-dialog")
        self.setWindowTitle(self.tr("Language packs"))
        self.packs = packs
        self.worker = worker
        self._cancel: threading.Event | None = None
        self._busy = False
        self._installed_count = 0
        self._scanned: tuple[InstalledPack, ...] = ()
        # Asks for an .argosmodel file; replaced in tests.
        self.choose_file: Callable[[], Path | None] = self._choose_file
        # Asks "remove this pack?"; replaced in tests.
        self.confirm: Callable[[str], bool] = self._confirm
        self._build()

    # -- layout ----------------------------------------------------------------

    def _build(self) -> None:
        intro = wrapped_label(
            self.tr(
                "Language packs translate customer messages offline. Packs from the argos "
                "index translate to and from English; other pairs go through English."
            )
        )
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(
            [
                self.tr("Pack"),
                self.tr("Version"),
                self.tr("Size"),
                self.tr("Self-test"),
                self.tr("SHA-256"),
                self.tr("Licence"),
            ]
        )
        self.table.setAccessibleName(self.tr("Installed language packs"))
        self.table.currentItemChanged.connect(lambda *_: self._update_buttons())
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table, self.remove_selected)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.empty = wrapped_label(self.tr("No language pack is installed yet."))
        self.install_button = QPushButton(self.tr("&Install from file…"))
        self.install_button.clicked.connect(self.install_from_file)
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.test_button = QPushButton(self.tr("&Self-test"))
        self.test_button.setToolTip(
            self.tr(
                "Translate order numbers, amounts, links, emoji… with the selected pack "
                "(or all) and show what survives"
            )
        )
        self.test_button.clicked.connect(self.run_selftest)
        self.test_button.setVisible(self.selftest is not None)
        actions = QHBoxLayout()
        actions.addWidget(self.install_button)
        actions.addWidget(self.remove_button)
        actions.addWidget(self.test_button)
        actions.addStretch(1)

        self.from_combo, self.to_combo = QComboBox(), QComboBox()
        for combo in (self.from_combo, self.to_combo):
            for code in CUSTOMER_LANGUAGES:
                combo.addItem(names.language_label(code), code)
        self.from_combo.setCurrentIndex(self.from_combo.findData("en"))
        self.to_combo.setCurrentIndex(self.to_combo.findData("zh-Hans"))
        from_label = QLabel(self.tr("&From"))
        from_label.setBuddy(self.from_combo)
        to_label = QLabel(self.tr("&To"))
        to_label.setBuddy(self.to_combo)
        self.download_button = QPushButton(self.tr("&Download…"))
        self.download_button.setToolTip(self.tr("Download the pack from the argos index (online)"))
        self.download_button.clicked.connect(self.download)
        download_row = QHBoxLayout()
        download_row.addWidget(from_label)
        download_row.addWidget(self.from_combo, 1)
        download_row.addWidget(to_label)
        download_row.addWidget(self.to_combo, 1)
        download_row.addWidget(self.download_button)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Download progress"))
        self.cancel_button = QPushButton(self.tr("&Cancel download"))
        self.cancel_button.clicked.connect(self.cancel_download)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()

        self.status = wrapped_label(selectable=True)
        self.status.setObjectName("packs-status")
        self.status.setAccessibleName(self.tr("Status"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(actions)
        layout.addLayout(download_row)
        layout.addLayout(progress_row)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(520, 420)
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.table.currentItem()
        removable = item is not None and item.data(0, _PAIR_ROLE) is not None
        self.remove_button.setEnabled(removable and not self._busy)
        self.install_button.setEnabled(not self._busy)
        self.download_button.setEnabled(not self._busy)
        self.test_button.setEnabled(not self._busy and self._installed_count > 0)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    # -- the list ------------------------------------------------------------------

    def showEvent(self, event):  # type: ignore[no-untyped-def]
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """List the packs again (scanned in the worker)."""

        def scan() -> tuple[PackScan, dict[Path, str | None]]:
            found = self.packs.scan()
            # Each pack's README is read here too, off the UI thread.
            return found, {p.path: readme_licence(p.path) for p in found.packs}

        def done(result: tuple[PackScan, dict[Path, str | None]]) -> None:
            if self._alive():
                self._show_scan(*result)

        def error(exc: Exception) -> None:
            if self._alive():
                self._fail(_one_line(exc))

        # Only the newest scan is shown (the worker drops older ones).
        self.worker.run_latest((self, "scan"), scan, done, error)

    def _licence_text(self, licence: str | None) -> str:
        """The licence a pack's README names (a licence name is data, not translated)."""
        if licence is None:
            return self.tr("no README")
        if licence == NOT_STATED:
            return self.tr("not stated in its README")
        return licence

    def _show_scan(self, scan: PackScan, licences: dict[Path, str | None] | None = None) -> None:
        selected = self.table.currentItem()
        keep = selected.data(0, _PAIR_ROLE) if selected is not None else None
        self.table.clear()
        self._installed_count = len(scan.packs)
        self._scanned = tuple(scan.packs)
        for pack in scan.packs:
            pair = self.tr("%1 → %2").replace("%1", _language(pack.from_code))
            pair = pair.replace("%2", _language(pack.to_code))
            tested = self._tested.get((pack.from_code, pack.to_code))
            verdict = self._verdict(tested) if tested is not None else ""
            sha = pack.sha256[:12] if pack.sha256 else self.tr("not recorded")
            licence = self._licence_text((licences or {}).get(pack.path))
            item = QTreeWidgetItem(
                [pair, pack.version, _size(pack.size_bytes), verdict, sha, licence]
            )
            item.setToolTip(
                5,
                self.tr(
                    "As the pack's own README states it: argos packs carry no licence "
                    "field (see docs/packs.md)"
                ),
            )
            if pack.sha256:
                item.setToolTip(
                    4,
                    self.tr("SHA-256 of the installed file (%1 bytes): %2")
                    .replace("%1", str(pack.archive_bytes))
                    .replace("%2", pack.sha256),
                )
            else:
                item.setToolTip(4, self.tr("Installed before chatassist recorded checksums"))
            if tested is not None:
                item.setToolTip(3, self._details(tested))
            item.setData(0, _PAIR_ROLE, (pack.from_code, pack.to_code))
            item.setToolTip(0, str(pack.path))
            self.table.addTopLevelItem(item)
            if (pack.from_code, pack.to_code) == keep:
                self.table.setCurrentItem(item)
        for folder in scan.broken:
            text = self.tr("Broken folder: %1").replace("%1", folder.name)
            item = QTreeWidgetItem([text, "", "", "", ""])
            item.setToolTip(
                0,
                self.tr(
                    "Not a valid pack; it is skipped. Delete %1 or install the pack again."
                ).replace("%1", str(folder)),
            )
            item.setForeground(0, Qt.GlobalColor.darkRed)
            self.table.addTopLevelItem(item)
        for column in range(6):
            self.table.resizeColumnToContents(column)
        self.empty.setVisible(not scan.packs and not scan.broken)
        self._update_buttons()
        self.listed.emit()

    # -- install, remove, download ---------------------------------------------------

    def install_from_file(self) -> None:
        path = self.choose_file()
        if path is not None:
            self.install(path)

    def install(self, archive: Path) -> None:
        """Install (or replace) the pack in ``archive`` in the worker."""
        self.show_status(self.tr("Installing %1…").replace("%1", archive.name))
        self._start(lambda: self.packs.install_file(archive), self._installed)

    def remove_selected(self) -> None:
        item = self.table.currentItem()
        pair = item.data(0, _PAIR_ROLE) if item is not None else None
        if self._busy or item is None or pair is None:
            return
        question = self.tr("Remove the language pack %1?").replace("%1", item.text(0))
        if not self.confirm(question):
            return
        from_code, to_code = pair
        self.show_status(self.tr("Removing %1…").replace("%1", item.text(0)))
        self._start(lambda: self.packs.remove(from_code, to_code), self._removed)

    def choose_pair(self, from_code: str, to_code: str) -> bool:
        """Select a pair (argos or customer codes) in From/To; False if unknown."""
        source, target = customer_code(from_code), customer_code(to_code)
        from_index = self.from_combo.findData(source)
        to_index = self.to_combo.findData(target)
        if from_index < 0 or to_index < 0:
            return False
        self.from_combo.setCurrentIndex(from_index)
        self.to_combo.setCurrentIndex(to_index)
        return True

    def get_pack(self, from_code: str, to_code: str) -> None:
        """Open on the pack a translation is missing and download it (the agent asked
        for it with the missing-pack button); offline, the error says so and the pair
        stays chosen for Install from file."""
        if self._busy or not self.choose_pair(from_code, to_code):
            return
        self.download()

    def download(self) -> None:
        """Fetch the index and download the chosen pair, with progress and Cancel."""
        source, target = self.from_combo.currentData(), self.to_combo.currentData()
        if source == target:
            self._fail(self.tr("Choose two different languages."))
            return
        cancel = self._cancel = threading.Event()
        self.progress.setRange(0, 0)  # busy until the size is known
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.show_status(self.tr("Downloading the pack index…"))

        def progress(done: int, total: int | None) -> None:  # on the worker thread
            self.worker.post(lambda: self._progress(cancel, done, total))

        self._start(
            lambda: self.packs.download(source, target, progress=progress, cancelled=cancel.is_set),
            self._installed,
        )

    def run_selftest(self) -> None:
        """Run the token battery (in the worker) through the selected pack, or all."""
        if self.selftest is None or self._busy:
            return
        item = self.table.currentItem()
        pair = item.data(0, _PAIR_ROLE) if item is not None else None
        packs = [p for p in self._scanned if pair is None or (p.from_code, p.to_code) == pair]
        if not packs:
            return
        run = self.selftest
        self.show_status(self.tr("Testing %1 pack(s)…").replace("%1", str(len(packs))))
        self._start(lambda: run(packs), self._selftest_done)

    def _selftest_done(self, report: SelftestReport) -> None:
        for result in report.packs:
            self._tested[(result.pack.from_code, result.pack.to_code)] = result
        lost = report.lost
        if lost:
            text = self.tr("Self-test: %1 case(s) lost a token; see the list.").replace(
                "%1", str(lost)
            )
        else:
            text = self.tr(
                "Self-test: no token was lost. Repaired tokens were put back by chatassist; "
                "reported ones are shown to the agent."
            )
        self.show_status(text)
        self.refresh()
        self.tested.emit()

    def _verdict(self, result: PackResult) -> str:
        parts = [
            (self.tr("%1 kept"), result.count(selftest.KEPT)),
            (self.tr("%1 repaired"), result.count(selftest.REPAIRED)),
            (self.tr("%1 reported"), result.count(selftest.REPORTED)),
            (self.tr("%1 lost"), result.count(selftest.LOST)),
        ]
        return ", ".join(text.replace("%1", str(n)) for text, n in parts if n)

    def _details(self, result: PackResult) -> str:
        lines = []
        for case in result.cases:
            line = f"{case.case}: {case.result}"
            lines.append(f"{line} ({', '.join(case.detail)})" if case.detail else line)
        return "\n".join(lines)

    def cancel_download(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.show_status(self.tr("Cancelling…"))

    def _progress(self, cancel: threading.Event, done: int, total: int | None) -> None:
        if not self._alive() or self._cancel is not cancel:
            return  # a late report of a finished or cancelled download
        kib = 1024
        if total:
            self.progress.setRange(0, max(1, total // kib))
            self.progress.setValue(done // kib)
        else:
            self.progress.setRange(0, 0)
        text = self.tr("Downloading… %1 of %2").replace("%1", _size(done))
        self.show_status(text.replace("%2", _size(total) if total else "?"))

    def _start(self, job: Callable[[], T], on_done: Callable[[T], None]) -> None:
        self._set_busy(True)

        def done(result: T) -> None:
            if self._alive():
                self._finish()
                on_done(result)

        def error(exc: Exception) -> None:
            if self._alive():
                self._finish()
                self._show_error(exc)

        self.worker.run_latest((self, "operation"), job, done, error)

    def _finish(self) -> None:
        self._cancel = None
        self.progress.hide()
        self.cancel_button.hide()
        self._set_busy(False)

    def _installed(self, pack: InstalledPack) -> None:
        pair = self.tr("%1 → %2").replace("%1", _language(pack.from_code))
        pair = pair.replace("%2", _language(pack.to_code))
        text = self.tr("Installed %1 (version %2).").replace("%1", pair)
        self.show_status(text.replace("%2", pack.version))
        self.changed.emit()
        self.refresh()

    def _removed(self, pack: InstalledPack) -> None:
        self.show_status(self.tr("Removed %1.").replace("%1", pack.path.name))
        self.changed.emit()
        self.refresh()

    def _show_error(self, exc: Exception) -> None:
        if isinstance(exc, DownloadCancelled):
            self.show_status(self.tr("Download cancelled; nothing was installed."))
            self.failed.emit(self.status.text())
        elif isinstance(exc, PackError):
            self._fail(_one_line(exc))
        else:  # a bug or an OS error: one line, never a traceback
            self._fail(self.tr("Unexpected error: %1").replace("%1", _one_line(exc)))
        self.refresh()

    def _fail(self, message: str) -> None:
        self.status.setStyleSheet("color: #a4161a;")
        self.status.setText(message)
        self.failed.emit(message)

    def show_status(self, text: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(text)

    # -- closing and asking ------------------------------------------------------------

    def reject(self) -> None:
        # Closing the dialog stops a download: nothing keeps running unseen.
        self.cancel_download()
        super().reject()

    def _alive(self) -> bool:
        return shiboken6.isValid(self)

    def _choose_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Install a language pack"), "", self.tr("Argos packs (*.argosmodel)")
        )
        return Path(name) if name else None

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Remove language pack"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
