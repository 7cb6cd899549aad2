"""What every page is built with: the window's services, its checks' controller, its tasks."""

from __future__ import annotations

from dataclasses import dataclass

from readiness.ui.check_controller import CheckController
from readiness.ui.services import Services
from readiness.ui.tasks import TaskRunner


@dataclass(frozen=True)
class PageContext:
    services: Services
    controller: CheckController
    tasks: TaskRunner
