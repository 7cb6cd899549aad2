"""Join links for the Zoom desktop app and for the browser."""

from __future__ import annotations

from urllib.parse import quote


def _encode(value: str) -> str:
    return quote(value, safe="")


def app_join_url(meeting_id: str, passcode: str, display_name: str = "") -> str:
    """``zoommtg://`` link for the desktop app, which takes the plain passcode."""
    url = f"zoommtg://zoom.us/join?action=join&confno={_encode(meeting_id)}&pwd={_encode(passcode)}"
    if display_name:
        url += f"&uname={_encode(display_name)}"
    return url


def web_join_url(meeting_id: str) -> str:
    """Browser link. Its ``pwd`` is an encrypted token, so the plain passcode never goes in."""
    return f"https://zoom.us/j/{_encode(meeting_id)}"
