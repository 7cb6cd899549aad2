"""A focus you can see: a 2-pixel ring in the selection colour around what has it.

The platform styles mark the keyboard focus faintly (Fusion: a 1-pixel tint of a
button's border). WCAG 2.2 asks for a focus indicator that is visible (2.4.7) and
easy to see (2.4.13: at least 2 pixels thick, 3:1 against its surroundings): the
palette's Highlight is kept at 3:1 against the window and the fields by theme.py.
The system's own style still draws everything else.
"""

from __future__ import annotations

from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

from readiness.ui.page import draw_ring

_PE = QStyle.PrimitiveElement
_CC = QStyle.ComplexControl
#: What a focus ring goes around: buttons, fields, lists (their frame), and the focus
#: frames of check boxes, radio buttons and list items (PE_FrameFocusRect).
_RINGED_PRIMITIVES = frozenset(
    {
        _PE.PE_PanelButtonCommand,
        _PE.PE_PanelButtonTool,
        _PE.PE_FrameLineEdit,
        _PE.PE_FrameFocusRect,
        _PE.PE_Frame,
    }
)
_RINGED_CONTROLS = frozenset({_CC.CC_ComboBox, _CC.CC_SpinBox})


class FocusStyle(QProxyStyle):
    """The application's style (Fusion, Windows, macOS), with a clear focus ring."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element in _RINGED_PRIMITIVES and option.state & QStyle.StateFlag.State_HasFocus:
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            draw_ring(painter, option.rect, option.palette, selected)

    def drawComplexControl(self, control, option, painter, widget=None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in _RINGED_CONTROLS and option.state & QStyle.StateFlag.State_HasFocus:
            draw_ring(painter, option.rect, option.palette, False)
