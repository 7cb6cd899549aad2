import pytest

from readiness.core.contact import is_plausible_email, is_plausible_phone, mailto_url, tel_url


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
