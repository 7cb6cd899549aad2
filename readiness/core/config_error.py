"""The error of a session.toml that cannot be used: a French paragraph naming the key and line."""

from __future__ import annotations

from pathlib import Path

from readiness.core.i18n import translate


class ConfigError(Exception):
    """A configuration file that cannot be used; ``str()`` is a French paragraph."""

    def __init__(
        self,
        path: Path,
        problem: str,
        *,
        key: str = "",
        line: int | None = None,
        notes: tuple[str, ...] = (),
    ):
        self.path = path
        self.key = key
        self.line = line
        self.problem = problem
        #: Sentences said after the problem: the file's unknown keys (a typo is often
        #: why a key is missing).
        self.notes = notes
        super().__init__(self.message())

    def message(self) -> str:
        where = translate(
            "Config", "Le fichier de configuration « {path} » ne peut pas être utilisé"
        ).format(path=self.path)
        if self.key.startswith("["):
            place = translate("Config", "section {key}").format(key=self.key)
        elif self.key:
            place = translate("Config", "clé « {key} »").format(key=self.key)
        else:
            place = ""
        if place and self.line:
            where += translate("Config", " : {place} (ligne {line})").format(
                place=place, line=self.line
            )
        elif place:
            where += translate("Config", " : {place}").format(place=place)
        elif self.line:
            where += translate("Config", " (ligne {line})").format(line=self.line)
        text = f"{where}. {self.problem} " + translate(
            "Config",
            "Corrigez ce fichier, ou prévenez la personne qui vous a envoyé l'application.",
        )
        return " ".join((text, *self.notes))
