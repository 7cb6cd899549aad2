"""The checks that need nobody, started in the background as the window opens.

The person reads the welcome page, then tests the camera and the sound; meanwhile the
applications are scanned and the connection measured, one after the other, so their
pages have an answer on arrival. The scan is a short burst of processor (a second of
sampling) and comes first; the connection test loads the line, not the processor, and
the camera preview and the microphone meter beside it keep their pace
(``benchmarks/early_network_test.py``). The Zoom app's check is instant: the window
runs it at once.
"""

from __future__ import annotations

from readiness.core.device_choice import DeviceChoice

#: Not at once: the window's first moments are the welcome page's first paint.
EARLY_PROCESSES_S = 1.5
#: After the scan: the two never measure at the same time.
EARLY_NETWORK_S = 3.0


def early_checks(devices: DeviceChoice) -> dict[str, float]:
    """Check id -> delay after the window opens, in s. A metered line
    (``[network] early_test = false``) waits for the person on its page."""
    plan = {"processes": EARLY_PROCESSES_S}
    if devices.early_network_test:
        plan["network"] = EARLY_NETWORK_S
    return plan
