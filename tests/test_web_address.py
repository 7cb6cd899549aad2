"""One check for every web address: the file's [network] and the command line's options."""

from urllib.parse import urlsplit

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from readiness.core.web_address import Kind, WebAddressError, checked_web_address

SERVER = Kind.SPEEDTEST_SERVER
SERVICE = Kind.SPEED_SERVICE


def problem(text: str, kind: Kind = SERVER) -> str:
    with pytest.raises(WebAddressError) as caught:
        checked_web_address(text, kind)
    return caught.value.problem.replace("\u00a0", " ")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("https://speedtest.exemple.fr:8080/speedtest/upload.php", SERVER),
        ("http://127.0.0.1:41234/speedtest/upload.php", SERVER),
        ("http://[::1]:8080/upload.php", SERVER),
        ("HTTP://Speedtest.Exemple.fr/Speedtest/UPLOAD.PHP", SERVER),
        ("http://bücher.example/speedtest/upload.php", SERVER),
        ("https://speed.cloudflare.com", SERVICE),
        ("https://speed.exemple.fr/", SERVICE),
        ("https://speed.exemple.fr:8443/mesure", SERVICE),
        ("http://localhost:8080", SERVICE),
    ],
)
def test_usable_addresses_are_kept_as_written(text: str, kind: Kind) -> None:
    assert checked_web_address(f"  {text} ", kind) == text


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "commençant par http:// ou https://"),
        ("speedtest.exemple.fr/upload.php", "commençant par http:// ou https://"),
        ("ftp://speedtest.exemple.fr/upload.php", "commençant par http:// ou https://"),
        ("javascript://x/upload.php", "commençant par http:// ou https://"),
        ("http:/speedtest.exemple.fr/upload.php", "commençant par http:// ou https://"),
        ("http://speed test.fr/upload.php", "sans espace"),
        ("http://speedtest.fr/up load.php", "sans espace"),
        ("http://speedtest.fr/\x00upload.php", "sans caractère invisible"),
        ("http://speedtest.fr/\u202eupload.php", "sans caractère invisible"),
        ("http://speedtest.fr\\upload.php", "sans espace"),
        ('http://speedtest.fr/"upload.php', "sans espace"),
        ("http:///upload.php", "le nom du serveur"),
        ("http://:8080/upload.php", "le nom du serveur"),
        ("http://-bad-.fr/upload.php", "le nom du serveur"),
        ("http://300.1.1.1/upload.php", "le nom du serveur"),
        ("http://[::1/upload.php", "le nom du serveur"),
        ("http://[127.0.0.1]/upload.php", "le nom du serveur"),
        ("http://a:b:c/upload.php", "port"),
        ("http://speedtest.fr:0/upload.php", "entre 1 et 65535"),
        ("http://speedtest.fr:65536/upload.php", "entre 1 et 65535"),
        ("http://speedtest.fr:99999999999/upload.php", "entre 1 et 65535"),
        ("http://speedtest.fr:80a/upload.php", "entre 1 et 65535"),
        ("http://speedtest.fr:/upload.php", "entre 1 et 65535"),
        ("http://speedtest.fr:+80/upload.php", "entre 1 et 65535"),
        ("http://speedtest.fr:٨٠/upload.php", "entre 1 et 65535"),
        ("http://speedtest.fr/", "upload.php"),
        ("http://speedtest.fr/speedtest/", "upload.php"),
        ("http://speedtest.fr/speedtest/upload.php.bak", "upload.php"),
        ("http://speedtest.fr/speedtest/upload.php?x=1", "upload.php"),
        ("http://speedtest.fr/speedtest/upload.php#top", "upload.php"),
        ("http://speedtest.fr/séance/upload.php", "sans accent"),
        ("http://speedtest.fr/" + "a" * 600 + "/upload.php", "500 caractères au plus"),
    ],
)
def test_what_is_wrong_with_a_speedtest_server_is_said(text: str, words: str) -> None:
    message = problem(text)
    assert words in message
    assert "https://speedtest.exemple.fr:8080/speedtest/upload.php" in message  # an example


@pytest.mark.parametrize(
    "text",
    [
        "https://speed.exemple.fr/?bytes=1",
        "https://speed.exemple.fr?",
        "https://speed.exemple.fr/#x",
    ],
)
def test_a_speed_service_is_a_base_address(text: str) -> None:
    message = problem(text, SERVICE)
    assert "adresse de base" in message and "https://speed.exemple.fr" in message


@pytest.mark.parametrize(
    "text",
    [
        "http://bob:hunter2@speedtest.fr/speedtest/upload.php",
        "http://hunter2@speedtest.fr/speedtest/upload.php",
        "http://bob:hunter2@speedtest.fr",
        "http://bob:hunter2@/upload.php",
        "http://bob:hunter2@speedtest.fr:99999/x",
    ],
)
def test_credentials_are_refused_without_being_repeated(text: str) -> None:
    for kind in Kind:
        message = problem(text, kind)
        assert "mot de passe" in message
        assert "hunter2" not in message and "bob" not in message


# --- properties --------------------------------------------------------------------

_LABEL = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?", fullmatch=True)
_HOSTS = st.one_of(
    st.lists(_LABEL, min_size=1, max_size=4)
    .map(".".join)
    .filter(lambda name: not name.replace(".", "").isdigit()),
    st.ip_addresses(v=4).map(str),
    st.ip_addresses(v=6).map(lambda ip: f"[{ip}]"),
)
_PATH_SEGMENTS = st.lists(st.from_regex(r"[A-Za-z0-9._~-]{1,12}", fullmatch=True), max_size=3)


@given(
    scheme=st.sampled_from(["http", "https"]),
    host=_HOSTS,
    port=st.one_of(st.none(), st.integers(1, 65535)),
    segments=_PATH_SEGMENTS,
)
def test_every_accepted_address_reparses_to_what_was_written(
    scheme: str, host: str, port: int | None, segments: list[str]
) -> None:
    netloc = host if port is None else f"{host}:{port}"
    text = f"{scheme}://{netloc}/{'/'.join([*segments, 'upload.php'])}"
    parts = urlsplit(checked_web_address(text, SERVER))
    assert (parts.scheme, parts.port) == (scheme, port)
    assert parts.hostname == host.strip("[]")
    assert parts.username is None and parts.password is None
    service = checked_web_address(f"{scheme}://{netloc}/{'/'.join(segments)}", SERVICE)
    assert urlsplit(service).hostname == host.strip("[]")


@given(text=st.text(max_size=80))
def test_arbitrary_text_is_accepted_whole_or_refused_with_a_message(text: str) -> None:
    for kind in Kind:
        try:
            accepted = checked_web_address(text, kind)
        except WebAddressError as error:
            assert isinstance(error.problem, str) and error.problem
            continue
        parts = urlsplit(accepted)
        assert parts.scheme.lower() in {"http", "https"} and parts.hostname
        assert "@" not in parts.netloc
        assert 1 <= (parts.port or 80) <= 65535
        assert not any(c.isspace() or not c.isprintable() for c in accepted)


_FORBIDDEN = st.sampled_from([" ", "\t", "\n", "\x00", "\x7f", "\u200b", "\u202e", "\u2066", "\\"])


@given(host=_LABEL, where=st.integers(0, 1000), bad=_FORBIDDEN, kind=st.sampled_from(list(Kind)))
def test_a_blank_or_invisible_character_inside_is_always_refused(
    host: str, where: int, bad: str, kind: Kind
) -> None:
    text = f"https://{host}.fr/speedtest/upload.php"
    position = 8 + where % (len(text) - 9)  # inside, after "https://", before the end
    broken = text[:position] + bad + text[position:]
    with pytest.raises(WebAddressError):
        checked_web_address(broken, kind)


@given(
    user=st.text(min_size=1, max_size=12).filter(lambda t: "/" not in t and "@" not in t),
    password=st.from_regex(r"pw[0-9]{6,10}", fullmatch=True),
    kind=st.sampled_from(list(Kind)),
)
def test_no_password_is_ever_accepted_or_repeated(user: str, password: str, kind: Kind) -> None:
    assume(not any(c in "?#" for c in user))
    text = f"https://{user}:{password}@speedtest.exemple.fr/speedtest/upload.php"
    with pytest.raises(WebAddressError) as caught:
        checked_web_address(text, kind)
    assert password not in caught.value.problem
