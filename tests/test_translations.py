"""The translation files: complete, in step with the code, and what the app loads."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from readiness.core import i18n
from readiness.translations import install_in_app, translations_dir

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import translations as tool  # noqa: E402  (the developers' tool, not part of the package)

TS_FILES = sorted((ROOT / "resources" / "translations").glob("*.ts"))


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name"), message.findtext("source"), message.find("translation"))
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_there_is_an_english_translation() -> None:
    assert [ts.name for ts in TS_FILES] == ["readiness_en.ts"]
    assert len(messages(TS_FILES[0])) > 500


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_no_entry_is_unfinished_or_empty(ts: Path) -> None:
    unfinished = [
        (context, source)
        for context, source, translation in messages(ts)
        if translation.get("type") in {"unfinished", "vanished", "obsolete"}
        or not (translation.text or "").strip()
    ]
    assert not unfinished, unfinished


_PLACEHOLDER = re.compile(r"\{[^}]*\}")


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_translations_keep_placeholders_markup_and_one_mnemonic(ts: Path) -> None:
    broken = []
    for context, source, translation in messages(ts):
        text = translation.text or ""
        same_placeholders = sorted(_PLACEHOLDER.findall(source)) == sorted(
            _PLACEHOLDER.findall(text)
        )
        same_tags = sorted(re.findall(r"</?\w+", source)) == sorted(re.findall(r"</?\w+", text))
        same_mnemonics = source.count("&") == text.count("&")
        if not (same_placeholders and same_tags and same_mnemonics):
            broken.append((context, source, text))
    assert not broken, broken


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_the_ts_file_holds_every_text_of_the_code(ts: Path, tmp_path: Path) -> None:
    """pyside6-lupdate run afresh finds nothing new and nothing gone: no text of the code
    is missing from the translation (it would show in French in the English interface)."""
    copy = tmp_path / ts.name
    shutil.copy(ts, copy)
    report = tool.update(copy)
    assert re.search(r"\(0 new and \d+ already existing\)", report), report
    before = {(c, s) for c, s, _ in messages(ts)}
    after = {(c, s) for c, s, _ in messages(copy)}
    assert after == before


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_the_shipped_qm_is_built_from_the_ts(ts: Path, tmp_path: Path) -> None:
    fresh = tmp_path / ts.with_suffix(".qm").name
    tool.release(ts, fresh)
    shipped = ts.with_suffix(".qm")
    assert shipped.read_bytes() == fresh.read_bytes(), (
        "run `uv run python tools/translations.py release`"
    )


def test_in_english_the_app_and_the_core_speak_english(qapp, back_to_french) -> None:
    install_in_app(qapp, "en")
    assert i18n.language() == "en"
    assert QCoreApplication.translate("MainWindow", "&Suivant") == "&Next"
    assert i18n.translate("Status", "Problème") == "Problem"
    assert i18n.decimal(4.5) == "4.5"
    assert QLocale().language() == QLocale.Language.English


def test_in_french_qt_own_buttons_are_french_too(qapp, back_to_french) -> None:
    install_in_app(qapp, "fr")
    assert QCoreApplication.translate("QPlatformTheme", "Close") == "Fermer"
    assert i18n.decimal(4.5) == "4,5"
    assert translations_dir().joinpath("readiness_en.qm").is_file()


@pytest.mark.parametrize(
    ("requested", "system", "expected"),
    [
        (None, ["fr-FR"], "fr"),
        (None, ["en-GB", "fr-FR"], "en"),
        (None, ["de-DE", "en-US"], "en"),  # the first language the app has
        (None, ["de-DE", "es-ES"], "fr"),  # none: the organisation's language
        (None, [], "fr"),
        ("fr", ["en-US"], "fr"),  # --lang wins over the system
        ("en", ["fr_FR"], "en"),
        (None, ["en_GB"], "en"),
    ],
)
def test_the_language_follows_the_request_then_the_system(requested, system, expected) -> None:
    assert i18n.choose_language(requested, system) == expected


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    import os

    environment = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "readiness.cli", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=environment,
    )


def test_the_command_line_speaks_english_with_lang_en() -> None:
    done = run_cli("--lang", "en", "check", "--only", "zoom")
    assert "Summary:" in done.stdout, done.stdout + done.stderr
    assert "Bilan" not in done.stdout


def test_the_command_line_follows_an_english_system() -> None:
    english = run_cli("check", "--only", "zoom", env={"LANGUAGE": "en_GB"})
    french = run_cli("check", "--only", "zoom", env={"LANGUAGE": "fr_FR"})
    assert "Summary:" in english.stdout, english.stdout + english.stderr
    assert "Bilan :" in french.stdout, french.stdout + french.stderr


def test_an_unknown_language_is_refused_in_french() -> None:
    done = run_cli("--lang", "de", "check")
    assert done.returncode == 3
    assert "Erreur" in done.stderr and "'fr', 'en'" in done.stderr


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_french_texts_keep_their_punctuation_on_the_same_line(ts: Path) -> None:
    """A plain space before « : ; ? ! » or inside « » lets the line break there; the
    non-breaking one does not (tools/french_spaces.py puts it in)."""
    from french_spaces import french_spaces

    loose = [source for _, source, _ in messages(ts) if french_spaces(source) != source]
    assert not loose, loose
