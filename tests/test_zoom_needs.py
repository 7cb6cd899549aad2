"""Zoom's published needs, and what a measured line allows."""

import pytest

from readiness.core.zoom_needs import (
    LEVEL_NEEDS,
    ZOOM_NEEDS,
    Allows,
    Delay,
    Loss,
    Need,
    allows_text,
    bandwidth_allows,
    delay_quality,
    judge_line,
    judge_path,
    loss_quality,
    outage_noticeable,
)


def test_the_table_holds_zooms_published_figures() -> None:
    # upload / download, Mbit/s, as Zoom's system requirements give them
    assert ZOOM_NEEDS["video_1to1_360p"] == Need(0.6, 0.6)
    assert ZOOM_NEEDS["video_1to1_720p"] == Need(1.2, 1.2)
    assert ZOOM_NEEDS["video_1to1_1080p"] == Need(3.8, 3.0)
    assert ZOOM_NEEDS["video_group_360p"] == Need(1.0, 0.6)
    assert ZOOM_NEEDS["video_group_720p"] == Need(2.6, 1.8)
    assert ZOOM_NEEDS["screen_share"].upload_mbps == 0.15
    assert ZOOM_NEEDS["audio"].upload_mbps == 0.08


def test_hd_needs_group_720p_plus_screen_sharing() -> None:
    need = LEVEL_NEEDS[Allows.HD_VIDEO]
    assert need.upload_mbps == pytest.approx(2.75)
    assert need.download_mbps == pytest.approx(1.95)


@pytest.mark.parametrize(
    ("upload", "download", "expected"),
    [
        (100.0, 500.0, Allows.HD_VIDEO),
        (2.75, 1.95, Allows.HD_VIDEO),  # exactly enough
        (2.7, 50.0, Allows.STANDARD_VIDEO),  # ADSL-like: fast down, slow up
        (1.0, 0.6, Allows.STANDARD_VIDEO),
        (0.9, 20.0, Allows.AUDIO),
        (0.08, 0.08, Allows.AUDIO),
        (0.05, 10.0, Allows.INSUFFICIENT),
        (0.0, 0.0, Allows.INSUFFICIENT),
    ],
)
def test_bandwidth_levels(upload: float, download: float, expected: Allows) -> None:
    assert bandwidth_allows(upload, download) is expected


@pytest.mark.parametrize(
    ("rtt", "jitter", "expected"),
    [
        (20.0, 2.0, Delay.GOOD),
        (99.0, 29.0, Delay.GOOD),
        (100.0, 5.0, Delay.USABLE),  # the limit itself is no longer good
        (40.0, 30.0, Delay.USABLE),
        (299.0, 49.0, Delay.USABLE),
        (300.0, 5.0, Delay.POOR),
        (40.0, 50.0, Delay.POOR),
        (None, None, None),
    ],
)
def test_delay_quality(rtt, jitter, expected) -> None:
    assert delay_quality(rtt, jitter) is expected


def test_a_poor_delay_leaves_audio_at_most() -> None:
    verdict = judge_line(50.0, 200.0, round_trip_ms=450.0, jitter_ms=10.0)
    assert verdict.bandwidth is Allows.HD_VIDEO
    assert verdict.allows is Allows.AUDIO
    assert verdict.limited_by_delay


def test_a_usable_delay_keeps_the_level() -> None:
    verdict = judge_line(50.0, 200.0, round_trip_ms=150.0, jitter_ms=10.0)
    assert verdict.allows is Allows.HD_VIDEO and verdict.delay is Delay.USABLE
    assert not verdict.limited_by_delay


def test_without_a_delay_the_bandwidth_decides() -> None:
    assert judge_line(1.5, 5.0).allows is Allows.STANDARD_VIDEO


def test_levels_read_in_french() -> None:
    assert allows_text(Allows.HD_VIDEO) == "vidéo HD et partage d'écran"
    assert allows_text(Allows.STANDARD_VIDEO) == "vidéo en qualité standard"
    assert allows_text(Allows.AUDIO) == "audio seulement"
    assert allows_text(Allows.INSUFFICIENT) == "insuffisant"


@pytest.mark.parametrize(
    ("loss", "expected"),
    [
        (0.0, Loss.GOOD),
        (0.99, Loss.GOOD),
        (1.0, Loss.NOTICEABLE),  # Teams' and Twilio's "good" ends here
        (2.49, Loss.NOTICEABLE),
        (2.5, Loss.VIDEO_SUFFERS),  # the middle of the sources' 2-3 %
        (4.0, Loss.VIDEO_SUFFERS),
        (9.99, Loss.VIDEO_SUFFERS),
        (10.0, Loss.AUDIO_ONLY),  # Teams' poor audio stream
        (100.0, Loss.AUDIO_ONLY),
        (None, None),
    ],
)
def test_loss_levels(loss, expected) -> None:
    assert loss_quality(loss) is expected


@pytest.mark.parametrize(
    ("loss", "rtt", "jitter", "allows"),
    [
        (0.0, 25.0, 2.0, Allows.HD_VIDEO),
        (1.5, 25.0, 2.0, Allows.HD_VIDEO),
        (4.0, 25.0, 2.0, Allows.STANDARD_VIDEO),
        (15.0, 25.0, 2.0, Allows.AUDIO),
        (0.0, 25.0, 35.0, Allows.HD_VIDEO),  # a warning, not a lower level
        (0.0, 25.0, 55.0, Allows.AUDIO),
        (4.0, 350.0, 2.0, Allows.AUDIO),
        (None, None, None, Allows.HD_VIDEO),  # nothing measured: no cap
    ],
)
def test_what_the_media_path_leaves(loss, rtt, jitter, allows) -> None:
    assert judge_path(loss, rtt, jitter, 0.0).allows is allows


def test_a_drop_out_of_a_second_is_noticeable() -> None:
    assert not outage_noticeable(None)
    assert not outage_noticeable(999.0)
    assert outage_noticeable(1000.0)
    assert judge_path(0.0, 25.0, 2.0, 1500.0).outage
