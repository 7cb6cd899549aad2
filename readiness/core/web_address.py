"""One check for every web address the configuration file or the command line gives.

Scheme http or https, a host (name or IP address), a port between 1 and 65535, no
blanks or invisible characters, never ``user:password@`` (it would be shown in the
summary and the JSON), and the path each kind of server expects: a wrong one made
the speed test post its whole upload to a page that ignored it.
"""

from __future__ import annotations

from enum import Enum
from urllib.parse import urlsplit

from readiness.core.device_choice import is_host
from readiness.core.i18n import translate

#: Speed-test addresses are short; a longer one is a paste gone wrong.
MAX_LENGTH = 500

#: Characters that a URL never holds as they are (RFC 3986), besides blanks and controls.
_UNSAFE = frozenset('\\"<>^`{|}')


class Kind(Enum):
    #: A speedtest.net-style server's ``url``: its path ends in upload.php.
    SPEEDTEST_SERVER = "speedtest_server"
    #: A Cloudflare-style speed service: a base address, ``/__down`` and ``/__up`` are added.
    SPEED_SERVICE = "speed_service"


def example(kind: Kind) -> str:
    if kind is Kind.SPEEDTEST_SERVER:
        return "https://speedtest.exemple.fr:8080/speedtest/upload.php"
    return "https://speed.exemple.fr"


class WebAddressError(ValueError):
    """``problem`` is a French sentence; it never repeats the address, which may hold a
    password."""

    def __init__(self, problem: str):
        super().__init__(problem)
        self.problem = problem


def checked_web_address(text: str, kind: Kind) -> str:
    """``text`` without surrounding blanks, if it is a usable address of this kind; else
    WebAddressError."""
    text = text.strip()
    problem = _problem(text, kind)
    if problem is not None:
        raise WebAddressError(problem.format(example=example(kind), max=MAX_LENGTH))
    return text


def _problem(text: str, kind: Kind) -> str | None:
    """The message (with ``{example}`` and ``{max}`` to fill) for what is wrong, if anything."""
    scheme, sep, rest = text.partition("://")
    if not sep or scheme.lower() not in {"http", "https"}:
        return translate(
            "WebAddress",
            "Une adresse web commençant par http:// ou https:// est attendue, "
            "par exemple « {example} ».",
        )
    if len(text) > MAX_LENGTH:
        return translate(
            "WebAddress",
            "Une adresse web de {max} caractères au plus est attendue, par exemple « {example} ».",
        )
    if any(c.isspace() or not c.isprintable() or c in _UNSAFE for c in text):
        return translate(
            "WebAddress",
            "Une adresse web s'écrit sans espace, sans caractère invisible et sans signe "
            'comme \\ " < > ou |, par exemple « {example} ».',
        )
    # As urlsplit finds it: the part before the first "/", "?" or "#".
    netloc = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    if "@" in netloc:
        return translate(
            "WebAddress",
            "Une adresse web ne doit contenir ni nom d'utilisateur ni mot de passe "
            "(« nom:mot-de-passe@ » avant le nom du serveur) : retirez-les, "
            "par exemple « {example} ».",
        )
    host, port = _host_and_port(netloc)
    if host is None:
        return _no_host()
    if port is None:
        return translate(
            "WebAddress",
            "Le port, après « : », doit être un nombre entre 1 et 65535, "
            "par exemple « {example} ».",
        )
    after_host = rest[len(netloc) :]
    if not after_host.isascii():
        return translate(
            "WebAddress",
            "Après le nom du serveur, une adresse web s'écrit sans accent ni caractère "
            "non latin (encodé, « é » s'écrit « %C3%A9 »), par exemple « {example} ».",
        )
    try:
        path = urlsplit(text).path
    except ValueError:  # what _host_and_port let through and urlsplit does not
        return _no_host()
    if kind is Kind.SPEEDTEST_SERVER:
        if "?" in after_host or "#" in after_host or not path.lower().endswith("/upload.php"):
            return translate(
                "WebAddress",
                "L'adresse d'un serveur au format de speedtest.net finit par « upload.php », "
                "sans rien après, par exemple « {example} ».",
            )
    elif "?" in after_host or "#" in after_host:
        return translate(
            "WebAddress",
            "L'adresse d'un service de mesure est une adresse de base, sans « ? » ni « # », "
            "par exemple « {example} ».",
        )
    return None


def _no_host() -> str:
    return translate(
        "WebAddress",
        "Après « http:// » ou « https:// », le nom du serveur ou son adresse IP est attendu, "
        "par exemple « {example} ».",
    )


def _host_and_port(netloc: str) -> tuple[str | None, int | None]:
    """(host, port) of "host", "host:port", "[IPv6]:port"; host None if it is not one,
    port None if it is not one (0 when none is written: the scheme's)."""
    if netloc.startswith("["):
        inside, bracket, after = netloc[1:].partition("]")
        host = inside if bracket and ":" in inside and is_host(inside) else None
        colon, port_text = after[:1], after[1:]
        if after and colon != ":":
            return None, None
    else:
        host, colon, port_text = netloc.partition(":")
        host = _ascii_host(host)
        if host is not None and (":" in host or not is_host(host)):
            host = None
    if host is None:
        return None, None
    if not colon:
        return host, 0
    if not (port_text.isascii() and port_text.isdigit() and len(port_text) <= 5):
        return host, None
    port = int(port_text)
    return host, port if 1 <= port <= 65535 else None


def _ascii_host(host: str) -> str | None:
    """An internationalised name in its ASCII form (IDNA), as the connection will use it."""
    if host.isascii():
        return host
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return None
