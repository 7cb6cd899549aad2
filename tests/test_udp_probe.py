"""The UDP probe against real STUN responders on 127.0.0.1, behind paths the tests impair.

Its accuracy (loss within 1.5 points, jitter within 30 %) is benchmarks/udp_accuracy.py's;
these tests hold what it does: pace, match, count, fall back, give up, stop.
"""

import threading

from network_helpers import finishes
from readiness.core.line_stats import summarize
from readiness.devices.network.udp_probe import RATE_HZ, UdpProbe, probe_budget_s
from stun_server import StunServer, closed_udp_port

pytest_plugins = ["network_fixtures"]


def local(*servers) -> list[tuple[str, int]]:
    return [("127.0.0.1", server if isinstance(server, int) else server.port) for server in servers]


def test_a_clean_path_answers_every_request_at_a_steady_pace() -> None:
    shares: list[float] = []
    with StunServer() as server:
        run = finishes(lambda: UdpProbe(local(server)).run(1.0, progress=shares.append))
    assert run.server == server.address and run.tried == 1
    stats = summarize(run.echoes, run.duration_s)
    assert stats.sent == server.requests  # each request reached it, once
    assert 1 <= stats.sent <= RATE_HZ * 1.0 + 1  # paced, never in bursts
    assert stats.received == stats.sent and stats.loss_percent == 0.0
    assert stats.longest_outage_ms == 0.0
    assert [e.seq for e in run.echoes] == list(range(stats.sent))
    assert shares and shares == sorted(shares) and shares[-1] <= 1.0


def test_the_delay_of_the_path_is_in_the_round_trip() -> None:
    with StunServer(delay_ms=40) as server:
        run = finishes(lambda: UdpProbe(local(server)).run(1.0))
    stats = summarize(run.echoes, run.duration_s)
    assert stats.rtt_ms is not None and stats.rtt_ms >= 40.0
    assert stats.rtt_p95_ms >= stats.rtt_ms


def test_what_a_lossy_path_drops_is_what_the_probe_counts_lost() -> None:
    with StunServer(loss=0.2) as server:
        run = finishes(lambda: UdpProbe(local(server)).run(2.0))
    stats = summarize(run.echoes, run.duration_s)
    assert server.dropped > 0
    assert stats.sent == server.requests
    assert stats.received == server.requests - server.dropped
    assert stats.loss_percent == server.imposed_loss_percent()
    assert stats.longest_outage_ms >= 50.0  # at least one request's interval


def test_a_drop_out_of_the_path_is_the_longest_outage() -> None:
    with StunServer() as server:
        timer = threading.Timer(0.5, server.silence, args=(0.6,))
        timer.start()
        run = finishes(lambda: UdpProbe(local(server)).run(2.0))
        timer.join()
    stats = summarize(run.echoes, run.duration_s)
    assert stats.loss_percent > 0
    # Six tenths of a second of silence; the pace and a busy machine blur its edges.
    assert 400.0 <= stats.longest_outage_ms <= 1500.0


def test_answers_later_than_the_linger_time_count_as_lost() -> None:
    with StunServer(delay_ms=300) as server:
        run = finishes(lambda: UdpProbe(local(server), linger_s=0.2).run(1.0))
    assert run.server == server.address  # it answers, too late to be of use
    stats = summarize(run.echoes, run.duration_s)
    assert stats.loss_percent == 100.0


def test_a_silent_server_is_left_for_the_next_one() -> None:
    with StunServer(silent=True) as silent, StunServer() as answering:
        run = finishes(lambda: UdpProbe(local(silent, answering)).run(1.0))
    assert silent.requests > 0  # it was asked first
    assert run.server == answering.address and run.tried == 2
    stats = summarize(run.echoes, run.duration_s)
    # Only the answering server's requests are the line's figures.
    assert stats.sent == answering.requests and stats.loss_percent == 0.0


def test_a_closed_port_is_left_for_the_next_one() -> None:
    with StunServer() as answering:
        run = finishes(lambda: UdpProbe(local(closed_udp_port(), answering)).run(1.0))
    assert run.server == answering.address and run.tried == 2


def test_when_no_server_answers_every_request_is_lost() -> None:
    with StunServer(silent=True) as first, StunServer(silent=True) as second:
        run = finishes(lambda: UdpProbe(local(first, second)).run(5.0))
    assert run.server == "" and run.tried == 2
    assert first.requests > 0 and second.requests > 0
    stats = summarize(run.echoes, run.duration_s)
    assert not stats.reachable
    assert stats.sent == first.requests + second.requests and stats.loss_percent == 100.0


def test_the_search_for_an_answering_server_is_bounded() -> None:
    with StunServer(silent=True) as silent, StunServer() as answering:
        servers = local(silent, silent, silent, answering)
        run = finishes(lambda: UdpProbe(servers, first_answer_s=0.3, search_s=0.5).run(1.0))
    assert run.server == "" and run.tried == 2  # the search time ran out first
    assert answering.requests == 0


def test_names_that_do_not_resolve_send_nothing(dns_knows_nothing) -> None:
    run = finishes(lambda: UdpProbe([("stun.example.invalid", 3478)]).run(1.0))
    assert (run.tried, run.echoes, run.server) == (0, (), "")


def test_cancelling_stops_the_probe_between_two_requests() -> None:
    cancel = threading.Event()
    with StunServer() as server:
        timer = threading.Timer(0.3, cancel.set)
        timer.start()
        run = finishes(lambda: UdpProbe(local(server)).run(60.0, cancel.is_set), hang_s=10.0)
        timer.join()
    assert run.server == server.address
    assert 0 < len(run.echoes) < RATE_HZ * 10  # far from the minute asked for


def test_the_budget_covers_the_whole_probe() -> None:
    assert probe_budget_s(10.0) >= 10.0 + 4.0  # a search for a server, the last answers
