"""The guide's room checklist: what the person confirmed about the room of the session.

The guide asks for a calm, well-lit room where the person is alone, door closed: the
sessions are confidential. Nothing can measure that, so the person ticks what is true;
it is optional and never keeps anyone from joining. The answers stay in memory for the
run, and reach only the report the person chooses to save or send.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from readiness.core.i18n import translate


class RoomItem(StrEnum):
    QUIET = "quiet"
    WELL_LIT = "well_lit"
    ALONE = "alone"
    DOOR_CLOSED = "door_closed"


def room_item_text(item: RoomItem) -> str:
    """The item as the person ticks it, in their own words."""
    texts = {
        RoomItem.QUIET: translate("RoomChecklist", "Je suis dans un endroit calme"),
        RoomItem.WELL_LIT: translate("RoomChecklist", "La pièce est bien éclairée"),
        RoomItem.ALONE: translate("RoomChecklist", "Je suis seul(e) dans la pièce"),
        RoomItem.DOOR_CLOSED: translate("RoomChecklist", "La porte est fermée"),
    }
    return texts[item]


def room_item_label(item: RoomItem) -> str:
    """The item as the report names it."""
    labels = {
        RoomItem.QUIET: translate("RoomChecklist", "Endroit calme"),
        RoomItem.WELL_LIT: translate("RoomChecklist", "Pièce bien éclairée"),
        RoomItem.ALONE: translate("RoomChecklist", "Seul(e) dans la pièce"),
        RoomItem.DOOR_CLOSED: translate("RoomChecklist", "Porte fermée"),
    }
    return labels[item]


class RoomChecklist:
    """What the person ticked, for the run (memory only)."""

    def __init__(self) -> None:
        self._confirmed: set[RoomItem] = set()

    def confirm(self, item: RoomItem, confirmed: bool = True) -> None:
        if confirmed:
            self._confirmed.add(item)
        else:
            self._confirmed.discard(item)

    def is_confirmed(self, item: RoomItem) -> bool:
        return item in self._confirmed

    def answers(self) -> dict[str, bool]:
        """Every item, confirmed or not, in the guide's order: the report's ``room``."""
        return {str(item): item in self._confirmed for item in RoomItem}


def room_lines(answers: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(label, "confirmé" or "non confirmé") for each item of the report's ``room``;
    keys this version does not know are left out."""
    known = {str(item): item for item in RoomItem}
    return [
        (
            room_item_label(known[key]),
            translate("RoomChecklist", "confirmé")
            if confirmed
            else translate("RoomChecklist", "non confirmé"),
        )
        for key, confirmed in answers.items()
        if key in known
    ]
