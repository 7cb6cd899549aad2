"""What the frames say: light, faces, framing, frozen and black, on a real photograph."""

from __future__ import annotations

import numpy as np
import pytest

from camera_media import face_photo, frames_of, scaled, variant
from readiness.core.face_finder import Face, FaceFinder, Framing, framing_of
from readiness.core.frame_analysis import FrameAnalyser
from readiness.core.image_quality import (
    FrameStats,
    Lighting,
    frame_stats,
    gray_of,
    is_frozen,
    lighting_of,
    shrink,
)


@pytest.fixture(scope="module")
def finder() -> FaceFinder:
    return FaceFinder()


def stats(brightness, contrast=50.0, clipped=0.0, dark=0.0) -> FrameStats:
    return FrameStats(brightness, contrast, clipped, dark)


@pytest.mark.parametrize(
    ("frame", "face", "lighting"),
    [
        (stats(130), 125.0, Lighting.GOOD),
        (stats(3, contrast=1), None, Lighting.BLACK),
        (stats(8, contrast=20), None, Lighting.DARK),  # a dark room still has shapes in it
        (stats(40), 38.0, Lighting.DARK),
        (stats(215), None, Lighting.OVEREXPOSED),
        (stats(150, clipped=0.4), None, Lighting.OVEREXPOSED),
        (stats(110, clipped=0.3), 40.0, Lighting.BACKLIT),  # dim face, bright window
        (stats(140), 80.0, Lighting.BACKLIT),
        (stats(100, clipped=0.15, dark=0.5), None, Lighting.BACKLIT),
    ],
)
def test_lighting_verdicts(frame, face, lighting) -> None:
    assert lighting_of(frame, face) is lighting


def test_the_photograph_is_a_well_lit_face(finder: FaceFinder) -> None:
    small = shrink(gray_of(face_photo()))
    assert small.shape == (225, 400)
    faces = finder.find(small)
    assert len(faces) == 1
    (face,) = faces
    assert 0.3 < face.centre[0] < 0.6 and 0.1 < face.centre[1] < 0.6
    assert framing_of(face) is Framing.GOOD
    assert lighting_of(frame_stats(small)) is Lighting.GOOD


def test_no_face_on_a_plain_wall(finder: FaceFinder) -> None:
    assert finder.find(shrink(gray_of(variant("no_face")))) == []


def test_the_face_is_still_found_in_a_dim_room(finder: FaceFinder) -> None:
    dim = shrink(gray_of(scaled(face_photo(), 0.3)))
    assert len(finder.find(dim)) == 1


def test_a_small_face_far_from_the_camera_is_found_and_said_too_far(finder: FaceFinder) -> None:
    # The photograph shrunk to a third, in the middle of a grey room.
    frame = np.full((720, 1280, 3), 120, np.uint8)
    small_photo = face_photo((426, 240))
    frame[240:480, 427:853] = small_photo
    faces = finder.find(shrink(gray_of(frame)))
    assert len(faces) == 1
    assert framing_of(faces[0]) is Framing.TOO_FAR


@pytest.mark.parametrize(
    ("face", "framing"),
    [
        (Face(0.4, 0.2, 0.2, 0.3), Framing.GOOD),
        (Face(0.46, 0.3, 0.05, 0.08), Framing.TOO_FAR),
        (Face(0.05, 0.2, 0.2, 0.3), Framing.OFF_CENTRE),
        (Face(0.4, 0.55, 0.2, 0.3), Framing.TOO_LOW),
    ],
)
def test_framing(face: Face, framing: Framing) -> None:
    assert framing_of(face) is framing


def test_a_repeated_frame_is_frozen_and_a_live_one_is_not(finder: FaceFinder) -> None:
    frozen = FrameAnalyser(finder)
    live = FrameAnalyser(finder)
    for still, noisy in zip(frames_of("frozen", 4), frames_of("good", 4), strict=True):
        frozen.add(still)
        live.add(noisy)
    assert frozen.observation(30.0).frozen
    assert not live.observation(30.0).frozen


def test_frozen_needs_the_latest_frames_to_be_the_same() -> None:
    assert not is_frozen([0.0])
    assert is_frozen([2.0, 0.0, 0.0])
    assert not is_frozen([0.0, 0.0, 1.5])  # it moves again


def test_black_frames_are_black_and_show_no_face(finder: FaceFinder) -> None:
    analyser = FrameAnalyser(finder)
    for frame in frames_of("black", 3):
        analyser.add(frame)
    observation = analyser.observation(30.0)
    assert observation.all_black and observation.lighting is Lighting.BLACK
    assert observation.faces == 0 and not observation.frozen


def test_a_face_seen_in_a_quarter_of_the_samples_counts(finder: FaceFinder) -> None:
    analyser = FrameAnalyser(finder)
    wall = list(frames_of("no_face", 3))
    face = next(frames_of("good", 1))
    for frame in [*wall, face]:
        analyser.add(frame)
    assert analyser.observation(30.0).faces == 1
    analyser.add(wall[0])
    analyser.add(wall[1])
    assert analyser.observation(30.0).faces == 0  # 1 in 6: the cascade blinked


def test_the_window_keeps_only_the_latest_samples(finder: FaceFinder) -> None:
    analyser = FrameAnalyser(finder, window=3)
    for frame in frames_of("dark", 3):
        analyser.add(frame)
    assert analyser.observation(30.0).lighting is Lighting.DARK
    for frame in frames_of("good", 3):  # a lamp was turned on
        analyser.add(frame)
    observation = analyser.observation(30.0)
    assert observation.lighting is Lighting.GOOD and observation.samples == 3
    assert (observation.width, observation.height) == (640, 360)
