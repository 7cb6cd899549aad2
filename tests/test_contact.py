import re
from urllib.parse import unquote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readiness.core.contact import (
    PhoneProblem,
    is_plausible_email,
    is_plausible_phone,
    mailto_url,
    phone_problem,
    tel_url,
)


@pytest.mark.parametrize(
    "phone", ["06 20 15 15 32", "+33 6 20 15 15 32", "01.23.45.67.89", "(01) 23-45"]
)
def test_plausible_phones(phone: str) -> None:
    assert is_plausible_phone(phone)


@pytest.mark.parametrize(
    "phone", ["", "12", "appelez-moi", "06 20 15 15 32 ext", "+33 6 20 15 15 32 12 34 56"]
)
def test_implausible_phones(phone: str) -> None:
    assert not is_plausible_phone(phone)


@pytest.mark.parametrize("email", ["contact@optimocoaching.fr", "a.b+c@sub.example.org"])
def test_plausible_emails(email: str) -> None:
    assert is_plausible_email(email)


@pytest.mark.parametrize("email", ["", "contact", "contact@", "@x.fr", "a b@x.fr", "a@x", "a@x.f"])
def test_implausible_emails(email: str) -> None:
    assert not is_plausible_email(email)


def test_links() -> None:
    assert tel_url("06 20 15 15 32") == "tel:0620151532"
    assert tel_url("+33 6 20 15 15 32") == "tel:+33620151532"
    assert mailto_url("contact@optimocoaching.fr") == "mailto:contact@optimocoaching.fr"
    assert (
        mailto_url("a@b.fr", subject="Séance & aide")
        == "mailto:a@b.fr?subject=S%C3%A9ance%20%26%20aide"
    )


# --- hardening: the links dial and write to exactly what is written -------------------


@pytest.mark.parametrize(
    ("phone", "url"),
    [
        ("+33 (0)6 20 15 15 32", "tel:+33620151532"),
        ("+33(0)620151532", "tel:+33620151532"),
        ("+44 (0) 20 7946 0000", "tel:+442079460000"),
        ("06 20 15 15 32", "tel:0620151532"),
        ("(0)6 20 15 15 32", "tel:0620151532"),  # no country code: the 0 is dialled
        ("+33 6 20 15 15 32", "tel:+33620151532"),
        ("06\u00a020\u00a015\u00a015\u00a032", "tel:0620151532"),
    ],
)
def test_the_tel_link_dials_the_number_written(phone: str, url: str) -> None:
    assert is_plausible_phone(phone)
    assert tel_url(phone) == url


@pytest.mark.parametrize(
    ("phone", "why"),
    [
        ("٠٦ ٢٠ ١٥ ١٥ ٣٢", PhoneProblem.OTHER_DIGITS),  # Arabic-Indic
        ("۰۶ ۲۰ ۱۵ ۱۵ ۳۲", PhoneProblem.OTHER_DIGITS),  # Persian
        ("０６ ２０ １５ １５ ３２", PhoneProblem.OTHER_DIGITS),  # fullwidth
        ("06 20 15 15 3२", PhoneProblem.OTHER_DIGITS),  # one Devanagari digit
        ("06/20/15/15/32", PhoneProblem.CHARACTERS),
        ("06 20 15 15 32 poste 4", PhoneProblem.CHARACTERS),
        ("06 20 15 15 32;ext=4", PhoneProblem.CHARACTERS),
        ("06 20 15 15 32,4", PhoneProblem.CHARACTERS),
        ("+33 6 20+15 15 32", PhoneProblem.CHARACTERS),
        ("++33 6 20 15 15 32", PhoneProblem.CHARACTERS),
        ("06\u202e20 15 15 32", PhoneProblem.CHARACTERS),
        ("06 20 15 15 32#", PhoneProblem.CHARACTERS),
        ("12", PhoneProblem.LENGTH),
        ("+33 6 20 15 15 32 12 34 56", PhoneProblem.LENGTH),
    ],
)
def test_what_cannot_be_dialled_is_refused_with_its_reason(phone: str, why: PhoneProblem) -> None:
    assert phone_problem(phone) is why
    assert not is_plausible_phone(phone)


@pytest.mark.parametrize(
    "email",
    [
        "x@bücher.de",
        "contact@उदाहरण.भारत",
        "o'brien@exemple.ie",
        "Prénom.Nom@exemple.fr",
        "a_b-c@exemple.co.uk",
    ],
)
def test_real_addresses_in_any_script_are_plausible(email: str) -> None:
    assert is_plausible_email(email)


@pytest.mark.parametrize(
    "email",
    [
        "contact@exemple.fr?cc=autre@exemple.fr",
        "contact@exemple.fr&bcc=x",
        "a%40b@exemple.fr",
        "a#b@exemple.fr",
        "a/b@exemple.fr",
        "a\\b@exemple.fr",
        "a,b@exemple.fr",
        "a;b@exemple.fr",
        "a@b@exemple.fr",
        "a@exemple.fr\n",  # stripped: fine; the next ones are not
        "a\n@exemple.fr",
        "a\t@exemple.fr",
        "a\u202e@exemple.fr",
        "a@exe\u200bmple.fr",
        ".a@exemple.fr",
        "a.@exemple.fr",
        "a..b@exemple.fr",
        "a@exemple..fr",
        "a@-exemple.fr",
        "a@exemple.fr.",
        "a@exemple.1",
        "a@192.168.1.1",
        "a@[192.168.1.1]",
        "<a@exemple.fr>",
        "Camille <a@exemple.fr>",
        "a" * 65 + "@exemple.fr",
        "a@" + "b" * 250 + ".fr",
    ],
)
def test_what_is_not_one_address_is_refused(email: str) -> None:
    if email.endswith("\n"):
        assert is_plausible_email(email)
        return
    assert not is_plausible_email(email)


def test_mailto_encodes_the_address_so_it_cannot_add_a_recipient() -> None:
    url = mailto_url("contact@exemple.fr?cc=autre@exemple.fr&bcc=x", subject="Rapport")
    address, _, query = url.removeprefix("mailto:").partition("?")
    assert query == "subject=Rapport"
    assert unquote(address) == "contact@exemple.fr?cc=autre@exemple.fr&bcc=x"
    assert "," not in mailto_url("a@x.fr,b@y.fr")


# --- properties ----------------------------------------------------------------------

_ADDRESS_CHARS = st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Z", "C", "M"])


@given(st.text(_ADDRESS_CHARS, min_size=1, max_size=40), st.text(max_size=20))
def test_every_accepted_email_gives_a_mailto_that_decodes_to_it(email: str, subject: str) -> None:
    candidate = f"{email}@exemple.fr"
    for value in (email, candidate):
        if not is_plausible_email(value):
            continue
        url = mailto_url(value, subject=subject)
        address, _, _query = url.removeprefix("mailto:").partition("?")
        assert unquote(address) == value.strip()
        assert not set(address) & set("?&#,; \n")
        assert url.count("?") <= 1


@given(st.text(max_size=30), st.sampled_from('?&%#/\\ \t\n\r\x00\u202e\u2066,;<>"@'))
def test_an_address_with_a_forbidden_character_inside_is_refused(local: str, bad: str) -> None:
    local = local.strip() or "x"
    assert not is_plausible_email(f"{local}{bad}a@exemple.fr")


_PHONE_CHARS = st.sampled_from([*"0123456789 .-()", "(0)", " (0) ", "\u00a0"])


@given(st.booleans(), st.lists(_PHONE_CHARS, max_size=30))
def test_every_accepted_phone_dials_its_ascii_digits(international: bool, parts: list[str]) -> None:
    phone = ("+" if international else "") + "".join(parts)
    if not is_plausible_phone(phone):
        return
    url = tel_url(phone)
    number = url.removeprefix("tel:")
    assert set(number) <= set("+0123456789") and number.count("+") <= (1 if international else 0)
    written = phone.strip()
    if international:
        # The trunk "(0)" after the country code is the only digit left out.
        written = re.sub(r"\(\s*0\s*\)", "", written, count=1)
    assert number.lstrip("+") == "".join(c for c in written if c in "0123456789")


@given(st.text(max_size=30))
def test_any_phone_text_is_accepted_only_with_ascii_digits(text: str) -> None:
    problem = phone_problem(text)
    if problem is None:
        assert set(tel_url(text).removeprefix("tel:")) <= set("+0123456789")
        assert all(c in "0123456789 .-()+\u00a0\u202f" for c in text.strip())
    elif any(c.isdigit() and c not in "0123456789" for c in text):
        assert problem in {PhoneProblem.OTHER_DIGITS, PhoneProblem.CHARACTERS}
