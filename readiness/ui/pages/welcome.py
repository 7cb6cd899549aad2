"""« Bienvenue »: what will happen, and how long it takes."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from readiness.core.config import SessionConfig
from readiness.ui.page import Page, paragraph


class WelcomePage(Page):
    step_id = "welcome"

    def __init__(
        self, config: SessionConfig, step_titles: list[str], parent: QWidget | None = None
    ):
        super().__init__(
            self.tr("Bienvenue"),
            self.tr(
                "Quelques minutes avant votre séance avec {organisation}, vérifions ensemble "
                "que tout est prêt. Cela prend environ 5 minutes et rien n'est enregistré."
            ).format(organisation=config.organisation),
            parent,
        )
        # Plain text, not an HTML list: the first page must show fast.
        steps = "\n".join(f"    {n}. {title}" for n, title in enumerate(step_titles, start=1))
        self.steps = paragraph(self.tr("Nous allons voir ensemble :") + "\n" + steps)
        self.body.addWidget(self.steps)
        self.body.addWidget(
            paragraph(
                self.tr(
                    "Installez-vous dans un endroit calme et bien éclairé. À chaque étape, "
                    "nous vous disons ce qui va bien et quoi faire sinon. "
                    "Cliquez sur « Suivant » pour commencer."
                )
            )
        )
        self.body.addStretch(1)
