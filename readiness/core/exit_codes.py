"""The exit codes of every entry point, defined once (the README's table lists them).

``readiness check`` exits with its verdict (0, 1 or 2); ``join`` with 2 when the link
could not be opened; any command, the app and the installer build with 3 on a bad
command line or a bad session.toml.
"""

READY = 0
WARNINGS = 1
NOT_READY = 2
#: ``join``: the meeting's link could not be opened.
OPEN_FAILED = NOT_READY
#: A bad command line or a bad session.toml: one French paragraph on stderr.
BAD_INPUT = 3
#: ``readiness-build``: PyInstaller or the packaging step failed.
BUILD_FAILED = 1
