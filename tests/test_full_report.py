"""Every check, on stand-in devices, through the command line: the PDF and JSON reports."""

import json
import subprocess
import sys
from pathlib import Path

from test_report import pdf_text

from camera_media import write_variant
from readiness.core.result import Verdict, verdict_title
from speed_server import SpeedServer
from stun_server import StunServer

SCRIPT = Path(sys.executable).parent / "readiness"


def test_every_check_lands_in_the_pdf_and_the_json(tmp_path: Path) -> None:
    video = write_variant(tmp_path, "good")
    report_pdf = tmp_path / "rapport.pdf"
    # The line over UDP too, against a local STUN server: no test asks the public ones.
    with SpeedServer(down_mbps=20, latency_ms=10) as server, StunServer() as stun:
        done = subprocess.run(
            [
                str(SCRIPT),
                "check",
                "--only",
                "camera,network,processes,zoom",
                "--camera",
                str(video),
                "--speedtest-server",
                server.url,
                "--stun-server",
                stun.address,
                "--stability",
                "2",
                "--json",
                "--pdf",
                str(report_pdf),
                "--name",
                "Mélissa Brunet",
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
    report = json.loads(done.stdout)
    assert done.returncode == Verdict(report["verdict"]).exit_code, done.stderr
    checks = {check["id"]: check for check in report["checks"]}
    assert list(checks) == ["camera", "network", "processes", "zoom"]
    assert checks["camera"]["measures"]["faces"] == 1
    assert 17 <= checks["network"]["measures"]["download_mbps"] <= 23
    assert checks["network"]["measures"]["udp_reachable"] is True

    text = pdf_text(report_pdf)
    assert "Mélissa Brunet" in text
    assert verdict_title(Verdict(report["verdict"])) in text
    for check in report["checks"]:
        assert check["title"] in text
