from urllib.parse import parse_qs, urlsplit

from hypothesis import given
from hypothesis import strategies as st

from readiness.core.meeting import is_valid_passcode
from readiness.core.zoom_links import app_join_url, web_join_url


def test_app_link_carries_id_plain_passcode_and_name_percent_encoded() -> None:
    url = app_join_url("6595155541", "Bienvenue!", "Mélissa Brunet")
    assert url == (
        "zoommtg://zoom.us/join?action=join&confno=6595155541"
        "&pwd=Bienvenue%21&uname=M%C3%A9lissa%20Brunet"
    )
    query = parse_qs(urlsplit(url).query)
    assert query == {
        "action": ["join"],
        "confno": ["6595155541"],
        "pwd": ["Bienvenue!"],
        "uname": ["Mélissa Brunet"],
    }


def test_characters_that_would_break_the_query_are_encoded() -> None:
    url = app_join_url("6595155541", "a&b=c#d", "Anne d'Arc")
    query = parse_qs(urlsplit(url).query)
    assert query["pwd"] == ["a&b=c#d"]
    assert query["uname"] == ["Anne d'Arc"]


def test_app_link_without_a_name_has_no_uname() -> None:
    assert "uname" not in app_join_url("6595155541", "Bienvenue!")


def test_web_link_never_carries_the_plain_passcode() -> None:
    url = web_join_url("6595155541")
    assert url == "https://zoom.us/j/6595155541"
    assert "pwd" not in url


@given(st.text(min_size=1, max_size=10), st.text(max_size=30))
def test_every_valid_passcode_reaches_zoom_as_written_and_alone(code: str, name: str) -> None:
    if not is_valid_passcode(code):
        return
    url = app_join_url("6595155541", code, name.strip())
    query = parse_qs(urlsplit(url).query, keep_blank_values=True, strict_parsing=True)
    assert query["pwd"] == [code] and query["confno"] == ["6595155541"]
    assert set(query) <= {"action", "confno", "pwd", "uname"}
