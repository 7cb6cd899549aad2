"""What a paced UDP probe of the line found: delay, loss, jitter and drop-outs.

The probe (``readiness.devices.network.udp_probe``) sends small STUN requests at a
steady pace and notes, for each, when it left and when its answer came back. The
figures below are computed here from those notes, with no device involved.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise


@dataclass(frozen=True)
class Echo:
    """One probe packet: its number, when it left and when its answer came (None: lost),
    on the probe's monotonic clock, in seconds."""

    seq: int
    sent_at: float
    received_at: float | None


@dataclass(frozen=True)
class LineStats:
    """The line over ``duration_s``. A figure that could not be measured is None
    (for example every delay figure when nothing came back)."""

    #: Packets sent and answered.
    sent: int
    received: int
    #: Lost share, 0-100 (answers that came too late to be useful count as lost).
    loss_percent: float | None
    #: Round trip: median and 95th percentile, in ms.
    rtt_ms: float | None
    rtt_p95_ms: float | None
    #: Jitter in ms (the definition is documented where it is computed).
    jitter_ms: float | None
    #: Answers that came after a later packet's answer, and answers too late to be useful.
    reordered: int
    late: int
    #: The longest stretch with no answer at all, in ms (0 when none was missed).
    longest_outage_ms: float
    #: How long the line was watched, in s.
    duration_s: float
    #: Drop-outs of ``OUTAGE_MS`` or more (a call's sound breaks off).
    outages: int = 0

    @property
    def reachable(self) -> bool:
        """Something came back over UDP."""
        return self.received > 0


#: An answer later than this after the median round trip counts as lost: a call's
#: jitter buffer (tens to a couple of hundred ms) has played on without it.
LATE_AFTER_MS = 250.0
#: RFC 3550's jitter estimate moves by 1/16 of each new difference; it starts from 0
#: and is within 5 % of where it settles after 48 updates (three time constants), so
#: the run's figure leaves those out when there are enough.
#: A drop-out this long or longer is counted: the sound of a call breaks off
#: (``readiness.core.zoom_needs.OUTAGE_LIMIT_MS`` says where the figure comes from).
OUTAGE_MS = 1000.0
#: Consecutive requests sent further apart than this were not one stream: the probe
#: was paused between them (the bandwidth test), and no drop-out spans the pause.
PAUSE_GAP_S = 1.0
_JITTER_GAIN = 1.0 / 16.0
_JITTER_SETTLE = 48


def summarize(
    echoes: Sequence[Echo], duration_s: float, *, late_after_ms: float = LATE_AFTER_MS
) -> LineStats:
    """The line's figures from a probe's echoes (any order; one per ``seq``).

    - Round trip: median and 95th percentile (linear interpolation) of every answer.
    - Late: an answer more than ``late_after_ms`` after the median round trip; it
      counts as lost, as a call would have played on without it.
    - Loss: share of requests with no answer in time, 0-100.
    - Jitter: RFC 3550 section 6.4.1's interarrival jitter, the running estimate
      J += (|D| - J) / 16 over the answers in order of arrival, where D is the
      difference between two consecutive answers' transit times (here round trips).
      The figure given is J's mean over the run once it has settled (its first 48
      updates, which rise from 0, left out when there are more than 96), so that it
      speaks for the whole run and not only its last second; with fewer, the last J.
    - Reordered: answers that arrived after the answer to a later request.
    - Longest outage: the longest run of consecutive requests (in sending order)
      without a timely answer, from the first of them being sent to the next answered
      one being sent (or to the end of the run); 0 when none was missed. A pause in
      the sending (longer than ``PAUSE_GAP_S``) ends a run where the sending stopped.
    - Outages: how many such runs lasted ``OUTAGE_MS`` or more.
    """
    ordered = sorted(echoes, key=lambda e: e.seq)
    sent = len(ordered)
    answered = [e for e in ordered if e.received_at is not None]
    rtts = sorted(_rtt_ms(e) for e in answered)
    median = _percentile(rtts, 50) if rtts else None
    late_seqs = (
        {e.seq for e in answered if _rtt_ms(e) > median + late_after_ms}
        if median is not None
        else set()
    )
    timely = {e.seq for e in answered} - late_seqs
    longest, outages = _outages_ms(ordered, timely, duration_s)
    return LineStats(
        sent=sent,
        received=len(answered),
        loss_percent=100.0 * (sent - len(timely)) / sent if sent else None,
        rtt_ms=median,
        rtt_p95_ms=_percentile(rtts, 95) if rtts else None,
        jitter_ms=_jitter_ms(answered),
        reordered=_reordered(answered),
        late=len(late_seqs),
        longest_outage_ms=longest,
        duration_s=duration_s,
        outages=outages,
    )


def _rtt_ms(echo: Echo) -> float:
    assert echo.received_at is not None
    return (echo.received_at - echo.sent_at) * 1000.0


def _percentile(ordered: Sequence[float], percent: float) -> float:
    position = (len(ordered) - 1) * percent / 100.0
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _by_arrival(answered: Sequence[Echo]) -> list[Echo]:
    return sorted(answered, key=lambda e: (e.received_at, e.seq))


def _jitter_ms(answered: Sequence[Echo]) -> float | None:
    arrivals = _by_arrival(answered)
    if len(arrivals) < 2:
        return None
    estimate = 0.0
    estimates: list[float] = []
    for previous, current in pairwise(arrivals):
        difference = abs(_rtt_ms(current) - _rtt_ms(previous))
        estimate += (difference - estimate) * _JITTER_GAIN
        estimates.append(estimate)
    if len(estimates) > 2 * _JITTER_SETTLE:
        settled = estimates[_JITTER_SETTLE:]
        return sum(settled) / len(settled)
    return estimates[-1]


def _reordered(answered: Sequence[Echo]) -> int:
    count, highest = 0, -1
    for echo in _by_arrival(answered):
        if echo.seq < highest:
            count += 1
        highest = max(highest, echo.seq)
    return count


def _outages_ms(ordered: Sequence[Echo], timely: set[int], duration_s: float) -> tuple[float, int]:
    """(the longest drop-out in ms, how many lasted ``OUTAGE_MS`` or more)."""
    if not ordered:
        return 0.0, 0
    end = ordered[0].sent_at + duration_s
    runs: list[float] = []
    first_missed: float | None = None
    previous: Echo | None = None
    for echo in ordered:
        if (
            first_missed is not None
            and previous is not None
            and echo.sent_at - previous.sent_at > PAUSE_GAP_S
        ):
            runs.append(previous.sent_at - first_missed)  # the sending paused: run over
            first_missed = None
        if echo.seq in timely:
            if first_missed is not None:
                runs.append(echo.sent_at - first_missed)
                first_missed = None
        elif first_missed is None:
            first_missed = echo.sent_at
        previous = echo
    if first_missed is not None:
        runs.append(max(end, ordered[-1].sent_at) - first_missed)
    runs_ms = [max(0.0, run) * 1000.0 for run in runs]
    return max(runs_ms, default=0.0), sum(run >= OUTAGE_MS for run in runs_ms)
