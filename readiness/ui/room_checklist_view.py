"""The guide's room checklist on the summary: four check boxes, optional, never blocking."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from readiness.core.room_checklist import RoomChecklist, RoomItem, room_item_text
from readiness.ui.page import heading_label, paragraph


class RoomChecklistView(QWidget):
    """Shows ``checklist`` and keeps it in step with the boxes: built again (another
    language), it shows what was ticked."""

    def __init__(self, checklist: RoomChecklist, parent: QWidget | None = None):
        super().__init__(parent)
        self._checklist = checklist
        self.heading = heading_label(self.tr("Votre pièce pour la séance"), 1.15)
        self.intro = paragraph(
            self.tr(
                "La séance est confidentielle : le guide demande une pièce calme et bien "
                "éclairée, où vous êtes seul(e), porte fermée. Cochez ce qui est prêt. "
                "C'est facultatif, vous pouvez rejoindre la séance dans tous les cas ; "
                "le rapport dira ce que vous avez coché."
            )
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        # A check box's name is its text, and its state is exposed by Qt itself.
        self.boxes: dict[RoomItem, QCheckBox] = {}
        for item in RoomItem:
            box = QCheckBox(room_item_text(item))
            box.setChecked(checklist.is_confirmed(item))
            box.toggled.connect(self._on_toggled)
            layout.addWidget(box)
            self.boxes[item] = box

    def _on_toggled(self, _checked: bool) -> None:
        for item, box in self.boxes.items():
            self._checklist.confirm(item, box.isChecked())
