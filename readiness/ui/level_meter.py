"""A live sound level meter: RMS bar, peak bar, peak hold and a clipping mark, in dBFS.

It shows the levels it is given: the microphone's flow drains and measures the
sound on its own thread (about 25 blocks a second) and the page hands each block's
levels here, so no sound maths runs on the GUI thread. Screen readers get a word
("Niveau : correct / faible / saturé"), not numbers, and the word is also drawn, so
the state never rests on colour alone.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from readiness.core.contrast import GRAPHIC_MINIMUM, readable_on
from readiness.core.levels import FLOOR_DBFS, SPEECH_GOOD_DBFS, BlockLevel, PeakHold, released
from readiness.ui.announce import announce
from readiness.ui.status_style import BadgeState, is_dark, on_color, state_color
from readiness.ui.theme import rgb

#: The pace the levels come at (the flow's drain), used for the first block's fall.
TICK_MS = 40
LOW_DBFS = -60.0
#: Above this the voice is loud; the bar's last zone.
LOUD_DBFS = -6.0
RMS_FALL_DB_PER_S = 30.0
PEAK_FALL_DB_PER_S = 40.0
#: The clipping mark stays lit this long after the last clipped block.
CLIP_SHOW_S = 1.5
BAR_HEIGHT = 26
ALIGN_CENTER = Qt.AlignmentFlag.AlignCenter
#: A screen reader hears the new word once it has held this long: a voice going
#: up and down must not make it talk over the user.
ANNOUNCE_AFTER_MS = 1200
#: How much of the zone's tint is mixed into the window's colour (light or dark theme):
#: enough to see the zones, little enough for the bar to keep its 3:1 on them.
ZONE_TINT = 0.16
ZONE_TINTS = {
    "low": QColor(128, 128, 128),
    "good": QColor(46, 160, 67),
    "loud": QColor(219, 109, 40),
}


def zone_color(window: QColor, zone: str) -> QColor:
    """A zone of the bar: the window's colour with a little of the zone's tint."""
    tint = ZONE_TINTS[zone]
    return QColor(
        *(
            round(w + (t - w) * ZONE_TINT)
            for w, t in zip(
                (window.red(), window.green(), window.blue()),
                (tint.red(), tint.green(), tint.blue()),
                strict=True,
            )
        )
    )


def bar_color(palette: QPalette) -> QColor:
    """The level bar: the palette's highlight, moved if needed to stand out 3:1 from
    every zone (WCAG 2.2, graphics)."""
    window = palette.color(QPalette.ColorRole.Window)
    color = rgb(palette.color(QPalette.ColorRole.Highlight))
    for zone in ZONE_TINTS:
        color = readable_on(color, rgb(zone_color(window, zone)), GRAPHIC_MINIMUM) or color
    return QColor(*color)


def level_word_key(rms_dbfs: float, clipping: bool) -> str:
    """ "clipped", "low" or "good": what the meter says in words."""
    if clipping:
        return "clipped"
    return "low" if rms_dbfs < SPEECH_GOOD_DBFS else "good"


class LevelMeter(QWidget):
    #: Each block's levels shown (a readiness.core.levels.BlockLevel).
    measured = Signal(object)
    #: The level's word changed ("correct", "faible", "saturé").
    word_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, clock: Callable[[], float] | None = None):
        super().__init__(parent)
        self._clock = clock or time.monotonic
        self._running = False
        self.rms_dbfs = FLOOR_DBFS
        self.peak_dbfs = FLOOR_DBFS
        self._hold = PeakHold()
        self._clipped_at = -1e9
        self._last_shown: float | None = None
        self._word_key = ""
        self._background: QPixmap | None = None
        self._tools: tuple = ()
        self._bar: QRectF | None = None
        self._mark_width = 0
        self._painted_key: tuple | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(QSize(240, 58))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Niveau du micro"))
        self._words = {
            "good": self.tr("correct"),
            "low": self.tr("faible"),
            "clipped": self.tr("saturé"),
        }
        self._announce_timer = QTimer(self)
        self._announce_timer.setSingleShot(True)
        self._announce_timer.setInterval(ANNOUNCE_AFTER_MS)
        self._announce_timer.timeout.connect(self._announce_word)
        self._announced = ""
        self._set_word("low")

    def sizeHint(self) -> QSize:
        return QSize(460, 58)

    # --- feeding -------------------------------------------------------------

    def start(self) -> None:
        """Levels are coming: from the floor, and spoken to screen readers as they change."""
        self._running = True
        self.reset()

    def stop(self) -> None:
        self._running = False
        self._announce_timer.stop()
        self._announced = ""

    @property
    def running(self) -> bool:
        return self._running

    def reset(self) -> None:
        self.rms_dbfs = self.peak_dbfs = FLOOR_DBFS
        self._hold.reset()
        self._clipped_at = -1e9
        self._last_shown = None
        self._set_word("low")
        self._request_paint()

    def show_block(self, block: BlockLevel, now: float | None = None) -> None:
        """Display one block's levels (the bars fall at most so fast between two blocks)."""
        now = self._clock() if now is None else now
        last, self._last_shown = self._last_shown, now
        dt = TICK_MS / 1000 if last is None else now - last
        self._show(block.rms_dbfs, block.peak_dbfs, block.clipping, now, dt)
        self.measured.emit(block)

    def _show(self, rms_db: float, peak_db: float, clipping: bool, now: float, dt: float) -> None:
        self.rms_dbfs = released(self.rms_dbfs, rms_db, dt, RMS_FALL_DB_PER_S)
        self.peak_dbfs = released(self.peak_dbfs, peak_db, dt, PEAK_FALL_DB_PER_S)
        self._hold.update(peak_db, now)
        if clipping:
            self._clipped_at = now
        self._set_word(level_word_key(self.rms_dbfs, self.clipping))
        self._request_paint()

    # --- reading -------------------------------------------------------------

    @property
    def held_dbfs(self) -> float:
        return self._hold.value

    @property
    def clipping(self) -> bool:
        return self._clock() - self._clipped_at < CLIP_SHOW_S

    def word(self) -> str:
        return self._words[self._word_key]

    def level_words(self) -> list[str]:
        return list(self._words.values())

    def _set_word(self, key: str) -> None:
        if key == self._word_key:
            return
        self._word_key = key
        # Only on change: a screen reader must not be flooded 25 times a second.
        self.setAccessibleDescription(self.level_text())
        self.word_changed.emit(self._words[key])
        self._announce_timer.start()

    def level_text(self) -> str:
        return self.tr("Niveau : {word}").format(word=self._words[self._word_key])

    def _announce_word(self) -> None:
        text = self.level_text()
        if self.running and text != self._announced:
            self._announced = text
            announce(self, text)

    # --- drawing -------------------------------------------------------------
    #
    # What never moves (zones, their names, the frame, the mark's box) is drawn once
    # into a pixmap; a block only blits it and draws two bars, a line and the mark,
    # and only when one of them moved by a pixel: text is what costs most to draw.

    def _bar_rect(self) -> QRectF:
        if self._bar is None:
            self._mark_width = self.fontMetrics().horizontalAdvance(self.tr("SATURÉ")) + 14
            self._bar = QRectF(1, 1, self.width() - self._mark_width - 8, BAR_HEIGHT)
        return self._bar

    def _x(self, level_dbfs: float, bar: QRectF) -> float:
        share = (min(0.0, max(LOW_DBFS, level_dbfs)) - LOW_DBFS) / -LOW_DBFS
        return bar.left() + share * bar.width()

    def _geometry_key(self) -> tuple:
        """What a repaint would show, in pixels: unchanged means no repaint."""
        bar = self._bar_rect()
        return (
            round(self._x(self.rms_dbfs, bar)),
            round(self._x(self.peak_dbfs, bar)),
            round(self._x(self.held_dbfs, bar)) if self.held_dbfs > LOW_DBFS else -1,
            self.clipping,
        )

    def _request_paint(self) -> None:
        key = self._geometry_key()
        if key != self._painted_key:
            self._painted_key = key
            self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._background = self._bar = None
        self._painted_key = None
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._background = self._bar = None
            self._painted_key = None
        super().changeEvent(event)

    def _draw_background(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        palette = self.palette()
        # Opaque, with WA_OpaquePaintEvent: Qt then repaints nothing beneath the meter.
        pixmap.fill(palette.color(QPalette.ColorRole.Window))
        painter = QPainter(pixmap)
        metrics = self.fontMetrics()
        bar = self._bar_rect()
        text_color = palette.color(palette.ColorRole.WindowText)
        window = palette.color(QPalette.ColorRole.Window)
        zones = (
            (LOW_DBFS, SPEECH_GOOD_DBFS, zone_color(window, "low"), self.tr("faible")),
            (SPEECH_GOOD_DBFS, LOUD_DBFS, zone_color(window, "good"), self.tr("bon niveau")),
            (LOUD_DBFS, 0.0, zone_color(window, "loud"), self.tr("fort")),
        )
        for low, high, color, label in zones:
            left, right = self._x(low, bar), self._x(high, bar)
            painter.fillRect(QRectF(left, bar.top(), right - left, bar.height()), color)
            painter.setPen(text_color)
            label_rect = QRectF(left, bar.bottom() + 2, right - left, metrics.height() + 2)
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignCenter, label)
        painter.setPen(QPen(palette.color(palette.ColorRole.Mid), 1))
        painter.drawRect(bar)  # the bars stay inside the frame: it can be drawn once
        mark = self._mark_rect(bar)
        painter.drawRect(mark)
        # Unlit: the word in the text's colour in an empty box (lit: a filled box).
        painter.setPen(text_color)
        painter.drawText(mark, Qt.AlignmentFlag.AlignCenter, self.tr("SATURÉ"))
        painter.end()
        return pixmap

    def _mark_rect(self, bar: QRectF) -> QRectF:
        return QRectF(bar.right() + 8, bar.top(), self._mark_width - 2, bar.height())

    def _paint_tools(self) -> tuple:
        """Colours and pens, looked up once: PySide's enum lookups cost at 25 Hz."""
        palette = self.palette()
        highlight = bar_color(palette)
        translucent = QColor(highlight)
        translucent.setAlpha(110)
        dark = is_dark(palette)
        return (
            highlight,
            translucent,
            palette.color(QPalette.ColorRole.WindowText),
            on_color(dark),
            self.tr("SATURÉ"),
            state_color(BadgeState.FAILED, dark),
        )

    def paintEvent(self, _event: QPaintEvent) -> None:
        if self._background is None:
            self._background = self._draw_background()
            self._tools = self._paint_tools()
        highlight, translucent, hold_color, on_clip, clip_word, clip_color = self._tools
        bar = self._bar_rect()
        top, height, left = bar.top(), bar.height(), bar.left()
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._background)
        peak_right = self._x(self.peak_dbfs, bar)
        painter.fillRect(QRectF(left, top + 3, peak_right - left, height - 6), translucent)
        rms_right = self._x(self.rms_dbfs, bar)
        painter.fillRect(QRectF(left, top + 7, rms_right - left, height - 14), highlight)
        if self.held_dbfs > LOW_DBFS:
            hold_x = self._x(self.held_dbfs, bar)
            painter.fillRect(QRectF(hold_x - 2, top + 1, 3, height - 2), hold_color)
        if self.clipping:  # the mark lit: filled, its word in white
            mark = self._mark_rect(bar)
            painter.fillRect(mark, clip_color)
            painter.setPen(on_clip)
            painter.drawText(mark, ALIGN_CENTER, clip_word)
        painter.end()
