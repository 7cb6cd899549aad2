"""Device lists: friendly names, no duplicates, default first, chosen by name or number."""

import pytest

from pulse_server import PulseServer
from readiness.devices.audio import AudioError, AudioProblem, list_devices, resolve_device
from readiness.devices.audio.catalogue import all_devices, friendly_devices, pick_device

pytest_plugins = ["pulse_server"]


def entry(index, name, hostapi, inputs=0, outputs=0, rate=44100.0):
    return {
        "index": index,
        "name": name,
        "hostapi": hostapi,
        "max_input_channels": inputs,
        "max_output_channels": outputs,
        "default_samplerate": rate,
    }


# What PortAudio lists on a Windows laptop with a USB headset: each device once per host API.
WINDOWS_APIS = [{"name": "MME"}, {"name": "Windows DirectSound"}, {"name": "Windows WASAPI"}]
WINDOWS = [
    entry(0, "Mappeur de sons Microsoft - Input", 0, inputs=2),
    entry(1, "Réseau de microphones (Realtek(", 0, inputs=2),
    entry(2, "Microphone (Casque USB Jabra Ev", 0, inputs=1),
    entry(3, "Mappeur de sons Microsoft - Output", 0, outputs=2),
    entry(4, "Haut-parleurs (Realtek(R) Audio", 0, outputs=2),
    entry(5, "Pilote de capture audio principal", 1, inputs=2),
    entry(6, "Réseau de microphones (Realtek(R) Audio)", 1, inputs=2),
    entry(7, "Microphone (Casque USB Jabra Evolve 20)", 1, inputs=1),
    entry(8, "Réseau de microphones (Realtek(R) Audio)", 2, inputs=2, rate=48000.0),
    entry(9, "Microphone (Casque USB Jabra Evolve 20)", 2, inputs=1, rate=16000.0),
    entry(10, "Haut-parleurs (Realtek(R) Audio)", 2, outputs=2, rate=48000.0),
]

# ALSA on a Linux laptop with PulseAudio or PipeWire running.
LINUX_APIS = [{"name": "ALSA"}, {"name": "OSS"}]
LINUX = [
    entry(0, "HDA Intel PCH: ALC257 Analog (hw:0,0)", 0, inputs=2, outputs=2),
    entry(1, "HDA Intel PCH: HDMI 0 (hw:0,3)", 0, outputs=8),
    entry(2, "sysdefault", 0, inputs=128, outputs=128),
    entry(3, "front", 0, outputs=2),
    entry(4, "surround51", 0, outputs=6),
    entry(5, "dmix", 0, outputs=2),
    entry(6, "samplerate", 0, inputs=128, outputs=128),
    entry(7, "pulse", 0, inputs=32, outputs=32),
    entry(8, "default", 0, inputs=32, outputs=32),
]


def test_windows_offers_each_device_once_with_full_names() -> None:
    devices = friendly_devices(WINDOWS, WINDOWS_APIS, "input", default_index=1, platform="win32")
    names = [d.name for d in devices]
    assert names == [
        "Réseau de microphones (Realtek(R) Audio)",  # MME cut it at 31 characters
        "Microphone (Casque USB Jabra Evolve 20)",
    ]  # no « Mappeur de sons Microsoft », no « Pilote de capture audio principal »
    assert devices[0].is_default
    assert {d.host_api for d in devices} == {"Windows WASAPI"}
    assert [d.index for d in devices] == [8, 9]  # what PortAudio opens


def test_linux_hides_alsa_plugins_and_the_sound_server_twin() -> None:
    inputs = friendly_devices(LINUX, LINUX_APIS, "input", default_index=8)
    assert [d.name for d in inputs] == [
        "Par défaut (réglages de l'ordinateur)",
        "HDA Intel PCH: ALC257 Analog",
    ]
    outputs = friendly_devices(LINUX, LINUX_APIS, "output", default_index=7)
    # PortAudio's default was "pulse", hidden as the twin of "default": "default" is marked.
    assert outputs[0].raw_name == "default" and outputs[0].is_default
    assert "HDA Intel PCH: HDMI 0" in [d.name for d in outputs]
    assert not any(d.raw_name in {"dmix", "front", "surround51", "pulse"} for d in outputs)


def test_no_device_of_a_kind_gives_an_empty_list() -> None:
    only_outputs = [entry(0, "Speakers", 0, outputs=2)]
    assert friendly_devices(only_outputs, [{"name": "Core Audio"}], "input", -1) == []


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        (None, 8),
        ("", 8),
        ("7", 7),  # a number is PortAudio's index, even of a hidden duplicate
        ("Microphone (Casque USB Jabra Ev", 9),  # MME's name, as remembered: its WASAPI twin
        ("microphone (casque usb jabra evolve 20)", 9),  # the friendly name, any case
        ("jabra", 9),  # part of a name
        ("Pilote de capture audio principal", 5),  # hidden, still reachable
    ],
)
def test_a_device_is_chosen_by_name_or_number(choice, expected) -> None:
    offered = friendly_devices(WINDOWS, WINDOWS_APIS, "input", 1, platform="win32")
    everything = all_devices(WINDOWS, WINDOWS_APIS, "input")
    assert pick_device(offered, everything, choice, "input").index == expected


def test_an_unknown_choice_or_no_device_is_an_audio_error() -> None:
    offered = friendly_devices(WINDOWS, WINDOWS_APIS, "input", 1, platform="win32")
    with pytest.raises(AudioError) as unknown:
        pick_device(offered, offered, "Blue Yeti", "input")
    assert unknown.value.problem is AudioProblem.NOT_FOUND
    with pytest.raises(AudioError) as number:
        pick_device(offered, offered, "42", "input")
    assert number.value.problem is AudioProblem.NOT_FOUND
    with pytest.raises(AudioError) as none:
        pick_device([], [], None, "input")
    assert none.value.problem is AudioProblem.NO_DEVICE


# --- the real PortAudio, through the tests' PulseAudio server ------------------------


def test_portaudio_lists_the_sound_server_once(pulse: PulseServer) -> None:
    for kind in ("input", "output"):
        devices = list_devices(kind)
        assert [d.raw_name for d in devices] == ["default"]  # not "pulse" as well
        assert devices[0].is_default
        assert devices[0].name == "Par défaut (réglages de l'ordinateur)"
        assert devices[0].default_samplerate > 0


def test_portaudio_devices_resolve_by_name_and_index(pulse: PulseServer) -> None:
    default = resolve_device(None, "input")
    assert resolve_device(str(default.index), "input").index == default.index
    assert resolve_device("pulse", "input").raw_name == "pulse"  # hidden, still reachable
    with pytest.raises(AudioError) as missing:
        resolve_device("Casque inexistant", "output")
    assert missing.value.problem is AudioProblem.NOT_FOUND


def test_without_a_sound_server_there_is_no_device(no_sound_server) -> None:
    assert list_devices("input") == []
    with pytest.raises(AudioError) as error:
        resolve_device(None, "output")
    assert error.value.problem is AudioProblem.NO_DEVICE
