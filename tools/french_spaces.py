"""Put French typography's non-breaking spaces in the code's strings (a developer's tool).

    uv run python tools/french_spaces.py FILE.py... [resources/translations/*.ts]

French puts a space inside « » and before : ; ? ! — a plain space there lets the line
break between "Suivant" and "»", or leave a lone ":" at the start of a line. This
replaces those spaces with U+00A0 inside string literals only (Python's tokenizer
finds them), and in the <source> texts of .ts files, so that translations keep
matching. tests/test_translations.py fails on a plain space left there.

Give it the files that hold interface texts, not parsers: "Signal : 80 %" as netsh
prints it has plain spaces (readiness/devices/ is left out for that reason).
"""

from __future__ import annotations

import io
import re
import sys
import tokenize
from pathlib import Path

NBSP = "\u00a0"
_BEFORE = re.compile(r" (?=[:;?!](?:[ \n\"'\\)<]|$))")


def french_spaces(text: str) -> str:
    text = text.replace("« ", "«" + NBSP).replace(" »", NBSP + "»")
    return _BEFORE.sub(NBSP, text)


def fix_python(source: str) -> str:
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    lines = source.splitlines(keepends=True)
    # From the end, so that earlier positions stay right.
    for token in reversed(tokens):
        if token.type != tokenize.STRING or token.start[0] != token.end[0]:
            continue
        row, start = token.start
        _, end = token.end
        line = lines[row - 1]
        lines[row - 1] = line[:start] + french_spaces(line[start:end]) + line[end:]
    return "".join(lines)


_SOURCE = re.compile(r"(<source>)(.*?)(</source>)", re.DOTALL)


def fix_ts(text: str) -> str:
    return _SOURCE.sub(lambda m: m.group(1) + french_spaces(m.group(2)) + m.group(3), text)


def main(paths: list[str]) -> int:
    for name in paths:
        path = Path(name)
        before = path.read_text(encoding="utf-8")
        after = fix_ts(before) if path.suffix == ".ts" else fix_python(before)
        if after != before:
            path.write_text(after, encoding="utf-8")
            print(f"{path}: fixed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
