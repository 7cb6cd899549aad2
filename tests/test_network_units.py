"""The small pieces of the connection step: rates from counts, jitter, error kinds,
speedtest-cli's upload bodies and its import without a stdout."""

import errno
import socket
import subprocess
import sys
from email.message import Message
from urllib.error import HTTPError, URLError

import pytest

from readiness.devices.network.latency import Latency, jitter_ms
from readiness.devices.network.network_errors import Failure, NetworkError, classify
from readiness.devices.network.speedtest_client import load_speedtest, upload_sizes, whole_body
from readiness.devices.network.throughput import (
    Samples,
    Upload,
    answered_rate_bps,
    received_rate_bps,
)


def test_jitter_is_the_mean_difference_of_consecutive_round_trips() -> None:
    assert jitter_ms([10.0, 30.0, 10.0, 30.0]) == 20.0
    assert jitter_ms([10.0, 11.0, 13.0]) == 1.5
    assert jitter_ms([42.0]) == 0.0
    latency = Latency((25.0, 35.0, 25.0, 35.0))
    assert latency.median_ms == 30.0 and latency.jitter_ms == 10.0


def test_the_download_rate_leaves_out_the_warm_up() -> None:
    samples = Samples.empty()
    # 0.5 s of slow start, then 1 MB/s (8 Mbit/s)
    for step in range(31):
        t = step / 10
        samples.add(t, int(100_000 * t if t <= 0.5 else 50_000 + 1_000_000 * (t - 0.5)))
    assert received_rate_bps(samples, 0.5, 3.0) == pytest.approx(8e6)
    assert received_rate_bps(samples, 0.0, 3.0) < 7.5e6  # what a whole-test average says


def _uploads(rate_bytes: float, threads: int, size: int, until: float) -> list[Upload]:
    """Requests of ``size`` bytes, each thread sending one after another on a steady line."""
    uploads = []
    per_thread = rate_bytes / threads
    for thread in range(threads):
        start = thread * 0.01
        while start < until:
            end = start + size / per_thread
            uploads.append(Upload(start, size, end if end <= until else None))
            start = end
    return uploads


def test_the_upload_rate_counts_only_answered_requests() -> None:
    uploads = _uploads(250_000, 4, 40_000, until=3.0)  # 2 Mbit/s
    rate = answered_rate_bps(uploads, 0.5, 3.0)
    assert rate == pytest.approx(2e6, rel=0.03)
    # Bytes written but never answered (still in the computer's buffers) change nothing.
    uploads.append(Upload(2.9, 5_000_000, None))
    assert answered_rate_bps(uploads, 0.5, 3.0) == pytest.approx(2e6, rel=0.05)


def test_the_upload_window_ends_where_answers_stop() -> None:
    uploads = [Upload(0.0, 100_000, 1.0), Upload(1.0, 100_000, 2.0), Upload(1.5, 900_000, None)]
    # Up to 1.5 s everything is known: 100 kB a second.
    assert answered_rate_bps(uploads, 0.5, 3.0) == pytest.approx(800_000)


def test_a_very_slow_upload_falls_back_to_what_was_answered() -> None:
    uploads = [Upload(0.0, 16_000, 2.5), Upload(0.1, 16_000, None)]
    assert answered_rate_bps(uploads, 2.0, 3.0) > 0


def test_speedtest_cli_sends_the_whole_body_it_announces() -> None:
    speedtest = load_speedtest()
    assert len(speedtest.HTTPUploaderData(65536, 0, 10).data.getvalue()) == 65529  # its bug
    for size in sorted(set(upload_sizes(8))):
        body = speedtest.HTTPUploaderData(size, 0, 10).data.getvalue()
        assert len(body) == size, size
    assert whole_body(65536) == 65529


def _http_error(code: int) -> HTTPError:
    return HTTPError("http://127.0.0.1/x", code, "nope", Message(), None)


@pytest.mark.parametrize(
    ("error", "failure"),
    [
        (_http_error(403), Failure.FORBIDDEN),
        (_http_error(407), Failure.PROXY),
        (_http_error(500), Failure.HTTP),
        (URLError(socket.gaierror(socket.EAI_NONAME, "unknown")), Failure.DNS),
        (URLError(ConnectionRefusedError(errno.ECONNREFUSED, "refused")), Failure.REFUSED),
        (URLError(TimeoutError("timed out")), Failure.TIMEOUT),
        (TimeoutError("timed out"), Failure.TIMEOUT),
        (URLError(OSError(errno.ENETUNREACH, "Network is unreachable")), Failure.OFFLINE),
        (OSError("Tunnel connection failed: 407 Proxy Authentication Required"), Failure.PROXY),
    ],
)
def test_errors_are_sorted_into_kinds_the_user_can_act_on(error, failure) -> None:
    assert classify(error).failure is failure


def test_speedtest_clis_wrapped_errors_are_unwrapped() -> None:
    speedtest = load_speedtest()
    wrapped = speedtest.ConfigRetrievalError(URLError(socket.gaierror(-3, "again")))
    assert classify(wrapped).failure is Failure.DNS
    already = NetworkError(Failure.TIMEOUT)
    assert classify(already) is already


_WINDOWED = """
import sys
sys.stdout = None
sys.stderr = None
{body}
open(sys.argv[1], "w").write("imported")
"""


def test_speedtest_cli_cannot_be_imported_bare_without_a_stdout(tmp_path) -> None:
    marker = tmp_path / "marker"
    done = subprocess.run(
        [sys.executable, "-c", _WINDOWED.format(body="import speedtest"), str(marker)],
        capture_output=True,
        timeout=30,
    )
    assert done.returncode != 0 and not marker.exists()  # why the guard exists


def test_the_guarded_import_works_without_a_stdout(tmp_path) -> None:
    marker = tmp_path / "marker"
    body = (
        "from readiness.devices.network.speedtest_client import load_speedtest\n"
        "assert load_speedtest().__version__\n"
        "assert sys.stdout is None"
    )
    done = subprocess.run(
        [sys.executable, "-c", _WINDOWED.format(body=body), str(marker)],
        capture_output=True,
        timeout=30,
    )
    assert done.returncode == 0, done.stderr
    assert marker.read_text() == "imported"
