"""What became of a request to open a link (a meeting, a mail, a phone number)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OpenOutcome:
    ok: bool
    #: Why it could not open (for the log; the person is told in plain words).
    detail: str = ""
