"""Screenshots of every page, as a user sees them (a developer's tool, not shipped).

    Xvfb :99 -screen 0 1366x768x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb uv run python tools/screenshots.py OUT_DIR \
        [--lang en] [--dark] [--text-scale 2] [--size 1366x768]

Real checks on this computer's devices; each page is grabbed once it has settled.
``--dark`` applies a dark palette like the systems' (the X server has no theme of its
own); ``--text-scale 2`` doubles the text size, as a system's "larger text" setting does.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", choices=("fr", "en"), default="fr")
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--text-scale", type=float, default=1.0)
    parser.add_argument("--size", default="1040x700")
    parser.add_argument("--settle-ms", type=int, default=2500)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QTimer

    from readiness.app import apply_theme, create_application, load_config_or_explain
    from readiness.checks import build_checks
    from readiness.devices.url_opener import SystemUrlOpener
    from readiness.ui.main_window import MainWindow
    from readiness.ui.preferences import Preferences
    from readiness.ui.services import Services
    from readiness.ui.theme import accessible_palette

    app = create_application(["screenshots"], args.lang)
    apply_theme(app)
    if args.dark:
        from system_palettes import fusion_dark

        app.setPalette(accessible_palette(fusion_dark()))
    if args.text_scale != 1.0:
        font = app.font()
        font.setPointSizeF(font.pointSizeF() * args.text_scale)
        app.setFont(font)
    loaded = load_config_or_explain(None)
    assert loaded is not None
    services = Services(
        config=loaded.config,
        preferences=Preferences.for_user(),
        url_opener=SystemUrlOpener(),
        checks=build_checks(devices=loaded.config.devices),
    )
    window = MainWindow(services)
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    window.show()
    window.start_checks()
    rows = iter(range(len(window.steps)))

    def grab_then_next() -> None:
        row = window.sidebar.currentRow()
        step = window.steps[row].step_id
        window.grab().save(str(args.out / f"{row:02d}-{step}.png"))
        following = next(rows, None)
        if following is None:
            window.close()
            app.quit()
            return
        window.sidebar.setCurrentRow(following)
        QTimer.singleShot(args.settle_ms, grab_then_next)

    next(rows)
    QTimer.singleShot(args.settle_ms, grab_then_next)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
