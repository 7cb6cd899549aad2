"""A labelled list of microphones or speakers; says so when there is none."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QWidget

from readiness.checks.audio_opening import AudioDevice


class AudioDevicePicker(QWidget):
    #: The user picked a device (never emitted when the list is filled by the program).
    chosen = Signal(object)

    def __init__(self, label: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = QLabel(label, self)
        self.combo = QComboBox(self)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.label.setBuddy(self.combo)
        self.combo.setAccessibleName(label.replace("&", "").rstrip(" :"))
        self.combo.activated.connect(self._on_activated)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.combo, 1)
        self._devices: list[AudioDevice] = []
        self.set_devices([], None)

    def set_devices(self, devices: Sequence[AudioDevice], current: AudioDevice | None) -> None:
        self._devices = list(devices)
        self.combo.blockSignals(True)
        self.combo.clear()
        if not self._devices:
            self.combo.addItem(self.tr("Aucun appareil trouvé"))
            self.combo.setEnabled(False)
        else:
            for device in self._devices:
                self.combo.addItem(device.name)
            self.combo.setEnabled(True)
            names = [d.raw_name for d in self._devices]
            if current is not None and current.raw_name in names:
                self.combo.setCurrentIndex(names.index(current.raw_name))
        self.combo.blockSignals(False)

    def devices(self) -> list[AudioDevice]:
        return list(self._devices)

    def current(self) -> AudioDevice | None:
        index = self.combo.currentIndex()
        return self._devices[index] if 0 <= index < len(self._devices) else None

    def _on_activated(self, index: int) -> None:
        if 0 <= index < len(self._devices):
            self.chosen.emit(self._devices[index])
