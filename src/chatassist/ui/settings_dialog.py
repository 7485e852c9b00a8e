"""The settings dialog: agent language, interface language, always on top,
clipboard watch, global hotkey, font size, number of suggestions, and where the
data lives."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QKeySequenceEdit,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from chatassist.settings import Settings
from chatassist.ui import names
from chatassist.ui.global_hotkey import HotkeyError, to_pynput
from chatassist.ui.widgets import wrapped_label


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: Settings,
        data_dir: Path,
        parent: QWidget | None = None,
        *,
        open_packs: Callable[[QWidget], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settings-dialog")
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self.data_dir = data_dir
        self.agent_language = QComboBox()
        for code in ("zh-Hans", "en"):
            self.agent_language.addItem(names.language_label(code), code)
        self.ui_language = QComboBox()
        self.ui_language.addItem(self.tr("Follow the system"), "system")
        self.ui_language.addItem("简体中文", "zh-Hans")
        self.ui_language.addItem("English", "en")
        self.always_on_top = QCheckBox(self.tr("Keep the sidebar &above other windows"))
        self.clipboard_watch = QCheckBox(
            self.tr("Use text I &copy in other programs as the customer message")
        )
        self.agent_gender = QComboBox()
        self.agent_gender.addItem(self.tr("Female (Thai ค่ะ)"), "female")
        self.agent_gender.addItem(self.tr("Male (Thai ครับ)"), "male")
        self.hotkey_enabled = QCheckBox(
            self.tr(
                "Global &hotkey: bring the sidebar forward from any program and analyse the clipboard"
            )
        )
        self.hotkey = QKeySequenceEdit()
        self.hotkey.setMaximumSequenceLength(1)
        self.hotkey.setAccessibleName(self.tr("Global hotkey"))
        self.hotkey_problem = wrapped_label("")
        self.hotkey_problem.setStyleSheet("color: #b00020;")
        self.hotkey_problem.hide()
        hotkey_note = wrapped_label(
            self.tr(
                "On macOS the hotkey needs the Accessibility permission: System Settings → "
                "Privacy & Security → Accessibility → allow chatassist. On Linux it needs an "
                "X11 session (not Wayland)."
            )
        )
        hotkey_note.setStyleSheet("color: #555;")
        self.font_size = QSpinBox()
        self.font_size.setRange(8, 20)
        self.font_size.setSuffix(" pt")
        self.suggestion_count = QSpinBox()
        self.suggestion_count.setRange(1, 9)
        self.folder = QLineEdit(str(data_dir))
        self.folder.setReadOnly(True)
        self.folder.setAccessibleName(self.tr("Data folder"))
        open_folder = QPushButton(self.tr("&Open folder"))
        open_folder.clicked.connect(self.open_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(open_folder)
        folder_note = wrapped_label(
            self.tr(
                "The database, settings and language packs live here. To use another "
                "folder, start chatassist with --data-dir FOLDER (or set "
                "CHATASSIST_DATA_DIR); it takes effect on the next start."
            )
        )
        folder_note.setStyleSheet("color: #555;")
        ui_note = wrapped_label(self.tr("The interface language changes on the next start."))
        ui_note.setStyleSheet("color: #555;")

        form = QFormLayout()
        form.addRow(self.tr("&Agent language (glosses, translations)"), self.agent_language)
        form.addRow(self.tr("&Interface language"), self.ui_language)
        form.addRow("", ui_note)
        form.addRow("", self.always_on_top)
        form.addRow("", self.clipboard_watch)
        form.addRow(self.tr("&Your gender (polite words in replies)"), self.agent_gender)
        form.addRow("", self.hotkey_enabled)
        form.addRow(self.tr("Hotkey"), self.hotkey)
        form.addRow("", self.hotkey_problem)
        form.addRow("", hotkey_note)
        form.addRow(self.tr("&Font size"), self.font_size)
        form.addRow(self.tr("&Suggested replies"), self.suggestion_count)
        form.addRow(self.tr("Data folder"), folder_row)
        form.addRow("", folder_note)
        # Shown when the composition root can open the packs dialog (over this one).
        self.packs_button: QPushButton | None = None
        if open_packs is not None:
            self.packs_button = QPushButton(self.tr("&Language packs…"))
            self.packs_button.clicked.connect(lambda: open_packs(self))
            form.addRow(self.tr("Translation"), self.packs_button)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._load()

    def _load(self) -> None:
        s = self.settings
        self.agent_language.setCurrentIndex(
            max(0, self.agent_language.findData(s.get("agent_language")))
        )
        self.ui_language.setCurrentIndex(max(0, self.ui_language.findData(s.get("ui_language"))))
        self.always_on_top.setChecked(bool(s.get("always_on_top")))
        self.clipboard_watch.setChecked(bool(s.get("clipboard_watch")))
        self.agent_gender.setCurrentIndex(max(0, self.agent_gender.findData(s.get("agent_gender"))))
        self.hotkey_enabled.setChecked(bool(s.get("global_hotkey_enabled")))
        self.hotkey.setKeySequence(QKeySequence(str(s.get("global_hotkey"))))
        self.font_size.setValue(int(s.get("font_size")))
        self.suggestion_count.setValue(int(s.get("suggestion_count")))

    def hotkey_problem_text(self, exc: HotkeyError) -> str:
        texts = {
            "needs_modifier": self.tr(
                "The hotkey needs Ctrl, Alt or Meta: a single key would be taken away "
                "from every other program."
            ),
            "shift_only": self.tr(
                "The hotkey needs Ctrl, Alt or Meta: with Shift alone it would take a "
                "typed character."
            ),
            "unusable_key": self.tr("This key cannot be used for the hotkey."),
        }
        return texts.get(exc.kind, self.tr("Press a key combination for the hotkey."))

    def hotkey_text(self) -> str:
        return self.hotkey.keySequence().toString(QKeySequence.SequenceFormat.PortableText)

    def accept(self) -> None:
        hotkey = self.hotkey_text()
        if self.hotkey_enabled.isChecked() or hotkey:
            try:
                to_pynput(hotkey)
            except HotkeyError as exc:
                # Keep the dialog open with everything typed; say what is wrong.
                self.hotkey_problem.setText(self.hotkey_problem_text(exc))
                self.hotkey_problem.show()
                self.hotkey.setFocus()
                return
        s = self.settings
        s.set("global_hotkey_enabled", self.hotkey_enabled.isChecked())
        if hotkey:
            s.set("global_hotkey", hotkey)
        s.set("agent_language", self.agent_language.currentData())
        s.set("ui_language", self.ui_language.currentData())
        s.set("always_on_top", self.always_on_top.isChecked())
        s.set("clipboard_watch", self.clipboard_watch.isChecked())
        s.set("agent_gender", self.agent_gender.currentData())
        s.set("font_size", self.font_size.value())
        s.set("suggestion_count", self.suggestion_count.value())
        s.save()
        super().accept()

    def open_folder(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))
