from datetime import datetime
from pathlib import Path

import pytest

from readiness.core.config import (
    ConfigError,
    default_locations,
    load_session,
    parse_session,
    read_session_file,
)
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
escalate_after_minutes = 10
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_the_embedded_default_holds_the_guides_values() -> None:
    config = read_session_file(resource("session.toml"))
    assert config.organisation == "OF Optimo Coaching"
    assert config.meeting_id == "6595155541"
    assert config.meeting_id_grouped == "659 515 5541"
    assert config.passcode == "Bienvenue!"
    assert config.support.name == "Sabrina PIDOLOT"
    assert config.support.phone == "06 20 15 15 32"
    assert config.support.email == "contact@optimocoaching.fr"
    assert config.escalate_after_minutes == 5
    assert config.accessibility.is_empty


def test_an_organisations_own_file_is_read(tmp_path: Path) -> None:
    config = read_session_file(write(tmp_path / "s.toml", GOOD))
    assert (config.organisation, config.meeting_id, config.passcode) == (
        "Cabinet Exemple",
        "1234567890",
        "s3cret#",
    )
    assert config.escalate_after_minutes == 10


def test_a_meeting_id_written_as_a_number_is_accepted(tmp_path: Path) -> None:
    config = read_session_file(
        write(tmp_path / "s.toml", GOOD.replace('"123-456-7890"', "1234567890"))
    )
    assert config.meeting_id == "1234567890"


@pytest.mark.parametrize(
    ("replace", "by", "key", "line", "words"),
    [
        ('id = "123-456-7890"', 'id = "12345"', "meeting.id", 5, "9 à 11 chiffres"),
        ('passcode = "s3cret#"', 'passcode = "two words"', "meeting.passcode", 6, "sans espace"),
        ('passcode = "s3cret#"', "passcode = 1234", "meeting.passcode", 6, "texte"),
        (
            'email = "camille@exemple.fr"',
            'email = "camille"',
            "support.email",
            11,
            "adresse e-mail",
        ),
        ('phone = "+33 1 23 45 67 89"', 'phone = "bientôt"', "support.phone", 10, "téléphone"),
        (
            "escalate_after_minutes = 10",
            "escalate_after_minutes = 0",
            "support.escalate_after_minutes",
            12,
            "minutes",
        ),
        ('name = "Cabinet Exemple"', 'name = ""', "organisation.name", 2, "vide"),
    ],
)
def test_a_bad_value_names_file_key_line_and_what_is_expected(
    tmp_path: Path, replace: str, by: str, key: str, line: int, words: str
) -> None:
    path = write(tmp_path / "s.toml", GOOD.replace(replace, by))
    with pytest.raises(ConfigError) as caught:
        read_session_file(path)
    error = caught.value
    assert (error.key, error.line) == (key, line)
    message = error.message()
    assert str(path) in message and key in message and f"ligne {line}" in message
    assert words in message
    assert "\n" not in message  # one paragraph


def test_a_toml_syntax_error_gives_its_line(tmp_path: Path) -> None:
    path = write(tmp_path / "s.toml", GOOD.replace('passcode = "s3cret#"', "passcode = s3cret#"))
    with pytest.raises(ConfigError) as caught:
        read_session_file(path)
    assert caught.value.line == 6
    assert "TOML" in caught.value.message()


def test_a_missing_section_or_key_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"section \[meeting\]"):
        read_session_file(write(tmp_path / "a.toml", '[organisation]\nname = "X"\n'))
    without_passcode = GOOD.replace('passcode = "s3cret#"\n', "")
    with pytest.raises(ConfigError, match="passcode"):
        read_session_file(write(tmp_path / "b.toml", without_passcode))


def test_support_needs_a_way_to_be_reached(tmp_path: Path) -> None:
    text = GOOD.replace('phone = "+33 1 23 45 67 89"\n', "").replace(
        'email = "camille@exemple.fr"\n', ""
    )
    with pytest.raises(ConfigError, match="au moins un téléphone"):
        read_session_file(write(tmp_path / "s.toml", text))


def test_unreadable_files_get_a_message_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="introuvable"):
        read_session_file(tmp_path / "absent.toml")
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes(GOOD.replace("Cabinet", "Société").encode("latin-1"))
    with pytest.raises(ConfigError, match="UTF-8"):
        read_session_file(latin1)
    with pytest.raises(ConfigError):
        parse_session("[organisation]\nname = [1, 2]\n", tmp_path / "x.toml")


def test_lookup_order_option_then_beside_program_then_user_then_default(tmp_path: Path) -> None:
    option = write(tmp_path / "option.toml", GOOD.replace("Cabinet Exemple", "Option"))
    beside = write(tmp_path / "beside.toml", GOOD.replace("Cabinet Exemple", "Beside"))
    user = write(tmp_path / "user.toml", GOOD.replace("Cabinet Exemple", "User"))
    absent = tmp_path / "absent.toml"

    def organisation(**kwargs) -> str:
        return load_session(**kwargs).config.organisation

    assert organisation(explicit=option, beside_program=beside, user_file=user) == "Option"
    assert organisation(beside_program=beside, user_file=user) == "Beside"
    assert organisation(beside_program=absent, user_file=user) == "User"
    loaded = load_session(beside_program=absent, user_file=absent)
    assert (loaded.config.organisation, loaded.origin) == ("OF Optimo Coaching", "default")


def test_a_broken_file_is_never_skipped_for_another_meeting(tmp_path: Path) -> None:
    user = write(tmp_path / "user.toml", GOOD.replace('"123-456-7890"', '"1"'))
    with pytest.raises(ConfigError):
        load_session(user_file=user)


def test_default_locations_follow_the_platform(isolated_user: Path) -> None:
    beside, user = default_locations(frozen=True, executable="/opt/readiness/readiness")
    assert beside == Path("/opt/readiness/session.toml")
    assert user == isolated_user / "config" / "readiness" / "session.toml"
    not_frozen, _ = default_locations(frozen=False)
    assert not_frozen is None


def test_an_optional_session_start_is_read(tmp_path: Path) -> None:
    text = GOOD + "\n[session]\nstart = 2026-12-01T14:00:00\n"
    config = read_session_file(write(tmp_path / "s.toml", text))
    assert config.session_start == datetime(2026, 12, 1, 14, 0)
    as_text = GOOD + '\n[session]\nstart = "2026-12-01 14:00"\n'
    assert read_session_file(write(tmp_path / "t.toml", as_text)).session_start.hour == 14
    assert read_session_file(resource("session.toml")).session_start is None


def test_a_session_start_without_a_time_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        read_session_file(write(tmp_path / "s.toml", GOOD + "\n[session]\nstart = 2026-12-01\n"))
    assert caught.value.key == "session.start"
    assert "2026-12-01T14:00:00" in caught.value.message()


def test_devices_can_be_chosen_in_the_file(tmp_path: Path) -> None:
    text = GOOD + '\n[devices]\ncamera = 1\ninput_device = "USB Headset"\noutput_device = ""\n'
    devices = read_session_file(write(tmp_path / "s.toml", text)).devices
    assert (devices.camera, devices.input_device, devices.output_device) == (
        "1",
        "USB Headset",
        None,
    )
    with pytest.raises(ConfigError, match=r"devices\.camera"):
        read_session_file(write(tmp_path / "b.toml", GOOD + "\n[devices]\ncamera = true\n"))


def test_stun_servers_can_be_chosen_in_the_file(tmp_path: Path) -> None:
    text = GOOD + (
        '\n[network]\nstun_servers = ["stun.exemple.fr:3478", "192.0.2.10:19302", '
        '"[2001:db8::1]:3478", "stun:turn.exemple.fr", " Stun.Exemple.org:5349 "]\n'
    )
    devices = read_session_file(write(tmp_path / "s.toml", text)).devices
    assert devices.stun_servers == (
        "stun.exemple.fr:3478",
        "192.0.2.10:19302",
        "[2001:db8::1]:3478",
        "turn.exemple.fr:3478",  # RFC 8489's port when none is given
        "stun.exemple.org:5349",
    )
    assert read_session_file(write(tmp_path / "none.toml", GOOD)).devices.stun_servers is None
    empty = GOOD + "\n[network]\nstun_servers = []\n"  # no UDP probe at all
    assert read_session_file(write(tmp_path / "e.toml", empty)).devices.stun_servers == ()


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ('"stun.exemple.fr:3478"', "Une liste d'adresses de serveurs STUN"),
        ("[3478]", "L'adresse n° 1"),
        ('["stun.exemple.fr:3478", "stun.exemple.fr:0"]', "L'adresse n° 2"),
        ('["stun.exemple.fr:65536"]', "port entre 1 et 65535"),
        ('["stun exemple.fr:3478"]', "L'adresse n° 1"),
        ('["-stun.exemple.fr:3478"]', "L'adresse n° 1"),
        ('["300.1.1.1:3478"]', "L'adresse n° 1"),
        ('["stun.exemple.fr:34a"]', "L'adresse n° 1"),
        ('["[2001:db8::1"]', "L'adresse n° 1"),
        ('["stun.exemple.fr:34\\n78"]', "L'adresse n° 1"),
        ("[" + ", ".join(['"stun.exemple.fr:3478"'] * 11) + "]", "10 au plus"),
    ],
)
def test_a_bad_stun_server_list_names_the_key_and_what_is_expected(
    tmp_path: Path, value: str, words: str
) -> None:
    text = GOOD + f"\n[network]\nstun_servers = {value}\n"
    with pytest.raises(ConfigError) as caught:
        read_session_file(write(tmp_path / "s.toml", text))
    error = caught.value
    assert (error.key, error.line) == ("network.stun_servers", 15)
    message = error.message()
    assert words in message and "ligne 15" in message
    assert "\n" not in message


def test_the_early_connection_test_can_be_turned_off(tmp_path: Path) -> None:
    assert read_session_file(write(tmp_path / "d.toml", GOOD)).devices.early_network_test
    for value, wanted in (("true", True), ("false", False)):
        text = GOOD + f"\n[network]\nearly_test = {value}\n"
        devices = read_session_file(write(tmp_path / f"{value}.toml", text)).devices
        assert devices.early_network_test is wanted


@pytest.mark.parametrize("value", ['"false"', '"non"', "0", "1", "[]"])
def test_early_test_takes_true_or_false_only(tmp_path: Path, value: str) -> None:
    text = GOOD + f"\n[network]\nearly_test = {value}\n"
    with pytest.raises(ConfigError) as caught:
        read_session_file(write(tmp_path / "e.toml", text))
    message = caught.value.message().replace("\u00a0", " ")
    assert caught.value.key == "network.early_test"
    assert "« true » ou « false » est attendu" in message
