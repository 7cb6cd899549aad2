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

- Loss, jitter and drop-outs on the media path (UDP). Zoom publishes none;
  what others publish (good / video suffers / poor):
  - Microsoft Teams, "Prepare your organization's network for Teams" (customer
    edge to Microsoft edge): loss < 1 % in any 15 s, jitter < 30 ms in any 15 s,
    burst loss < 10 % in any 200 ms, round trip < 100 ms.
  - Microsoft Teams Call Quality Dashboard, "Stream classification": an audio
    stream is poor with loss > 10 %, jitter > 30 ms or round trip > 500 ms.
  - Twilio's video diagnostics app (twilio-video-diagnostics-react-app,
    getQualityScore): loss < 1 / 3 / 8 % excellent / good / average, bad above;
    jitter < 5 / 10 / 30 ms; round trip < 100 / 250 / 400 ms; the worst wins.
  - Twilio Voice SDK's call-quality warnings: loss > 3 %, jitter > 30 ms,
    round trip > 400 ms, MOS < 3.5.
  - Vonage Video API's pre-call test: 720p needs <= 0.5 % loss.
  - qualityRTC (testRTC): loss < 1 % good, > 4 % bad.

  Here: loss under 1 % is good; from 2.5 % (the middle of the 2-3 % where these
  sources put the start of visible harm, and low enough that 4 % measured over
  150 packets stays above it) video suffers: a warning, at most standard video;
  from 10 % (Teams' poor audio stream; Twilio's "bad" starts at 8 %) at most
  audio. Jitter and round trip keep the delay limits below (30 ms / 100 ms a
  warning, 50 ms / 300 ms audio only). A drop-out (nothing coming back at all)
  of 1 s or more is a warning: nobody publishes a drop-out limit; Microsoft's
  burst target is broken by 200 ms already, but a short burst is a glitch,
  while a second loses whole words.

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


@dataclass(frozen=True)
class LossLimits:
    """Loss on the media path, in %: from ``video_percent`` video suffers, from
    ``audio_only_percent`` only audio gets through well enough."""

    good_percent: float
    video_percent: float
    audio_only_percent: float


LOSS_LIMITS = LossLimits(good_percent=1.0, video_percent=2.5, audio_only_percent=10.0)
#: A drop-out (nothing coming back) at least this long is a warning, in ms.
OUTAGE_LIMIT_MS = 1000.0


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


class Loss(IntEnum):
    """How much of the media path's packets are lost, from worst to best."""

    AUDIO_ONLY = 0
    VIDEO_SUFFERS = 1
    NOTICEABLE = 2
    GOOD = 3


def loss_quality(loss_percent: float | None) -> Loss | None:
    """None when the loss could not be measured."""
    if loss_percent is None:
        return None
    if loss_percent >= LOSS_LIMITS.audio_only_percent:
        return Loss.AUDIO_ONLY
    if loss_percent >= LOSS_LIMITS.video_percent:
        return Loss.VIDEO_SUFFERS
    if loss_percent >= LOSS_LIMITS.good_percent:
        return Loss.NOTICEABLE
    return Loss.GOOD


#: The most each loss level leaves of the bandwidth's level.
LOSS_ALLOWS: dict[Loss, Allows] = {
    Loss.AUDIO_ONLY: Allows.AUDIO,
    Loss.VIDEO_SUFFERS: Allows.STANDARD_VIDEO,
    Loss.NOTICEABLE: Allows.HD_VIDEO,
    Loss.GOOD: Allows.HD_VIDEO,
}


def outage_noticeable(longest_outage_ms: float | None) -> bool:
    return longest_outage_ms is not None and longest_outage_ms >= OUTAGE_LIMIT_MS


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


@dataclass(frozen=True)
class PathVerdict:
    """What the media path (UDP) allows at most, and why."""

    loss: Loss | None
    delay: Delay | None
    #: A drop-out of ``OUTAGE_LIMIT_MS`` or more was seen.
    outage: bool
    allows: Allows


def judge_path(
    loss_percent: float | None,
    round_trip_ms: float | None,
    jitter_ms: float | None,
    longest_outage_ms: float | None,
) -> PathVerdict:
    """The most the media path leaves of what the bandwidth allows: loss caps it
    (``LOSS_ALLOWS``), a poor delay or jitter leaves audio at most, as on the
    bandwidth test's own round trips."""
    loss = loss_quality(loss_percent)
    delay = delay_quality(round_trip_ms, jitter_ms)
    allows = LOSS_ALLOWS[loss] if loss is not None else Allows.HD_VIDEO
    if delay is Delay.POOR:
        allows = min(allows, Allows.AUDIO)
    return PathVerdict(loss, delay, outage_noticeable(longest_outage_ms), allows)
