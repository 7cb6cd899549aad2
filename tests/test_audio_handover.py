"""A device opened by a worker is closed exactly once if nobody takes it: never leaked."""

import threading

from readiness.devices.audio.handover import Handover


class Device:
    def __init__(self) -> None:
        self.closes = 0

    def close(self) -> None:
        self.closes += 1


def test_what_is_taken_is_the_takers_to_close() -> None:
    handover = Handover(Device.close)
    device = Device()
    assert handover.give(device)
    assert handover.holding
    assert handover.take() is device
    handover.drop()  # later: the taker's own close applies
    assert device.closes == 0
    assert not handover.holding


def test_what_was_given_before_the_drop_is_closed_by_the_drop() -> None:
    handover = Handover(Device.close)
    device = Device()
    handover.give(device)
    handover.drop()
    assert device.closes == 1
    assert handover.take() is None


def test_what_is_given_after_the_drop_is_closed_by_the_giver() -> None:
    handover = Handover(Device.close)
    handover.drop()
    device = Device()
    assert not handover.give(device)
    assert device.closes == 1
    assert handover.take() is None


def test_a_drop_racing_a_give_closes_exactly_once() -> None:
    for _ in range(300):
        handover = Handover(Device.close)
        device = Device()
        giver = threading.Thread(target=handover.give, args=(device,))
        giver.start()
        handover.drop()
        giver.join()
        assert device.closes == 1
