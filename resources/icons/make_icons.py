"""Renders the app icon from readiness.svg: PNGs with Qt, then .ico and .icns with Pillow.

Run again after changing the SVG (Pillow is a tool of this script only, not of the app):

    uv run --with pillow python resources/icons/make_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SVG = HERE / "readiness.svg"
#: readiness-<size>.png: the window icon (Qt picks the size), the Linux hicolor theme.
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512)


def png_path(size: int) -> Path:
    return HERE / f"readiness-{size}.png"


def render_pngs() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        if not image.save(str(png_path(size)), "PNG"):
            raise SystemExit(f"cannot write {png_path(size)}")


def write_ico_and_icns() -> None:
    from PIL import Image

    images = {size: Image.open(png_path(size)).convert("RGBA") for size in PNG_SIZES}
    largest = images[256]
    largest.save(
        HERE / "readiness.ico",
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=[images[size] for size in ICO_SIZES if size != 256],
    )
    images[512].save(
        HERE / "readiness.icns",
        append_images=[images[size] for size in ICNS_SIZES if size != 512],
    )


if __name__ == "__main__":
    render_pngs()
    write_ico_and_icns()
    print("icons written in", HERE)
