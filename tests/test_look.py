"""The look people trust (issue 18, item 3): larger text, results as cards, a large
camera preview, and a summary that opens with one large sentence and, when nothing
fails, one large « Rejoindre la séance » button."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QWidget
from test_branding import branded, color_at

from readiness.app import _readable_font
from readiness.core.contrast import TEXT_MINIMUM, ratio
from readiness.core.device_choice import DeviceChoice
from readiness.core.result import CheckResult, Status
from readiness.ui.branding import MAIN_BUTTON, Branding
from readiness.ui.check_result_view import CheckResultView
from readiness.ui.status_style import BadgeState, state_color
from readiness.ui.theme import accessible_palette, rgb, seen_on
from system_palettes import DARK_PALETTES
from ui_walk import contrast_failures, tab_cycle

BASE_POINT_SIZE = 12.0


@pytest.fixture
def app_font(qapp) -> Iterator[None]:
    font = qapp.font()
    try:
        yield
    finally:
        qapp.setFont(font)


@pytest.mark.parametrize("system", [7.0, 9.0, 10.5, 11.5])
def test_the_base_text_is_at_least_12_points(qapp, app_font, system: float) -> None:
    font = qapp.font()
    font.setPointSizeF(system)
    qapp.setFont(font)
    _readable_font(qapp)
    assert qapp.font().pointSizeF() == BASE_POINT_SIZE


@pytest.mark.parametrize("system", [12.0, 14.0, 20.0])
def test_a_larger_system_text_size_is_kept(qapp, app_font, system: float) -> None:
    font = qapp.font()
    font.setPointSizeF(system)
    qapp.setFont(font)
    _readable_font(qapp)
    assert qapp.font().pointSizeF() == system


# --- the summary ------------------------------------------------------------------------


def summary_with(make_window, statuses: dict[str, Status], **kwargs):
    window = make_window(start_checks=False, **kwargs)
    for check_id in window.controller.check_ids:
        status = statuses.get(check_id, Status.OK)
        window.controller.record(CheckResult(check_id, status, check_id.title(), "Vu."))
    window.go_to_step("summary")
    page = window.current_page()
    page.layout().activate()
    QApplication.processEvents()
    return window, page


def test_when_nothing_fails_the_summary_opens_with_a_large_sentence_and_the_way_on(
    make_window, qtbot
) -> None:
    window, page = summary_with(make_window, {})
    assert page.verdict_title.text() == "Tout est prêt"
    body = QApplication.font().pointSizeF()
    assert page.verdict_title.font().pointSizeF() >= 1.8 * body
    assert page.verdict_title.font().pointSizeF() > page.heading.font().pointSizeF()
    # Above the checks' rows: the first thing on the page after its heading.
    top = page.verdict_title.mapTo(page, page.verdict_title.rect().topLeft()).y()
    assert all(top < row.mapTo(page, row.rect().topLeft()).y() for row in page.rows)
    button = page.join_button
    assert button.isVisible() and button.property(MAIN_BUTTON)
    assert "Rejoindre la séance" in button.text().replace("&", "")
    assert button.font().pointSizeF() > body
    button.click()
    assert window.current_page().step_id == "join"


def test_with_warnings_the_way_on_is_offered_too(make_window, qtbot) -> None:
    _window, page = summary_with(make_window, {"zoom": Status.WARNING})
    assert page.verdict_title.text() == "Prêt, avec des points à améliorer"
    assert page.join_button.isVisible()


def test_when_something_fails_there_is_no_join_button(make_window, qtbot) -> None:
    window, page = summary_with(make_window, {"zoom": Status.FAILED})
    assert page.verdict_title.text() == "Un problème empêche la séance"
    assert not page.join_button.isVisible()
    # Fixed, checked again: the button comes back.
    window.controller.record(CheckResult("zoom", Status.OK, "Zoom", "Vu."))
    assert page.join_button.isVisible()


def test_the_join_button_is_reached_with_tab(make_window, qtbot) -> None:
    window, page = summary_with(make_window, {})
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    window.sidebar.setFocus()
    QApplication.processEvents()
    cycle = tab_cycle(window)
    assert page.join_button in cycle
    # Before the report's buttons and the window's own, right after the verdict.
    assert cycle.index(page.join_button) < cycle.index(page.save_button)
    assert cycle.index(page.join_button) < cycle.index(window.next_button)


@pytest.fixture
def themed(qapp) -> Iterator[None]:
    """The light palette as the app makes it (theme.py); the system's again afterwards."""
    system = qapp.palette()
    qapp.setPalette(accessible_palette(system))
    try:
        yield
    finally:
        qapp.setPalette(system)


def test_the_join_button_takes_the_theme_selection_colour_without_an_accent(
    make_window, qtbot, themed
) -> None:
    _window, page = summary_with(make_window, {})
    button = page.join_button
    palette = button.palette()
    assert color_at(button, button.width() // 2, 5) == rgb(palette.highlight().color())
    text = seen_on(palette.highlightedText().color(), palette.highlight().color())
    assert ratio(text, rgb(palette.highlight().color())) >= TEXT_MINIMUM


def test_the_join_button_takes_the_organisation_accent(make_window, qtbot, tmp_path: Path) -> None:
    config = branded(tmp_path, accent="#1F6FB2")
    window = make_window(start_checks=False, config=config)
    branding = Branding(config)
    branding.apply(window)
    for check_id in window.controller.check_ids:
        window.controller.record(CheckResult(check_id, Status.OK, check_id, "Vu."))
    window.go_to_step("summary")  # the page is built after the branding, as in the app
    button = window.current_page().join_button
    QApplication.processEvents()
    colors = branding.colors(QApplication.palette())
    assert colors is not None
    assert color_at(button, button.width() // 2, 5) == colors.fill


# --- the camera preview -------------------------------------------------------------------


def test_the_camera_preview_takes_a_large_part_of_the_page(make_window, qtbot) -> None:
    from readiness.checks import build_checks

    checks = build_checks(devices=DeviceChoice(camera="/nowhere/none.mp4"))
    window = make_window(start_checks=False, checks=[c for c in checks if c.id == "camera"])
    window.resize(1366, 728)  # a common laptop screen, less a taskbar
    window.go_to_step("camera")
    page = window.current_page()
    qtbot.waitUntil(lambda: page.preview.width() > 0)
    QApplication.processEvents()
    preview = page.preview
    viewport = window.stack.currentWidget().viewport()
    assert preview.width() >= 0.6 * viewport.width()
    share = preview.width() * preview.height() / (viewport.width() * viewport.height())
    assert share >= 0.33, share
    assert abs(preview.height() - preview.width() * 9 / 16) <= 2  # 16:9, no dark bands
    # The measures beside it, not pushed below the window.
    result = page.result_view
    assert result.mapTo(page, result.rect().topLeft()).x() > preview.width()


# --- cards ---------------------------------------------------------------------------------


def themes(qapp) -> list[QPalette]:
    light = accessible_palette(qapp.palette())
    return [light, *(accessible_palette(make()) for make in DARK_PALETTES.values())]


@pytest.mark.parametrize("state", [None, *BadgeState])
def test_text_on_every_card_keeps_aa_in_light_and_dark(qapp, state) -> None:
    from readiness.ui.status_style import card_colors

    for palette in themes(qapp):
        fill, _edge = card_colors(state, palette)
        text = seen_on(palette.windowText().color(), fill)
        assert ratio(text, rgb(fill)) >= TEXT_MINIMUM, (state, fill.name())


@pytest.mark.parametrize("status", [Status.OK, Status.WARNING, Status.FAILED])
def test_a_result_is_drawn_as_a_card_tinted_by_its_status(qtbot, status: Status) -> None:
    from readiness.ui.card import Card

    window = QWidget()
    qtbot.addWidget(window)
    window.resize(460, 200)
    view = CheckResultView(window)
    view.setGeometry(20, 20, 420, 160)
    window.show()
    view.show_result(CheckResult("camera", status, "Caméra", "Tout se voit.", advice=("Un",)))
    assert isinstance(view, Card)
    fill, edge = view.colors()
    assert fill != QApplication.palette().window().color()
    # Inside: the tint; on the edge, the status colour, softened.
    assert color_at(window, 20 + view.width() // 2, 20 + view.height() - 4) == rgb(fill)
    assert color_at(window, 20 + view.width() // 2, 20) == rgb(edge)
    own = rgb(state_color(BadgeState.of(status)))
    base = rgb(QApplication.palette().base().color())
    assert sum(abs(a - b) for a, b in zip(rgb(fill), own, strict=True)) < sum(
        abs(a - b) for a, b in zip(base, own, strict=True)
    )
    assert contrast_failures(window) == []
    # Corners are rounded: the very corner is not the card's.
    assert color_at(window, 20, 20) == rgb(window.palette().window().color())


def test_the_summary_rows_are_cards_of_their_status(make_window, qtbot) -> None:
    from readiness.ui.card import Card

    _window, page = summary_with(make_window, {"zoom": Status.WARNING})
    assert page.rows and all(isinstance(row, Card) for row in page.rows)
    states = {row.check_id: row.state for row in page.rows}
    assert states["zoom"] is BadgeState.WARNING
    assert isinstance(page.verdict_card, Card)
    assert page.verdict_card.state is BadgeState.WARNING
    assert page.verdict_card.isAncestorOf(page.join_button)


def test_the_main_buttons_follow_a_larger_text_chosen_while_the_app_runs(
    make_window, qapp, qtbot
) -> None:
    window = make_window(start_checks=False)
    button = window.next_button
    normal = button.font().pointSizeF()
    font = qapp.font()
    larger = qapp.font()
    larger.setPointSizeF(font.pointSizeF() * 2)
    qapp.setFont(larger)
    try:
        qtbot.waitUntil(lambda: button.font().pointSizeF() == 2 * normal, timeout=2_000)
        assert button.font().bold()
    finally:
        qapp.setFont(font)
    qtbot.waitUntil(lambda: button.font().pointSizeF() == normal, timeout=2_000)
