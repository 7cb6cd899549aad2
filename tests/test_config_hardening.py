"""session.toml as an attacker or a clumsy editor writes it: every value refused with the
usual message (key, line, what is expected), the file itself checked before it is read,
unknown keys reported without refusing the file."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readiness.core.config import (
    KNOWN_KEYS,
    MAX_FILE_BYTES,
    ConfigError,
    load_session,
    parse_session,
    read_session_file,
)
from readiness.core.contact import tel_url
from readiness.resources import resource

GOOD = """\
[organisation]
name = "Cabinet Exemple"

[meeting]
id = "123-456-7890"
passcode = "s3cret#"

[support]
name = "Camille Martin"
phone = "+33 1 23 45 67 89"
email = "camille@exemple.fr"
role = "votre consultante"
role_en = "your consultant"
escalate_after_minutes = 10

[accessibility]
name = "Dominique Durand"
role = "référente handicap"
role_en = "disability officer"
phone = "01 23 45 67 89"
email = "handicap@exemple.fr"

[devices]
camera = 0
input_device = "USB Headset"
output_device = ""

[network]
speedtest_server = "https://speedtest.exemple.fr:8080/speedtest/upload.php"
speed_service = "https://speed.exemple.fr"
stun_servers = ["stun.exemple.fr:3478"]
early_test = true

[session]
start = 2026-12-01T14:00:00
"""

#: Where each key of GOOD is written.
LINES = {
    "organisation.name": 2,
    "meeting.id": 5,
    "meeting.passcode": 6,
    "support.name": 9,
    "support.phone": 10,
    "support.email": 11,
    "support.role": 12,
    "support.role_en": 13,
    "accessibility.name": 17,
    "accessibility.role": 18,
    "accessibility.role_en": 19,
    "accessibility.phone": 20,
    "accessibility.email": 21,
    "devices.input_device": 25,
    "network.speedtest_server": 29,
    "network.speed_service": 30,
}
PATH = Path("session.toml")


def with_value(key: str, value: str) -> str:
    """GOOD with ``key`` (dotted) set to ``value``, written as TOML."""
    name = key.split(".")[1]
    lines = GOOD.splitlines()
    number = LINES[key] - 1
    assert lines[number].startswith(f"{name} =")
    lines[number] = f"{name} = {value}"
    return "\n".join(lines) + "\n"


def refusal(text: str) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        parse_session(text, PATH)
    return caught.value


def plain(message: str) -> str:
    return message.replace("\u00a0", " ")


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string; every non-printable character escaped."""
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif char.isprintable():
            out.append(char)
        else:
            out.append(f"\\U{ord(char):08X}")
    return '"' + "".join(out) + '"'


def test_the_full_example_is_read_without_warnings() -> None:
    config = parse_session(GOOD, PATH)
    assert config.warnings == ()
    assert config.accessibility.role_en == "disability officer"
    assert config.devices.speed_service == "https://speed.exemple.fr"


def test_the_shipped_file_loads_without_warnings() -> None:
    loaded = load_session(default_file=resource("session.toml"))
    assert (loaded.origin, loaded.warnings) == ("default", ())


# --- text values -----------------------------------------------------------------------

TEXT_KEYS = [
    "organisation.name",
    "support.name",
    "support.role",
    "support.role_en",
    "accessibility.name",
    "accessibility.role",
    "accessibility.role_en",
    "devices.input_device",
]


@pytest.mark.parametrize("key", TEXT_KEYS)
@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ("Cabinet\nExemple", "un retour à la ligne"),
        ("Cabinet\rExemple", "un retour à la ligne"),
        ("Cabinet\tExemple", "une tabulation"),
        ("Cabinet\x00Exemple", "(U+0000)"),
        ("Cabinet\x1bExemple", "(U+001B)"),
        ("Cabinet\x7fExemple", "(U+007F)"),
        ("Cabinet\u202eelpmexE", "(U+202E)"),  # right-to-left override
        ("Cabinet\u202aExemple", "(U+202A)"),
        ("Cabinet\u2066Exemple\u2069", "(U+2066)"),  # isolates
        ("Cab\u200binet", "(U+200B)"),  # zero-width space
        ("Cab\u00adinet", "(U+00AD)"),  # soft hyphen
        ("Cab\u200einet", "(U+200E)"),  # left-to-right mark
        ("Cabinet\ufeff", "(U+FEFF)"),
        ("Cabinet\u2028Exemple", "(U+2028)"),
        ("Cabinet\U000e0041", "(U+E0041)"),  # tag character
        ("Cabinet\ue000", "(U+E000)"),  # private use
        ("\u200d", "(U+200D)"),  # a joiner alone: an invisible name
        ("Cabinet \u200cExemple", "(U+200C)"),  # a joiner beside a space joins nothing
    ],
)
def test_a_text_with_a_control_or_format_character_is_refused(
    key: str, bad: str, words: str
) -> None:
    error = refusal(with_value(key, toml_string(bad)))
    assert (error.key, error.line) == (key, LINES[key])
    message = plain(error.message())
    assert words in message and "sur une seule ligne" in message
    assert f"ligne {LINES[key]}" in message
    assert "\n" not in message and "\u202e" not in message


@pytest.mark.parametrize(
    ("key", "limit"),
    [
        ("organisation.name", 150),
        ("support.name", 100),
        ("accessibility.name", 100),
        ("support.role", 150),
        ("support.role_en", 150),
        ("accessibility.role", 150),
        ("devices.input_device", 300),
    ],
)
def test_absurdly_long_texts_are_refused_with_the_limit(key: str, limit: int) -> None:
    assert parse_session(with_value(key, toml_string("é" * limit)), PATH)
    error = refusal(with_value(key, toml_string("é" * (limit + 1))))
    assert error.key == key
    assert f"{limit} caractères au plus" in plain(error.message())


@pytest.mark.parametrize(
    "name",
    [
        "مهرداد پورمحمدی",  # Persian, with a space
        "می\u200cخواهم شریفی",  # Persian with a zero-width non-joiner, which it needs
        "अमित शर्मा",
        "Zoë O'Brien-Müller",
        "Société\u00a0Exemple",  # a no-break space, as French typography puts
    ],
)
def test_names_in_any_script_are_accepted(name: str) -> None:
    config = parse_session(with_value("support.name", toml_string(name)), PATH)
    assert config.support.name == name


# --- meeting -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "-6595155541",
        "-659_515_5541",
        '"-659 515 5541"',
        '"659 515 5541-"',
        "6.5955e9",
        "6595155541.0",
        "true",
        "false",
        "inf",
        "nan",
        "[6595155541]",
        "{ id = 6595155541 }",
        "2026-12-01",
        "0",
        "-0",
        "99999999999999999999",
    ],
)
def test_a_meeting_id_that_is_no_positive_number_is_refused(value: str) -> None:
    error = refusal(with_value("meeting.id", value))
    assert (error.key, error.line) == ("meeting.id", 5)
    assert "9 à 11 chiffres" in error.message()


@pytest.mark.parametrize("value", ["6595155541", "6_595_155_541", '"659 515 5541"'])
def test_a_meeting_id_written_as_a_positive_number_or_a_text_is_accepted(value: str) -> None:
    assert parse_session(with_value("meeting.id", value), PATH).meeting_id == "6595155541"


@pytest.mark.parametrize("code", ["Bienvenue!!", "12345678901", "x" * 1000])
def test_a_passcode_longer_than_zoom_allows_is_refused_with_the_rule(code: str) -> None:
    error = refusal(with_value("meeting.passcode", toml_string(code)))
    assert (error.key, error.line) == ("meeting.passcode", 6)
    message = plain(error.message())
    assert "10 caractères au plus" in message and "« Bienvenue! »" in message


def test_a_ten_character_passcode_is_accepted() -> None:
    assert parse_session(with_value("meeting.passcode", '"Bienvenue!"'), PATH).passcode == (
        "Bienvenue!"
    )


# --- phone and e-mail ----------------------------------------------------------------


def test_a_phone_with_the_trunk_zero_dials_the_right_number() -> None:
    config = parse_session(with_value("support.phone", '"+33 (0)6 20 15 15 32"'), PATH)
    assert config.support.phone == "+33 (0)6 20 15 15 32"  # shown as written
    assert tel_url(config.support.phone) == "tel:+33620151532"


@pytest.mark.parametrize(
    ("phone", "words"),
    [
        ("٠٦ ٢٠ ١٥ ١٥ ٣٢", "chiffres d'une autre écriture"),
        ("０６ ２０ １５ １５ ３２", "chiffres d'une autre écriture"),
        ("06 20 15 15 32 poste 12", "ne contient que des chiffres"),
        ("06/20/15/15/32", "ne contient que des chiffres"),
        ("06 20 15 15 32;ext=1", "ne contient que des chiffres"),
        ("0620", "de 6 à 15 chiffres"),
        ("06 20 15 15 32 " * 10, "trop long"),
    ],
)
@pytest.mark.parametrize("section", ["support", "accessibility"])
def test_a_phone_that_cannot_be_dialled_is_refused_with_the_reason(
    section: str, phone: str, words: str
) -> None:
    key = f"{section}.phone"
    error = refusal(with_value(key, toml_string(phone)))
    assert (error.key, error.line) == (key, LINES[key])
    assert words in plain(error.message())


@pytest.mark.parametrize(
    "email",
    [
        "contact@exemple.fr?cc=autre@exemple.fr",
        "contact@exemple.fr&bcc=x@y.fr",
        "contact%40exemple.fr@y.fr",
        "a#b@exemple.fr",
        "a/b@exemple.fr",
        "a@b@exemple.fr",
        "a,b@exemple.fr",
        "Camille <camille@exemple.fr>",
        "camille@exemple.fr\nBcc: x@y.fr",
    ],
)
@pytest.mark.parametrize("section", ["support", "accessibility"])
def test_what_is_not_one_email_address_is_refused(section: str, email: str) -> None:
    key = f"{section}.email"
    error = refusal(with_value(key, toml_string(email)))
    assert (error.key, error.line) == (key, LINES[key])
    message = plain(error.message())
    assert "adresse e-mail" in message or "sur une seule ligne" in message


def test_an_internationalised_email_domain_is_accepted() -> None:
    config = parse_session(with_value("support.email", '"contact@bücher.de"'), PATH)
    assert config.support.email == "contact@bücher.de"


# --- web addresses -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("network.speedtest_server", '"http://bob:hunter2@speedtest.exemple.fr/upload.php"', ""),
        ("network.speed_service", '"https://bob:hunter2@speed.exemple.fr"', ""),
        ("network.speedtest_server", '"https://speedtest.exemple.fr/speedtest/"', "upload.php"),
        ("network.speedtest_server", '"https://speedtest.exemple.fr/"', "upload.php"),
        ("network.speedtest_server", '"https://speedtest.exemple.fr:0/upload.php"', "65535"),
        ("network.speedtest_server", '"https://speedtest.exemple.fr:70000/upload.php"', "65535"),
        ("network.speedtest_server", '"https://speed test.fr/upload.php"', "sans espace"),
        ("network.speedtest_server", '"ftp://speedtest.exemple.fr/upload.php"', "http://"),
        ("network.speedtest_server", "8080", "http://"),
        ("network.speed_service", '"https://speed.exemple.fr/?bytes=0"', "sans « ? »"),
        ("network.speed_service", '"https:///__down"', "nom du serveur"),
    ],
)
def test_a_bad_web_address_is_refused_before_anything_is_sent(
    key: str, value: str, words: str
) -> None:
    error = refusal(with_value(key, value))
    assert (error.key, error.line) == (key, LINES[key])
    message = plain(error.message())
    assert words in message
    assert "hunter2" not in message and "hunter2" not in str(error)
    if "hunter2" in value:
        assert "ni nom d'utilisateur ni mot de passe" in message


def test_an_empty_web_address_still_means_none() -> None:
    devices = parse_session(
        with_value("network.speed_service", '""').replace(
            'speedtest_server = "https://speedtest.exemple.fr:8080/speedtest/upload.php"',
            'speedtest_server = ""',
        ),
        PATH,
    ).devices
    assert (devices.speedtest_server, devices.speed_service) == (None, "")


# --- the file itself -----------------------------------------------------------------------


def read_refusal(path: Path) -> str:
    with pytest.raises(ConfigError) as caught:
        read_session_file(path)
    return plain(caught.value.message())


def test_a_folder_gets_its_own_message(tmp_path: Path) -> None:
    message = read_refusal(tmp_path)
    assert "C'est un dossier" in message and "droits" not in message
    assert str(tmp_path / "session.toml") in message  # what to give instead


def test_a_link_to_a_folder_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "link.toml").symlink_to(tmp_path)
    assert "C'est un dossier" in read_refusal(tmp_path / "link.toml")


def test_a_device_is_refused_without_being_read() -> None:
    # /dev/null here; endless devices (/dev/zero) in a process with bounded memory, below.
    if not os.path.exists("/dev/null"):
        pytest.skip("no /dev/null here")
    assert "n'est pas un fichier ordinaire" in read_refusal(Path("/dev/null"))


def test_dev_zero_is_refused_in_a_process_with_little_memory() -> None:
    """Before, reading /dev/zero ate memory until the system killed the process: run it
    where memory is bounded, so that the old behaviour fails instead of harming the host."""
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    code = textwrap.dedent(
        """
        import resource, sys
        from pathlib import Path
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
        from readiness.core.config import ConfigError, read_session_file
        try:
            read_session_file(Path("/dev/zero"))
        except ConfigError as error:
            print(error.message())
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert "n'est pas un fichier ordinaire" in plain(done.stdout)


def test_a_fifo_is_refused_at_once_instead_of_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "session.toml"
    os.mkfifo(fifo)
    outcome: list[str] = []

    def read() -> None:
        try:
            read_session_file(fifo)
        except ConfigError as error:
            outcome.append(plain(error.message()))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():  # the old behaviour: blocked until a writer comes; let it go
        with open(fifo, "wb"):
            pass
        reader.join(timeout=10)
        pytest.fail("reading a FIFO blocked")
    assert outcome and "n'est pas un fichier ordinaire" in outcome[0]


def test_a_huge_file_is_refused_without_being_read(tmp_path: Path) -> None:
    huge = tmp_path / "session.toml"
    with huge.open("wb") as file:
        file.truncate(200 * 1024 * 1024)  # sparse: no disk used
    message = read_refusal(huge)
    assert "trop grand" in message and "64 Ko au plus" in message


def test_the_size_limit_is_exact(tmp_path: Path) -> None:
    padding = MAX_FILE_BYTES - len(GOOD.encode("utf-8"))
    at_limit = GOOD + "#" * (padding - 1) + "\n"
    assert len(at_limit.encode("utf-8")) == MAX_FILE_BYTES
    path = tmp_path / "limit.toml"
    path.write_text(at_limit, encoding="utf-8")
    assert read_session_file(path).organisation == "Cabinet Exemple"
    path.write_text(at_limit + "\n", encoding="utf-8")
    assert "trop grand" in read_refusal(path)


def test_missing_and_unreadable_files_keep_their_messages(tmp_path: Path) -> None:
    assert "introuvable" in read_refusal(tmp_path / "absent.toml")
    file = tmp_path / "file.toml"
    file.write_text(GOOD, encoding="utf-8")
    assert "introuvable" in read_refusal(file / "below.toml")
    if os.geteuid() != 0:  # root reads anything
        file.chmod(0)
        try:
            assert "droits d'accès" in read_refusal(file)
        finally:
            file.chmod(0o600)


# --- unknown keys and sections -----------------------------------------------------------


def test_a_typo_in_an_optional_key_is_a_warning_naming_key_line_and_guess() -> None:
    text = GOOD.replace("escalate_after_minutes = 10", "escalate_after_minute = 10")
    config = parse_session(text, PATH)
    assert config.escalate_after_minutes == 5  # the default: the key was not read
    (warning,) = config.warnings
    assert plain(warning) == (
        "Le fichier de configuration « session.toml » contient une clé inconnue, "
        "« support.escalate_after_minute » (ligne 14) : elle est ignorée. "
        "Vouliez-vous dire « escalate_after_minutes » ?"
    )


def test_a_typo_in_a_required_key_is_said_with_the_error() -> None:
    error = refusal(GOOD.replace("passcode =", "pascode ="))
    message = plain(error.message())
    assert "La clé « passcode » est obligatoire." in message
    assert "« meeting.pascode » (ligne 6) : elle est ignorée." in message
    assert "Vouliez-vous dire « passcode » ?" in message
    assert "\n" not in message


def test_unknown_sections_and_keys_outside_sections_are_reported() -> None:
    text = "titre = 'x'\n" + GOOD + "\n[netwok]\nearly_test = false\n\n[extras]\nx = 1\n"
    warnings = [plain(w) for w in parse_session(text, PATH).warnings]
    assert warnings == [
        "Le fichier de configuration « session.toml » contient une clé « titre » hors de "
        "toute section (ligne 1) : elle est ignorée.",
        "Le fichier de configuration « session.toml » contient une section inconnue, "
        "[netwok] (ligne 38) : elle est ignorée. Vouliez-vous dire [network] ?",
        "Le fichier de configuration « session.toml » contient une section inconnue, "
        "[extras] (ligne 41) : elle est ignorée.",
    ]


def test_a_sub_table_of_a_known_section_is_an_unknown_key() -> None:
    text = GOOD + "\n[meeting.options]\nwaiting_room = true\n"
    (warning,) = parse_session(text, PATH).warnings
    assert "« meeting.options » (ligne 37)" in plain(warning)


def test_an_unknown_key_is_shown_on_one_line_whatever_it_holds() -> None:
    text = GOOD.replace("[devices]\n", '[devices]\n"cam\\nera\\u202e" = 1\n')
    (warning,) = parse_session(text, PATH).warnings
    assert "\n" not in warning and "\u202e" not in warning
    assert "devices.cam\\u000aera\\u202e" in warning


def test_every_key_the_app_reads_is_known() -> None:
    """GOOD, with the organisation's look (tests/test_config_branding.py: a logo needs its
    file), writes every key of KNOWN_KEYS, and none is reported."""
    import tomllib

    text = GOOD.replace(
        'name = "Cabinet Exemple"\n',
        'name = "Cabinet Exemple"\nlogo = ""\naccent_color = "#1F6FB2"\n',
        1,
    )
    data = tomllib.loads(text)
    assert {name: tuple(sorted(data[name])) for name in data} == {
        name: tuple(sorted(keys)) for name, keys in KNOWN_KEYS.items()
    }
    assert parse_session(text, PATH).warnings == ()


def test_load_session_carries_the_warnings(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text(GOOD.replace("early_test", "early_tests"), encoding="utf-8")
    loaded = load_session(path)
    (warning,) = loaded.warnings
    assert "network.early_tests" in warning and "« early_test »" in plain(warning)


# --- anything at all -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "a = " + "[" * 5000 + "]" * 5000,
        "a = " + "{b = " * 5000 + "1" + "}" * 5000,
        GOOD.replace("start = 2026-12-01T14:00:00", "start = 0001-01-01T00:00:00+14:00"),
        GOOD.replace("start = 2026-12-01T14:00:00", "start = 9999-12-31T23:59:59-12:00"),
        GOOD.replace("start = 2026-12-01T14:00:00", 'start = "0001-01-01T00:00:00+14:00"'),
    ],
)
def test_extreme_files_get_a_message_not_a_traceback(text: str) -> None:
    assert refusal(text).message()


_VALUES = st.one_of(
    st.text(max_size=40).map(toml_string),
    st.integers(min_value=-(2**63), max_value=2**63 - 1).map(str),
    st.floats().map(repr),
    st.booleans().map(lambda b: "true" if b else "false"),
    st.lists(st.text(max_size=10).map(toml_string), max_size=3).map(
        lambda items: "[" + ", ".join(items) + "]"
    ),
    st.datetimes().map(lambda d: d.isoformat()),
    st.dates().map(str),
)


@given(key=st.sampled_from(sorted(LINES)), value=_VALUES)
def test_any_value_anywhere_is_read_or_explained(key: str, value: str) -> None:
    try:
        config = parse_session(with_value(key, value), PATH)
    except ConfigError as error:
        section = key.split(".")[0]
        assert (error.key, error.line) == (key, LINES[key]) or error.key == f"[{section}]"
        assert "\n" not in error.message()
        return
    assert config.warnings == ()


@given(st.text(max_size=300))
def test_arbitrary_text_raises_nothing_but_the_configs_own_error(text: str) -> None:
    with contextlib.suppress(ConfigError):
        parse_session(text, PATH)


@given(st.text(max_size=200))
def test_arbitrary_text_after_a_good_file_raises_nothing_else(text: str) -> None:
    try:
        config = parse_session(GOOD + text, PATH)
    except ConfigError:
        return
    assert all(isinstance(w, str) and "\n" not in w for w in config.warnings)
