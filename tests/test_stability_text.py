"""The line's stability and the call-quality score in words, as the summary and the report
say them, from the network check's measures."""

import pytest

from readiness.core.stability_text import line_sentences, stability_sentence


def plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def measures(**changes) -> dict:
    base = {
        "udp_reachable": True,
        "udp_loss_percent": 0.4,
        "udp_jitter_ms": 3.0,
        "udp_longest_outage_ms": 200.0,
        "udp_outages": 0,
        "stability_duration_s": 185.0,
        "mos": 4.31,
    }
    return {**base, **changes}


def test_a_steady_line_is_stable_with_its_figures() -> None:
    pairs = [(plain(label), plain(text)) for label, text in line_sentences(measures())]
    assert pairs == [
        ("Stabilité", "stable pendant 3 min : 0,4 % de pertes, aucune coupure"),
        ("Qualité d'appel estimée", "excellente (note 4,3 sur 5)"),
    ]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"udp_loss_percent": 4.0}, "instable pendant 3 min : 4 % de pertes, aucune coupure"),
        ({"udp_jitter_ms": 35.0}, "instable pendant 3 min : 0,4 % de pertes, aucune coupure"),
        (
            {"udp_outages": 1, "udp_longest_outage_ms": 1500.0},
            "instable pendant 3 min : 0,4 % de pertes, une coupure de 1,5 s",
        ),
        (
            {"udp_outages": 3, "udp_longest_outage_ms": 2300.0, "stability_duration_s": 42.0},
            "instable pendant 42 s : 0,4 % de pertes, 3 coupures (la plus longue : 2,3 s)",
        ),
        ({"udp_loss_percent": 0.0, "udp_jitter_ms": None}, "stable pendant 3 min : 0 % de"),
        ({"udp_loss_percent": 12.0}, "instable pendant 3 min : 12 % de pertes"),
    ],
)
def test_what_makes_a_line_unstable_is_said(changes: dict, expected: str) -> None:
    (_label, text), *_ = line_sentences(measures(**changes))
    assert plain(text).startswith(expected)


def test_udp_blocked_is_said_instead_of_figures() -> None:
    pairs = line_sentences({"udp_reachable": False, "mos": None})
    assert [plain(text) for _label, text in pairs] == [
        "non mesurée : la voie du son et de l'image (UDP) est bloquée"
    ]


@pytest.mark.parametrize(
    "changes",
    [
        {"udp_reachable": None, "udp_loss_percent": None, "stability_duration_s": None},
        {"udp_outages": None},
        {"udp_loss_percent": "4"},
        {"stability_duration_s": True},
    ],
)
def test_nothing_is_said_of_a_line_not_watched_or_odd_figures(changes: dict) -> None:
    assert line_sentences(measures(**changes)) == []


def test_no_score_without_one() -> None:
    labels = [label for label, _text in line_sentences(measures(mos=None))]
    assert labels == ["Stabilité"]


def test_a_short_watch_counts_seconds_and_never_zero() -> None:
    assert plain(stability_sentence(0.2, 0.0, 0, 0.0, 1.0)).startswith("stable pendant 1 s")
    assert plain(stability_sentence(59.4, 0.0, 0, 0.0, 1.0)).startswith("stable pendant 59 s")
    assert plain(stability_sentence(61.0, 0.0, 0, 0.0, 1.0)).startswith("stable pendant 1 min")
