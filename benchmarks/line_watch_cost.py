"""What the background line watch costs: CPU of its threads, bytes on the wire.

The watch (``readiness.checks.line_watch.LineWatch``, at the app's defaults: 10 STUN
Binding requests a second, the snapshot's chart redrawn every second, its figures every
5 s) runs against a STUN responder on 127.0.0.1 (tests/stun_server.py: 20 ms delay,
2 ms jitter, no loss). The responder runs in this process; the watch runs in a child
process of its own (this script again, with ``--child watch``) that does nothing else,
so the child's CPU time is the watch's. A second child (``--child idle``) does the same
imports and then nothing, beside it for the same time: the interpreter's own share. Once
both have started (the watch a second before, to find its server: start-up is left out),
their CPU time (user + system, every thread, ``psutil.Process(pid).cpu_times()``) is read
at the start and the end of the same ``--seconds`` window; the watch's share of one core
is (watch − idle) / window.
The watch child also gives the split between its two threads (stream and view, from
their own CPU clocks, ``time.pthread_getcpuclockid``) and the figures its last snapshot showed.

Bytes on the wire: the responder's counters over the same window, UDP payloads plus
28 bytes a datagram for the IPv4 (20) and UDP (8) headers, up (requests) and down
(answers). Link-layer framing (Ethernet's 14-38 bytes, Wi-Fi's more) is not counted,
and a public STUN server's answer may be longer than the test responder's.

The figures themselves cost more as the history grows (600 s are kept, 6,000 echoes
at 10 a second), and a short run sees only part of that: ``summarize`` (with the
copy of the history it is given) and ``LineHistory.chart(now, 180, 2)`` are timed
(CPU time, median of many calls) over a synthetic full history, and over the history
the run had on average, to give their share of a core at their rates and a projection
of the watch's cost once its history is full.

Targets (issue: the background probe): at most 1 % of one core, a few kB/s (here: at
most 5 kB/s, both ways together). Also shown: the requests actually sent a second
(10), the loss and jitter the watch measured on this clean path (0 %, a couple of ms),
how often the snapshot and its figures were refreshed (1 s, 5 s). Always exits 0: it
is a measurement.

    uv run python benchmarks/line_watch_cost.py [--seconds 120] [--quick]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import threading
import time
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

DELAY_MS, JITTER_MS = 20.0, 2.0
TARGET_CPU_SHARE = 0.01
TARGET_BYTES_S = 5000.0
TARGET_RATE_HZ = 10.0
HEADERS = 28  # IPv4 (20) and UDP (8)
#: The synthetic history: 600 s at 10 a second, 1 % lost, round trips 20 + U(0, 6) ms.
FULL_S, SYNTHETIC_LOSS = 600.0, 0.01


# --- the child: the watch, or nothing ---------------------------------------------------


def child(mode: str, port: int) -> int:
    # The same imports in both children (the stream imports these when it starts).
    import readiness.devices.network.udp_stream  # noqa: F401
    from readiness.checks.line_watch import LineWatch
    from readiness.checks.network import udp_stream_part

    class CountedWatch(LineWatch):
        """Notes when each snapshot was taken and when its figures were new."""

        refreshed: list[float]
        figured: list[float]

        def _refresh(self, *, force_stats: bool = False) -> None:
            before = self._stats_at
            super()._refresh(force_stats=force_stats)
            self.refreshed.append(self._snapshot.taken_at)
            if self._stats_at != before:
                self.figured.append(self._stats_at)

    watch = None
    if mode == "watch":
        watch = CountedWatch(udp_stream_part([("127.0.0.1", port)]), max_s=1e9)
        watch.refreshed, watch.figured = [], []
        watch.start()
    print("ready", flush=True)
    sys.stdin.readline()  # the parent's "stop", once it has read our CPU time
    if watch is None:
        print("{}", flush=True)
        return 0
    shown = watch.snapshot()
    # Each thread's own CPU clock (ns resolution; the kernel's per-thread tick counts
    # are 10 ms coarse).
    per_thread = {
        t.name: time.clock_gettime(time.pthread_getcpuclockid(t.ident))
        for t in threading.enumerate()
        if t.name.startswith("line-watch") and t.ident is not None
    }
    refreshed, figured = list(watch.refreshed), list(watch.figured)
    watch.stop()
    stats = shown.stats
    result = {
        "state": shown.state,
        "server": shown.server,
        "watched_s": shown.watched_s,
        "thread_cpu_s": per_thread,
        "thread_age_s": time.monotonic() - refreshed[0] if refreshed else None,
        "refresh_gaps": [b - a for a, b in pairwise(refreshed)],
        "figure_gaps": [b - a for a, b in pairwise(figured)],
        "stats": None
        if stats is None
        else {
            "sent": stats.sent,
            "received": stats.received,
            "loss": stats.loss_percent,
            "jitter": stats.jitter_ms,
            "rtt": stats.rtt_ms,
            "p95": stats.rtt_p95_ms,
            "outage": stats.longest_outage_ms,
            "reordered": stats.reordered,
        },
    }
    print(json.dumps(result), flush=True)
    return 0


# --- the figures' own cost, on a synthetic history --------------------------------------


def synthetic_history(seconds: float, rate_hz: float = TARGET_RATE_HZ):
    """A LineHistory holding ``seconds`` of echoes, added as the watch adds them (in the
    order they settle: a lost one a second after it was sent), and the time it ends."""
    from readiness.core.line_history import LineHistory
    from readiness.core.line_stats import Echo
    from readiness.devices.network.udp_probe import LINGER_S

    rng = random.Random(15)
    start = 1000.0
    echoes = []
    for seq in range(round(seconds * rate_hz)):
        sent = start + seq / rate_hz
        if rng.random() < SYNTHETIC_LOSS:
            echoes.append((sent + LINGER_S, Echo(seq, sent, None)))
        else:
            rtt = (DELAY_MS + rng.uniform(0, 3 * JITTER_MS)) / 1000.0
            echoes.append((sent + rtt, Echo(seq, sent, sent + rtt)))
    echoes.sort(key=lambda pair: pair[0])
    history = LineHistory(start)
    for _settled, echo in echoes:
        history.add(echo)
    return history, start + seconds


def cpu_ms(call, repeat: int) -> float:
    """The median CPU time of ``call()`` (this thread's), in ms."""
    times = []
    for _ in range(repeat):
        before = time.thread_time()
        call()
        times.append((time.thread_time() - before) * 1000.0)
    return statistics.median(times)


def figures_cost(seconds: float) -> dict:
    """ms a call: (copy + summarize) and chart, over a history of ``seconds``."""
    from readiness.checks.line_watch import CHART_BUCKET_S, CHART_SPAN_S
    from readiness.core.line_stats import summarize

    history, now = synthetic_history(seconds)
    watched = history.watched_s(now)

    def figures() -> None:
        summarize(history.kept(now), watched)

    return {
        "echoes": len(history.kept(now)),
        "kept": cpu_ms(lambda: history.kept(now), 50),
        "figures": cpu_ms(figures, 30),
        "chart": cpu_ms(lambda: history.chart(now, CHART_SPAN_S, CHART_BUCKET_S), 50),
    }


# --- the parent: the responder, the two children, the table ------------------------------


def spawn(mode: str, port: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--child", mode, "--port", str(port)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def cpu_s(process) -> float:
    times = process.cpu_times()
    return times.user + times.system


def measure(seconds: float) -> dict:
    import psutil

    from stun_server import StunServer  # tests/, on the path above

    with StunServer(delay_ms=DELAY_MS, jitter_ms=JITTER_MS) as server:
        children = {mode: spawn(mode, server.port) for mode in ("watch", "idle")}
        try:
            for process in children.values():
                if process.stdout.readline().strip() != "ready":
                    raise RuntimeError("a child did not start")
            watched = {mode: psutil.Process(p.pid) for mode, p in children.items()}
            time.sleep(1.0)  # the watch finds its server (a second at most): then measured
            counters = ("requests", "answered", "bytes_in", "bytes_out")
            start = {name: getattr(server, name) for name in counters}
            cpu_start = {mode: cpu_s(p) for mode, p in watched.items()}
            wall_start = time.monotonic()
            time.sleep(seconds)
            cpu_end = {mode: cpu_s(p) for mode, p in watched.items()}
            wall = time.monotonic() - wall_start
            end = {name: getattr(server, name) for name in counters}
            reports = {}
            for mode, process in children.items():
                out, _ = process.communicate("stop\n", timeout=30)
                reports[mode] = json.loads(out.strip().splitlines()[-1])
        finally:
            for process in children.values():
                if process.poll() is None:
                    process.kill()
    delta = {name: end[name] - start[name] for name in counters}
    return {
        "wall": wall,
        "cpu": {mode: cpu_end[mode] - cpu_start[mode] for mode in children},
        "up": (delta["bytes_in"] + HEADERS * delta["requests"]) / wall,
        "down": (delta["bytes_out"] + HEADERS * delta["answered"]) / wall,
        "rate": delta["requests"] / wall,
        "answer_bytes": delta["bytes_out"] / delta["answered"] if delta["answered"] else 0,
        "request_bytes": delta["bytes_in"] / delta["requests"] if delta["requests"] else 0,
        "report": reports["watch"],
    }


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--quick", action="store_true", help="30 s instead")
    parser.add_argument("--child", choices=("watch", "idle"), help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.port)
    seconds = 30.0 if args.quick else args.seconds

    from readiness.checks.line_watch import REFRESH_S, STATS_EVERY_S

    # Before the responder starts: nothing else runs in this process meanwhile.
    full = figures_cost(FULL_S)
    # The history the run's figures saw on average (it grows from nothing).
    mean_s = min(FULL_S, (seconds + 1.0) / 2)
    run_part = figures_cost(mean_s)

    print(
        f"Line watch cost: {seconds:g} s window, STUN responder on 127.0.0.1"
        f" (delay {DELAY_MS:g} ms, jitter {JITTER_MS:g} ms, no loss),"
        f" app defaults (chart every {REFRESH_S:g} s, figures every {STATS_EVERY_S:g} s)"
    )
    m = measure(seconds)
    report = m["report"]
    wall = m["wall"]
    idle_share = m["cpu"]["idle"] / wall
    watch_share = m["cpu"]["watch"] / wall
    own_share = watch_share - idle_share
    threads = report["thread_cpu_s"]
    age = report["thread_age_s"] or wall
    stream_share = threads.get("line-watch", 0.0) / age
    view_share = threads.get("line-watch-view", 0.0) / age
    # Once 600 s are kept: the figures and the chart cost what they do over a full history
    # instead of what they cost over the run's.
    extra = (full["figures"] - run_part["figures"]) / 1000.0 / STATS_EVERY_S + (
        full["chart"] - run_part["chart"]
    ) / 1000.0 / REFRESH_S
    projected = own_share + extra
    figures_share = full["figures"] / 1000.0 / STATS_EVERY_S
    chart_share = full["chart"] / 1000.0 / REFRESH_S
    total_bytes = m["up"] + m["down"]
    stats = report["stats"] or {}
    refresh_gaps, figure_gaps = report["refresh_gaps"], report["figure_gaps"]

    rows: list[tuple[str, str, str, str]] = []

    def row(name: str, value: str, target: str = "", ok: bool | None = None) -> None:
        rows.append((name, value, target, "" if ok is None else verdict(ok)))

    pct = 100.0
    row("CPU, watch process (user+system)", f"{pct * watch_share:.3f} % of a core")
    row("CPU, idle process (same imports)", f"{pct * idle_share:.3f} % of a core")
    row(
        "CPU, the watch's own (watch - idle)",
        f"{pct * own_share:.3f} % of a core",
        f"<= {pct * TARGET_CPU_SHARE:g} %",
        own_share <= TARGET_CPU_SHARE,
    )
    row("  stream thread (line-watch)", f"{pct * stream_share:.3f} % of a core")
    row("  view thread (line-watch-view)", f"{pct * view_share:.3f} % of a core")
    row(
        "CPU, projected with 600 s of history",
        f"{pct * projected:.3f} % of a core",
        f"<= {pct * TARGET_CPU_SHARE:g} %",
        projected <= TARGET_CPU_SHARE,
    )
    row("Bytes up (requests + headers)", f"{m['up'] / 1000:.2f} kB/s")
    row("Bytes down (answers + headers)", f"{m['down'] / 1000:.2f} kB/s")
    row(
        "Bytes, both ways",
        f"{total_bytes / 1000:.2f} kB/s",
        f"<= {TARGET_BYTES_S / 1000:g} kB/s",
        total_bytes <= TARGET_BYTES_S,
    )
    row(
        "  payload a datagram, up / down",
        f"{m['request_bytes']:.0f} / {m['answer_bytes']:.0f} B (+{HEADERS})",
    )
    row(
        "Requests sent a second",
        f"{m['rate']:.2f} /s",
        f"{TARGET_RATE_HZ:g} /s (+-2 %)",
        abs(m["rate"] - TARGET_RATE_HZ) <= 0.02 * TARGET_RATE_HZ,
    )
    if stats:
        row(
            "Loss measured (clean path)",
            f"{stats['loss']:.2f} % ({stats['sent']} sent)",
            "0 %",
            stats["loss"] == 0,
        )
        row(
            "Jitter measured",
            f"{stats['jitter']:.2f} ms",
            f"about {JITTER_MS:g} ms (<= {2 * JITTER_MS:g})",
            stats["jitter"] is not None and stats["jitter"] <= 2 * JITTER_MS,
        )
        row(
            "  round trip p50 / p95, longest outage",
            f"{stats['rtt']:.1f} / {stats['p95']:.1f} / {stats['outage']:.0f} ms",
        )
    else:
        row("Loss / jitter measured", "no figures", "0 % / ~2 ms", False)
    if refresh_gaps:
        row(
            "Snapshot refreshed every (mean / max)",
            f"{statistics.mean(refresh_gaps):.3f} / {max(refresh_gaps):.3f} s",
            f"{REFRESH_S:g} s",
            abs(statistics.mean(refresh_gaps) - REFRESH_S) <= 0.05 * REFRESH_S,
        )
    if figure_gaps:
        row(
            "Figures recomputed every (mean / max)",
            f"{statistics.mean(figure_gaps):.3f} / {max(figure_gaps):.3f} s",
            f"{STATS_EVERY_S:g} s",
            abs(statistics.mean(figure_gaps) - STATS_EVERY_S) <= 0.25 * REFRESH_S,
        )
    row(
        f"kept() copy, {full['echoes']} echoes",
        f"{full['kept']:.2f} ms a call (under the lock)",
    )
    row(
        f"kept() + summarize, {full['echoes']} echoes",
        f"{full['figures']:.2f} ms a call = {pct * figures_share:.3f} %",
        f"every {STATS_EVERY_S:g} s",
    )
    row(
        f"chart(now, 180, 2), {full['echoes']} echoes",
        f"{full['chart']:.2f} ms a call = {pct * chart_share:.3f} %",
        f"every {REFRESH_S:g} s",
    )
    row(
        f"  the same over the run's ~{run_part['echoes']} echoes",
        f"{run_part['figures']:.2f} / {run_part['chart']:.2f} ms",
    )

    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    header = ("measure", "value", "target", "result")
    widths = [max(w, len(h)) for w, h in zip(widths, header, strict=True)]
    print()
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip())
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    print(
        f"\nwindow {wall:.1f} s; watch state {report['state']!r} ({report['server']});"
        f" CPU times {m['cpu']['watch']:.3f} s (watch), {m['cpu']['idle']:.3f} s (idle)"
    )
    failed = [r[0].strip() for r in rows if r[3] == "FAIL"]
    print("all targets met" if not failed else f"targets missed: {', '.join(failed)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
