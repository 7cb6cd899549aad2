"""The live camera preview: mirrored as Zoom shows it, and only ever the newest frame.

The capture thread does the heavy part (``PreviewScaler``: fit to the widget,
mirror, convert to Qt's 32-bit pixel layout) and then only pokes the widget. At
most one poke is in flight: while the GUI thread has not taken a frame, later
frames replace it in the feed's slot instead of queueing. The GUI thread wraps
the pixels in a QImage without copying and paints them 1:1.

The frames come from a ``FrameFeed``: the camera check's flow on the page, or a
bare frame grabber in the benchmark.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from readiness.ui.gui_call import GuiCall

if TYPE_CHECKING:
    import numpy as np


class ShownFrame(Protocol):
    """A captured frame, as far as the preview is concerned."""

    @property
    def display(self) -> np.ndarray | None:
        """What the feed's ``prepare`` made of it (None without one)."""
        ...

    @property
    def number(self) -> int: ...


class FrameFeed(Protocol):
    """Where the preview takes its frames from. ``prepare``, which the preview sets,
    runs on the capture thread for each frame; whoever wires the feed has its frames
    call ``notify_frame``."""

    prepare: Callable[[np.ndarray], np.ndarray | None] | None

    def latest(self) -> ShownFrame | None: ...


class PreviewScaler:
    """Prepares a captured frame for painting; runs on the capture thread.

    ``box`` is the widget's size in device pixels; the frame is fitted inside it,
    keeping its proportions.
    """

    def __init__(self) -> None:
        self.box: tuple[int, int] = (0, 0)

    def __call__(self, image: np.ndarray) -> np.ndarray | None:
        import cv2

        box_width, box_height = self.box
        height, width = image.shape[:2]
        if box_width < 2 or box_height < 2 or not width or not height:
            return None
        scale = min(box_width / width, box_height / height)
        size = (max(1, int(width * scale)), max(1, int(height * scale)))
        if scale < 0.5:
            # Averaging by a whole factor first: OpenCV's INTER_AREA is fast only for
            # whole factors (0.2 ms for 720p halved, 3 ms for 720p to 559 wide).
            factor = int(1 / scale)
            whole = (width // factor, height // factor)
            image = cv2.resize(image, whole, interpolation=cv2.INTER_AREA)
        if (image.shape[1], image.shape[0]) != size:
            image = cv2.resize(image, size, interpolation=cv2.INTER_LINEAR)
        mirrored = cv2.flip(image, 1)  # as in a mirror, and as Zoom shows you yourself
        # B, G, R, 255 in memory is QImage.Format_RGB32 on little-endian machines,
        # the backing store's own format: painting it is a plain copy.
        return cv2.cvtColor(mirrored, cv2.COLOR_BGR2BGRA)


class VideoPreview(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.scaler = PreviewScaler()
        self._feed: FrameFeed | None = None
        self._pending = False
        self._image: QImage | None = None
        self._pixels: np.ndarray | None = None  # the buffer behind _image: keep it alive
        self._number = -1
        self._painted_number = -1
        self._message = ""
        self._dimmed = False
        #: New frames painted so far (the benchmark and the tests count them).
        self.frames_drawn = 0
        #: Times the GUI thread was woken to take a frame.
        self.wakeups = 0
        self.setMinimumSize(320, 180)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)  # 16:9 like webcams and Zoom: no wide dark bands
        self.setSizePolicy(policy)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAccessibleName(self.tr("Aperçu de la caméra, en miroir"))
        # The capture thread wakes the preview through it: never a widget being destroyed.
        self._gui = GuiCall(self)

    # --- wiring -----------------------------------------------------------------

    def attach(self, feed: FrameFeed) -> None:
        """Shows ``feed``'s frames; each new frame must call ``notify_frame``."""
        self._feed = feed
        self._update_box()
        feed.prepare = self.scaler

    def detach(self) -> None:
        if self._feed is not None:
            self._feed.prepare = None
        self._feed = None
        self._pending = False

    def notify_frame(self) -> None:
        """Called on the capture thread for each frame: one wake-up in flight at most."""
        if self._pending:
            return
        self._pending = True
        self._gui.call("_take_newest")  # the widget may be gone: its page stops the feed

    def _take_newest(self) -> None:
        self._pending = False  # first: a frame arriving from now on wakes us again
        self.wakeups += 1
        feed = self._feed
        frame = feed.latest() if feed is not None else None
        if frame is None or frame.display is None or frame.number == self._number:
            return
        pixels = frame.display
        height, width = pixels.shape[:2]
        image = QImage(pixels.data, width, height, pixels.strides[0], QImage.Format.Format_RGB32)
        image.setDevicePixelRatio(self.devicePixelRatioF())
        self._image, self._pixels, self._number = image, pixels, frame.number
        self._dimmed = False
        self.update()

    # --- what is shown when there is no live image ------------------------------------

    def set_message(self, text: str, *, dim: bool = True) -> None:
        """Text over the preview ("" to remove); ``dim`` darkens the last image under it."""
        self._message = text
        self._dimmed = bool(text) and dim
        # Painted, so not read by itself: the description says it (a stale one never stays).
        self.setAccessibleDescription(text)
        self.update()

    def message(self) -> str:
        return self._message

    def clear(self) -> None:
        self._image = None
        self._pixels = None
        self._number = -1
        self.update()

    def current_image(self) -> QImage | None:
        return self._image

    def shown_number(self) -> int:
        """The feed's number of the frame on screen (-1: none)."""
        return self._number

    # --- Qt ---------------------------------------------------------------------------

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width * 9 // 16

    def sizeHint(self) -> QSize:
        return QSize(640, 360)

    def _update_box(self) -> None:
        ratio = self.devicePixelRatioF()
        self.scaler.box = (round(self.width() * ratio), round(self.height() * ratio))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._update_box()
        super().resizeEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#1f2328"))
        image = self._image
        if image is not None:
            size = image.deviceIndependentSize()
            corner = QPointF((self.width() - size.width()) / 2, (self.height() - size.height()) / 2)
            painter.drawImage(corner, image)
            if self._number != self._painted_number:
                self._painted_number = self._number
                self.frames_drawn += 1
        if self._message:
            if self._dimmed and image is not None:
                painter.fillRect(self.rect(), QColor(0, 0, 0, 150))
            font = painter.font()
            font.setPointSizeF(font.pointSizeF() * 1.2)
            painter.setFont(font)
            painter.setPen(QColor("white"))
            area = QRectF(self.rect()).adjusted(16, 16, -16, -16)
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(area, int(flags), self._message)
        painter.end()
