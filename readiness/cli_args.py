"""The command line's grammar: ``readiness [--config F] [check ... | join ...]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NoReturn

from readiness import __version__
from readiness.core import exit_codes
from readiness.core.device_choice import (
    DEFAULT_STABILITY_S,
    MAX_LISTEN_S,
    MAX_STABILITY_S,
    MIN_STABILITY_S,
    stun_server,
    stun_server_text,
)
from readiness.core.i18n import LANGUAGES, translate
from readiness.core.web_address import Kind, WebAddressError, checked_web_address


class _Parser(argparse.ArgumentParser):
    """argparse, with French errors and exit code 3 for a bad invocation."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(
            exit_codes.BAD_INPUT,
            translate("Cli", "Erreur : {message}\nAide : readiness --help\n").format(
                message=message
            ),
        )


def requested_language(argv: list[str]) -> str | None:
    """``--lang`` read before the parser is built, whose help texts depend on it; a bad
    value is left to the parser to explain."""
    for index, arg in enumerate(argv):
        value = None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in LANGUAGES:
            return value
    return None


def _listen_seconds(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        value = -1.0
    if not 0.5 <= value <= MAX_LISTEN_S:
        raise argparse.ArgumentTypeError(
            translate("Cli", "une durée entre 0,5 et {max:g} secondes est attendue").format(
                max=MAX_LISTEN_S
            )
        )
    return value


def _stability_seconds(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        value = -1.0
    if not MIN_STABILITY_S <= value <= MAX_STABILITY_S:  # NaN too
        raise argparse.ArgumentTypeError(
            translate("Cli", "une durée entre {min:g} et {max:g} secondes est attendue").format(
                min=MIN_STABILITY_S, max=MAX_STABILITY_S
            )
        )
    return value


def _stun_server(text: str) -> str:
    address = stun_server(text)
    if address is None:
        raise argparse.ArgumentTypeError(
            translate(
                "Cli",
                "une adresse de serveur STUN est attendue : un nom ou une adresse IP, puis "
                "« : » et un port entre 1 et 65535, par exemple stun.exemple.fr:3478",
            )
        )
    return stun_server_text(address)


def _speedtest_server(text: str) -> str:
    """The same check as the file's [network] speedtest_server, with the same messages
    (which never repeat the address: it may hold a password)."""
    try:
        return checked_web_address(text, Kind.SPEEDTEST_SERVER)
    except WebAddressError as error:
        raise argparse.ArgumentTypeError(error.problem) from None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="readiness",
        description=translate("Cli", "Prépare votre ordinateur à votre séance Zoom."),
    )
    parser.add_argument("--version", action="version", version=f"readiness {__version__}")
    config_help = translate("Cli", "fichier session.toml à utiliser à la place de celui par défaut")
    parser.add_argument("--config", type=Path, metavar="FICHIER", help=config_help)
    lang_help = translate(
        "Cli", "langue de l'interface : fr (français) ou en (anglais) ; par défaut celle du système"
    )
    parser.add_argument("--lang", choices=LANGUAGES, help=lang_help)
    commands = parser.add_subparsers(dest="command", metavar="COMMANDE", parser_class=_Parser)

    check = commands.add_parser("check", help=translate("Cli", "vérifier sans ouvrir de fenêtre"))
    check.add_argument(
        "--only", metavar="ID[,ID...]", help=translate("Cli", "vérifications à faire")
    )
    check.add_argument(
        "--json", action="store_true", help=translate("Cli", "résultat en JSON sur stdout")
    )
    check.add_argument(
        "--camera",
        metavar="NUMÉRO_OU_FICHIER",
        help=translate("Cli", "caméra à vérifier : numéro (0, 1, …) ou fichier vidéo"),
    )
    check.add_argument(
        "--input-device", metavar="MICRO", help=translate("Cli", "micro : numéro ou nom")
    )
    check.add_argument(
        "--output-device",
        metavar="HAUT-PARLEURS",
        help=translate("Cli", "haut-parleurs : numéro ou nom"),
    )
    check.add_argument(
        "--duration",
        type=_listen_seconds,
        metavar="SECONDES",
        help=translate("Cli", "durée d'écoute du micro, en secondes (3 par défaut)"),
    )
    check.add_argument(
        "--speedtest-server",
        type=_speedtest_server,
        metavar="URL",
        help=translate(
            "Cli",
            "serveur de mesure du débit, au format de speedtest.net (finissant par "
            "upload.php) : rien n'est alors demandé à speedtest.net",
        ),
    )
    check.add_argument(
        "--stun-server",
        type=_stun_server,
        action="append",
        metavar="HÔTE:PORT",
        help=translate(
            "Cli",
            "serveur STUN pour mesurer la connexion en UDP, la voie du son et de l'image de "
            "Zoom (option à répéter pour en donner plusieurs ; les serveurs publics ne sont "
            "alors pas utilisés)",
        ),
    )
    check.add_argument(
        "--stability",
        type=_stability_seconds,
        metavar="SECONDES",
        help=translate(
            "Cli",
            "durée de la mesure de stabilité de la connexion, en secondes ({default:g} par défaut)",
        ).format(default=DEFAULT_STABILITY_S),
    )
    check.add_argument(
        "--pdf",
        type=Path,
        metavar="FICHIER",
        help=translate("Cli", "enregistrer aussi le rapport en PDF dans ce fichier"),
    )
    check.add_argument(
        "--name", metavar='"Prénom Nom"', help=translate("Cli", "votre nom, pour le rapport")
    )
    # SUPPRESS: a subcommand's default must not hide a --config given before it.
    check.add_argument(
        "--config", type=Path, metavar="FICHIER", help=config_help, default=argparse.SUPPRESS
    )
    check.add_argument("--lang", choices=LANGUAGES, help=lang_help, default=argparse.SUPPRESS)

    join = commands.add_parser("join", help=translate("Cli", "rejoindre la réunion Zoom"))
    join.add_argument("--name", metavar='"Prénom Nom"', help=translate("Cli", "votre nom affiché"))
    join.add_argument(
        "--print-url", action="store_true", help=translate("Cli", "afficher le lien sans l'ouvrir")
    )
    how = join.add_mutually_exclusive_group()
    how.add_argument(
        "--app", action="store_true", help=translate("Cli", "ouvrir dans l'application Zoom")
    )
    how.add_argument(
        "--web", action="store_true", help=translate("Cli", "ouvrir dans le navigateur")
    )
    join.add_argument(
        "--config", type=Path, metavar="FICHIER", help=config_help, default=argparse.SUPPRESS
    )
    join.add_argument("--lang", choices=LANGUAGES, help=lang_help, default=argparse.SUPPRESS)
    return parser
