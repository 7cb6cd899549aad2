"""The comparison behind the screen reader tests, on small made-up windows: each kind of
miss it must catch, and what it must not count as one."""

from __future__ import annotations

from bus_reading import reading_problems


def obj(role: str, name: str = "", description: str = "", states=(), children=(), text=None):
    return {
        "role": role,
        "name": name,
        "description": description,
        "states": ["visible", "showing", *states],
        "text": text,
        "actions": [],
        "children": list(children),
    }


def frame(*children, name: str = "Préparer ma séance"):
    return obj("frame", name, children=children)


def seen(*texts: str, controls=(), title: str = "Préparer ma séance"):
    return {
        "title": title,
        "texts": [{"text": t, "where": "QLabel"} for t in texts],
        "controls": list(controls),
    }


def control(name: str, enabled: bool = True, checked: bool | None = None) -> dict:
    return {"where": f"QPushButton({name!r})", "name": name, "enabled": enabled, "checked": checked}


ENABLED = ("enabled", "sensitive", "focusable")


def test_a_label_named_with_a_title_instead_of_its_text_is_not_heard() -> None:
    bus = frame(obj("label", "Conseils"))
    problems = reading_problems([seen("Installez Zoom.")], [bus])
    assert problems == ["[Préparer ma séance] not heard: 'Installez Zoom.' (QLabel)"]


def test_a_text_in_a_name_a_description_or_a_text_interface_is_heard() -> None:
    bus = frame(
        obj("label", "Installez Zoom."),
        obj("filler", "Résultat", description="Tout va bien."),
        obj("text", "Nom", text="Emma Martin"),
    )
    texts = ("Installez Zoom.", "Tout va bien.", "Emma Martin")
    assert reading_problems([seen(*texts)], [bus]) == []


def test_spaces_of_every_kind_are_one_space() -> None:
    bus = frame(obj("label", "Téléphone\xa0:\n06 20 15 15 32"))
    assert reading_problems([seen("Téléphone : 06 20 15 15 32")], [bus]) == []


def test_a_text_heard_only_in_another_window_is_not_heard_in_its_own() -> None:
    main = frame(obj("label", "Appelez le 06 20 15 15 32"))
    dialog = obj("dialog", "Besoin d'aide ? — Préparer ma séance")
    problems = reading_problems(
        [seen("Appelez le 06 20 15 15 32", title="Besoin d'aide ?")], [main, dialog]
    )
    assert problems == ["[Besoin d'aide ?] not heard: 'Appelez le 06 20 15 15 32' (QLabel)"]


def test_a_window_missing_from_the_bus_is_told() -> None:
    problems = reading_problems([seen(title="La connexion ne revient pas")], [frame()])
    assert problems == [
        "window 'La connexion ne revient pas' not on the bus (there: ['Préparer ma séance'])"
    ]


def test_a_control_without_a_name_or_a_role_is_told() -> None:
    bus = frame(obj("push button", states=ENABLED), obj("unknown", "Aperçu", states=ENABLED))
    problems = reading_problems([seen()], [bus])
    assert problems == [
        "[Préparer ma séance] no name: push button ''",
        "[Préparer ma séance] no role: 'Aperçu'",
    ]


def test_a_disabled_or_checked_state_not_on_the_bus_is_told() -> None:
    bus = frame(
        obj("push button", "< Précédent", states=ENABLED),
        obj("check box", "Se souvenir", states=ENABLED),
    )
    controls = [control("< Précédent", enabled=False), control("Se souvenir", checked=True)]
    problems = reading_problems([seen(controls=controls)], [bus])
    assert problems == [
        "[Préparer ma séance] states of '< Précédent': shown {'enabled': False}, bus "
        "[['visible', 'showing', 'enabled', 'sensitive', 'focusable']]",
        "[Préparer ma séance] states of 'Se souvenir': shown {'enabled': True, 'checked': True}"
        ", bus [['visible', 'showing', 'enabled', 'sensitive', 'focusable']]",
    ]


def test_states_that_match_are_no_problem() -> None:
    bus = frame(
        obj("push button", "< Précédent", states=("focusable",)),
        obj("check box", "Se souvenir", states=(*ENABLED, "checked")),
    )
    controls = [control("< Précédent", enabled=False), control("Se souvenir", checked=True)]
    assert reading_problems([seen(controls=controls)], [bus]) == []


def test_a_control_missing_from_the_bus_is_told() -> None:
    problems = reading_problems([seen(controls=[control("Rejoindre")])], [frame()])
    assert problems == [
        "[Préparer ma séance] not on the bus: 'Rejoindre' (QPushButton('Rejoindre'))"
    ]
