"""What Zoom needs from the line, and what a measured line allows.

Sources, kept in this one table:

- Bandwidth: Zoom's system requirements ("Bandwidth requirements", Zoom support
  article 201362023), upload / download:
  1:1 video: 600 kbps (360p), 1.2 Mbps (720p), 3.8 / 3.0 Mbps (1080p);
  group video: 1.0 Mbps / 600 kbps (360p), 2.6 / 1.8 Mbps (720p); screen
  sharing: 50-150 kbps; audio (VoIP): 60-80 kbps.
- Delay: Zoom publishes no limit for round trip or jitter. Microsoft's network
  targets for Teams meetings serve as the yardstick ("Prepare your organization's
  network for Teams"): round trip under 100 ms and jitter under 30 ms are good.
  Beyond 300 ms and 50 ms, talking in turn breaks down (the ITU G.114 limit for
  interactive speech is 150 ms each way).

A session may have several people on screen, so the group figures decide; HD
needs room for screen sharing too.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from readiness.core.i18n import translate


@dataclass(frozen=True)
class Need:
    upload_mbps: float
    download_mbps: float


#: Zoom's published needs, upload / download in Mbit/s.
ZOOM_NEEDS: dict[str, Need] = {
    "audio": Need(0.08, 0.08),
    "screen_share": Need(0.15, 0.15),
    "video_1to1_360p": Need(0.6, 0.6),
    "video_1to1_720p": Need(1.2, 1.2),
    "video_1to1_1080p": Need(3.8, 3.0),
    "video_group_360p": Need(1.0, 0.6),
    "video_group_720p": Need(2.6, 1.8),
}


@dataclass(frozen=True)
class DelayLimits:
    round_trip_ms: float
    jitter_ms: float


#: Under ``GOOD``: unnoticeable. Under ``USABLE``: noticeable but workable.
GOOD_DELAY = DelayLimits(round_trip_ms=100.0, jitter_ms=30.0)
USABLE_DELAY = DelayLimits(round_trip_ms=300.0, jitter_ms=50.0)


class Allows(IntEnum):
    """What the line allows, from least to most."""

    INSUFFICIENT = 0
    AUDIO = 1
    STANDARD_VIDEO = 2
    HD_VIDEO = 3


class Delay(IntEnum):
    POOR = 0
    USABLE = 1
    GOOD = 2


def _plus(a: Need, b: Need) -> Need:
    return Need(a.upload_mbps + b.upload_mbps, a.download_mbps + b.download_mbps)


#: The bandwidth each level needs, from the table above.
LEVEL_NEEDS: dict[Allows, Need] = {
    Allows.HD_VIDEO: _plus(ZOOM_NEEDS["video_group_720p"], ZOOM_NEEDS["screen_share"]),
    Allows.STANDARD_VIDEO: ZOOM_NEEDS["video_group_360p"],
    Allows.AUDIO: ZOOM_NEEDS["audio"],
}


def bandwidth_allows(upload_mbps: float, download_mbps: float) -> Allows:
    for level in (Allows.HD_VIDEO, Allows.STANDARD_VIDEO, Allows.AUDIO):
        need = LEVEL_NEEDS[level]
        if upload_mbps >= need.upload_mbps and download_mbps >= need.download_mbps:
            return level
    return Allows.INSUFFICIENT


def delay_quality(round_trip_ms: float | None, jitter_ms: float | None) -> Delay | None:
    """None when the delay could not be measured."""
    if round_trip_ms is None:
        return None
    jitter = jitter_ms or 0.0
    if round_trip_ms < GOOD_DELAY.round_trip_ms and jitter < GOOD_DELAY.jitter_ms:
        return Delay.GOOD
    if round_trip_ms < USABLE_DELAY.round_trip_ms and jitter < USABLE_DELAY.jitter_ms:
        return Delay.USABLE
    return Delay.POOR


@dataclass(frozen=True)
class LineVerdict:
    allows: Allows
    bandwidth: Allows
    delay: Delay | None

    @property
    def limited_by_delay(self) -> bool:
        return self.allows < self.bandwidth


def judge_line(
    upload_mbps: float,
    download_mbps: float,
    round_trip_ms: float | None = None,
    jitter_ms: float | None = None,
) -> LineVerdict:
    """What the line allows: the bandwidth's level, lowered by a poor delay.

    A poor delay (300 ms or more, or jitter of 50 ms or more) makes video freeze
    and people talk over each other: at most audio. A usable delay keeps the level
    (the check then warns).
    """
    bandwidth = bandwidth_allows(upload_mbps, download_mbps)
    delay = delay_quality(round_trip_ms, jitter_ms)
    allows = bandwidth
    if delay is Delay.POOR:
        allows = min(bandwidth, Allows.AUDIO)
    return LineVerdict(allows, bandwidth, delay)


def allows_text(level: Allows) -> str:
    texts = {
        Allows.HD_VIDEO: translate("ZoomNeeds", "vidéo HD et partage d'écran"),
        Allows.STANDARD_VIDEO: translate("ZoomNeeds", "vidéo en qualité standard"),
        Allows.AUDIO: translate("ZoomNeeds", "audio seulement"),
        Allows.INSUFFICIENT: translate("ZoomNeeds", "insuffisant"),
    }
    return texts[level]
