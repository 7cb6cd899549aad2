"""A live chart of the line's stability over the last minutes: the round trip's delay
as a line, and the lost requests as bars rising from the bottom.

It draws the buckets it is given (``readiness.core.line_history.ChartBucket``, oldest
first). Time not measured (the watch paused, or not started yet) is left blank. The
page says the same in words beside it, so the chart takes no keyboard focus.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from readiness.core.i18n import decimal
from readiness.core.line_history import ChartBucket
from readiness.ui.status_style import BadgeState, is_dark, state_color

#: The scale's possible tops, in ms; beyond the last, the next whole second.
NICE_TOPS_MS = (100, 200, 300, 500, 1000, 2000)
#: A calm line stays low on the chart instead of filling it with noise of a few ms.
MIN_TOP_MS = 100.0
#: Room above the highest point, so the line never runs along the top.
HEADROOM = 1.2
MARGIN = 4
MIN_BAR_HEIGHT = 3
MIN_BAR_WIDTH = 2
DOT_RADIUS = 2.0
#: How much of the text's colour the frame and the grid take over the plot's background:
#: derived from the theme, since its "mid" vanishes on a dark field.
FRAME_SHARE = 0.45
GRID_SHARE = 0.25


def nice_top_ms(largest_ms: float) -> float:
    """The top of the delay scale: the smallest of NICE_TOPS_MS at least MIN_TOP_MS and
    HEADROOM × the largest delay shown."""
    needed = max(MIN_TOP_MS, HEADROOM * largest_ms)
    for top in NICE_TOPS_MS:
        if top >= needed:
            return float(top)
    return float(math.ceil(needed / 1000) * 1000)


def mixed(background: QColor, foreground: QColor, share: float) -> QColor:
    """``background`` with ``share`` of ``foreground`` (0: background, 1: foreground)."""
    pairs = zip(background.getRgbF()[:3], foreground.getRgbF()[:3], strict=True)
    return QColor.fromRgbF(*(b + (f - b) * share for b, f in pairs))


class StabilityChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._buckets: Sequence[ChartBucket] = ()
        self._span_s = 180.0
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        # No QWidget setter for the accessible role: that would take a whole
        # QAccessibleInterface; the name and the text beside it say what it is.
        self.setAccessibleName(self.tr("Stabilité de la connexion"))

    def sizeHint(self) -> QSize:
        return QSize(520, 150)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 110)

    def set_buckets(self, buckets: Sequence[ChartBucket], span_s: float) -> None:
        """Called once a second on the GUI thread: only kept, the drawing does the work."""
        self._buckets = tuple(buckets)  # the caller may reuse its list
        self._span_s = max(1.0, span_s)
        self.update()

    # --- drawing -------------------------------------------------------------

    def span_text(self) -> str:
        """The left end's label: how long ago it is."""
        if self._span_s < 120:
            return self.tr("il y a {seconds} s").format(seconds=round(self._span_s))
        minutes = self._span_s / 60
        shown = str(round(minutes)) if abs(minutes - round(minutes)) < 0.05 else decimal(minutes)
        return self.tr("il y a {minutes} min").format(minutes=shown)

    def _ms_text(self, ms: float) -> str:
        return self.tr("{ms} ms").format(ms=round(ms))

    def _gutter(self) -> int:
        # As wide as the widest label of the scale, so the plot never shifts sideways.
        return self.fontMetrics().horizontalAdvance(self._ms_text(NICE_TOPS_MS[-1])) + 6

    def _frame(self) -> QRectF:
        gutter, line_height = self._gutter(), self.fontMetrics().height()
        return QRectF(
            MARGIN + gutter,
            MARGIN,
            self.width() - 2 * MARGIN - gutter - 1,
            self.height() - 2 * MARGIN - line_height - 3,
        )

    def plot_area(self) -> QRectF:
        """Where the data goes: 0 ms at its bottom, the scale's top at its top, from
        ``span_s`` ago at its left to now at its right."""
        # The top sits under the frame's edge, with room for its label centred on it.
        return self._frame().adjusted(1, self.fontMetrics().height() / 2 + 2, -1, -1)

    def paintEvent(self, _event: QPaintEvent) -> None:
        palette = self.palette()
        text_color = palette.windowText().color()
        field, field_text = palette.base().color(), palette.text().color()
        grid_color = mixed(field, field_text, GRID_SHARE)
        dark = is_dark(palette)
        frame, plot, gutter = self._frame(), self.plot_area(), self._gutter()

        painter = QPainter(self)
        painter.fillRect(frame, field)
        painter.setPen(QPen(mixed(field, field_text, FRAME_SHARE), 1))
        painter.drawRect(frame)

        measured = [b for b in self._buckets if b.sent > 0]
        if not measured:
            painter.setPen(field_text)
            # Wrapped: at the narrowest the sentence is wider than the frame.
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            text = self.tr("En attente des premières mesures…")
            painter.drawText(frame.adjusted(4, 0, -4, 0), flags, text)
            painter.end()
            return

        largest = max((b.rtt_ms for b in measured if b.rtt_ms is not None), default=0.0)
        top_ms = nice_top_ms(largest)
        self._draw_grid(painter, plot, top_ms, grid_color, text_color, gutter)
        self._draw_x_labels(painter, frame, text_color)
        self._draw_losses(painter, plot, state_color(BadgeState.FAILED, dark))
        self._draw_delay(painter, plot, top_ms, state_color(BadgeState.RUNNING, dark))
        painter.end()

    def _draw_grid(
        self,
        painter: QPainter,
        plot: QRectF,
        top_ms: float,
        grid_color: QColor,
        text_color: QColor,
        gutter: int,
    ) -> None:
        painter.setPen(QPen(grid_color, 1, Qt.PenStyle.DotLine))
        for y in (plot.top(), plot.center().y()):
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(text_color)
        height = self.fontMetrics().height()
        label = QRectF(MARGIN, plot.top() - height / 2, gutter - 6, height)
        align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(label, align, self._ms_text(top_ms))

    def _draw_x_labels(self, painter: QPainter, frame: QRectF, text_color: QColor) -> None:
        painter.setPen(text_color)
        metrics = self.fontMetrics()
        row = QRectF(frame.left(), frame.bottom() + 2, frame.width(), metrics.height())
        left, right = self.span_text(), self.tr("maintenant")
        painter.drawText(row, Qt.AlignmentFlag.AlignRight, right)
        # Too narrow for both: "now" alone still tells which way time goes.
        if metrics.horizontalAdvance(left + right) + 12 <= row.width():
            painter.drawText(row, Qt.AlignmentFlag.AlignLeft, left)

    def _x(self, plot: QRectF, ago_s: float) -> float:
        share = 1.0 - min(max(ago_s, 0.0), self._span_s) / self._span_s
        return plot.left() + share * plot.width()

    def _extents(self, plot: QRectF) -> list[tuple[ChartBucket, float, float]]:
        """Each bucket with its left and right x: it ends where the next one starts."""
        ends = [b.ago_s for b in self._buckets[1:]] + [0.0]
        return [
            (b, self._x(plot, b.ago_s), self._x(plot, end))
            for b, end in zip(self._buckets, ends, strict=True)
        ]

    def _draw_losses(self, painter: QPainter, plot: QRectF, color: QColor) -> None:
        # Crisp bars on whole pixels: blurred edges would blend neighbouring buckets.
        bottom = math.floor(plot.bottom())
        for bucket, left, right in self._extents(plot):
            if bucket.sent <= 0 or bucket.lost <= 0:
                continue
            share = min(1.0, bucket.lost / bucket.sent)
            height = max(MIN_BAR_HEIGHT, round(share * plot.height()))
            width = max(MIN_BAR_WIDTH, round(right - left))
            x = round((left + right) / 2 - width / 2)
            painter.fillRect(QRect(x, bottom - height + 1, width, height), color)

    def _draw_delay(self, painter: QPainter, plot: QRectF, top_ms: float, color: QColor) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(
            QPen(
                color, 2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
            )
        )
        painter.setBrush(color)
        runs: list[list[QPointF]] = [[]]
        for bucket, left, right in self._extents(plot):
            if bucket.sent <= 0 or bucket.rtt_ms is None:
                if runs[-1]:
                    runs.append([])  # nothing known here: the line breaks
                continue
            y = plot.bottom() - min(bucket.rtt_ms, top_ms) / top_ms * plot.height()
            runs[-1].append(QPointF((left + right) / 2, y))
        for run in runs:
            if len(run) > 1:
                painter.drawPolyline(run)
            elif run:
                painter.drawEllipse(run[0], DOT_RADIUS, DOT_RADIUS)
