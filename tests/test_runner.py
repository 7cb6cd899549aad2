import threading

from readiness.core.result import CheckResult, Status, Verdict, verdict
from readiness.core.runner import run_check, run_checks


class SlowCheck:
    """Blocks like a driver call that never returns, until the test releases it."""

    id = "slow"
    timeout_s = 0.2

    def __init__(self) -> None:
        self.release = threading.Event()
        self.finished = threading.Event()

    def title(self) -> str:
        return "Lente"

    def run(self) -> CheckResult:
        self.release.wait(30)
        self.finished.set()
        return CheckResult("slow", Status.OK, "Lente", "fini")


class CrashingCheck:
    id = "crash"
    timeout_s = 5.0

    def title(self) -> str:
        return "Plante"

    def run(self) -> CheckResult:
        raise OSError("device vanished")


class FixedCheck:
    timeout_s = 5.0

    def __init__(self, check_id: str, status: Status):
        self.id = check_id
        self.status = status

    def title(self) -> str:
        return self.id

    def run(self) -> CheckResult:
        return CheckResult(self.id, self.status, self.id, "ok", ("faire ceci",), {"value_ms": 12})


def test_a_hung_check_fails_after_its_timeout_without_blocking() -> None:
    check = SlowCheck()
    try:
        result = run_check(check)
        assert not check.finished.is_set()  # the check still hangs: nobody waited for it
    finally:
        check.release.set()
    assert result.status is Status.FAILED
    assert "à temps" in result.summary
    assert result.advice
    assert result.measures == {"timeout_s": 0.2}  # its own timeout gave up on it


def test_an_exception_becomes_a_readable_failed_result(caplog) -> None:
    result = run_check(CrashingCheck())
    assert result.status is Status.FAILED
    assert result.title == "Plante"
    assert "erreur inattendue" in result.summary
    assert "device vanished" in result.measures["error"]
    assert any(record.exc_info for record in caplog.records)  # the traceback goes to the log


def test_checks_run_in_order_and_report_progress() -> None:
    events = []
    checks = [FixedCheck("a", Status.OK), FixedCheck("b", Status.WARNING)]
    results = run_checks(checks, lambda i, n, c, r: events.append((i, n, c.id, r and r.status)))
    assert [r.check_id for r in results] == ["a", "b"]
    assert events == [
        (0, 2, "a", None),
        (0, 2, "a", Status.OK),
        (1, 2, "b", None),
        (1, 2, "b", Status.WARNING),
    ]


def test_verdict_and_exit_codes() -> None:
    def results(*statuses: Status) -> list[CheckResult]:
        return [CheckResult(str(i), s, "t", "s") for i, s in enumerate(statuses)]

    assert verdict(results(Status.OK, Status.SKIPPED)) is Verdict.READY
    assert verdict(results(Status.OK, Status.WARNING)) is Verdict.WARNINGS
    assert verdict(results(Status.WARNING, Status.FAILED)) is Verdict.NOT_READY
    assert [v.exit_code for v in Verdict] == [0, 1, 2]


def test_result_json_shape() -> None:
    result = FixedCheck("net", Status.WARNING).run()
    assert result.to_json() == {
        "id": "net",
        "status": "warning",
        "title": "net",
        "summary": "ok",
        "advice": ["faire ceci"],
        "measures": {"value_ms": 12},
    }
