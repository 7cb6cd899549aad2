"""Windows sound devices: each offered once, through the right host API, the communications
default first. PortAudio tables recorded on Windows machines (tests/data/windows_audio)
and a stand-in for the registry, which cannot exist here."""

from __future__ import annotations

import json
import logging
import struct
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readiness.devices.audio.catalogue import all_devices, friendly_devices, pick_device
from readiness.devices.audio.windows_default import (
    ADAPTER_NAME,
    COMMUNICATIONS_ROLE,
    DEVICE_STATE,
    ENDPOINT_NAME,
    MMDEVICES,
    communications_default,
    systemtime,
)
from readiness.devices.audio.windows_devices import API_PREFERENCE, offer

DATA = Path(__file__).parent / "data" / "windows_audio"
MACHINES = sorted(p.stem for p in DATA.glob("*.json"))
PSEUDO = {
    "Microsoft Sound Mapper - Input",
    "Microsoft Sound Mapper - Output",
    "Primary Sound Capture Driver",
    "Primary Sound Driver",
    "Mappeur de sons Microsoft - Input",
    "Mappeur de sons Microsoft - Output",
    "Pilote de capture audio principal",
    "Périphérique audio principal",
    "Microsoft 声音映射器 - Input",
    "Microsoft 声音映射器 - Output",
    "主声音捕获驱动程序",
    "主声音驱动程序",
}


def machine(name: str) -> dict:
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def offered(name: str, kind: str, communications: str | None = None, devices=None):
    table = machine(name)
    return friendly_devices(
        table["devices"] if devices is None else devices,
        table["hostapis"],
        kind,
        table[f"default_{kind}"],
        platform="win32",
        communications_name=communications,
    )


def test_every_recorded_table_is_there() -> None:
    assert len(MACHINES) >= 4
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert all(f"`{name}.json`" in readme for name in MACHINES)


@pytest.mark.parametrize("name", MACHINES)
@pytest.mark.parametrize("kind", ["input", "output"])
def test_each_physical_device_is_offered_once_by_its_full_name(name, kind) -> None:
    devices = offered(name, kind)
    names = [d.name.casefold() for d in devices]
    assert devices and len(names) == len(set(names))
    assert not PSEUDO & {d.name for d in devices}
    assert {d.host_api for d in devices} <= set(API_PREFERENCE)  # never WDM-KS beside them
    assert [d.is_default for d in devices] == [True] + [False] * (len(devices) - 1)
    table = machine(name)["devices"]
    full = {e["name"] for e in table if len(e["name"]) > 31}
    assert not any(f.startswith(d.name) and f != d.name for d in devices for f in full)


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        (
            "laptop_realtek_zh",
            "input",
            [
                ("Microphone (Realtek High Definition Audio)", 12),
                ("立体声混音 (Realtek High Definition Audio)", 11),  # MME cut it at 31 bytes
            ],
        ),
        ("laptop_realtek_zh", "output", [("喇叭/耳机 (Realtek High Definition Audio)", 10)]),
        ("desktop_hda_en", "input", [("Microphone (High Definition Audio Device)", 9)]),
        ("desktop_hda_en", "output", [("Speakers (High Definition Audio Device)", 8)]),
        ("headset_poly_bt600_de", "input", [("Kopfhörermikrofon (Poly BT600)", 31)]),
        ("headset_poly_bt600_de", "output", [("Kopfhörer (Poly BT600)", 30)]),
        (
            "laptop_jabra_fr",
            "input",
            [
                ("Réseau de microphones (Realtek(R) Audio)", 15),
                ("Microphone (Casque USB Jabra Evolve 20)", 14),
            ],
        ),
        (
            "laptop_jabra_fr",
            "output",
            [("Haut-parleurs (Realtek(R) Audio)", 13), ("Casque (Casque USB Jabra Evolve 20)", 12)],
        ),
    ],
)
def test_the_wasapi_entry_is_the_one_opened(name, kind, expected) -> None:
    devices = offered(name, kind)
    assert [(d.name, d.index) for d in devices] == expected
    assert {d.host_api for d in devices} == {"Windows WASAPI"}
    # Shared mode opens at the device's own rate: the one WASAPI reports is kept.
    assert all(d.default_samplerate in (16000.0, 48000.0) for d in devices)


def test_a_device_without_wasapi_entry_falls_back_to_mme_with_its_full_name() -> None:
    table = [e for e in machine("laptop_jabra_fr")["devices"] if e["index"] != 14]
    devices = offered("laptop_jabra_fr", "input", devices=table)
    jabra = next(d for d in devices if "Jabra" in d.name)
    assert (jabra.name, jabra.index, jabra.host_api) == (
        "Microphone (Casque USB Jabra Evolve 20)",
        2,
        "MME",
    )


def test_only_wdm_ks_entries_are_offered_rather_than_nothing() -> None:
    table = [e for e in machine("desktop_hda_en")["devices"] if e["hostapi"] == 3]
    devices = offered("desktop_hda_en", "input", devices=table)
    assert [(d.name, d.host_api) for d in devices] == [
        ("Microphone (HD Audio Microphone)", "Windows WDM-KS")
    ]


def test_the_communications_default_wins_over_portaudios() -> None:
    devices = offered("laptop_jabra_fr", "input", "Microphone (Casque USB Jabra Evolve 20)")
    assert devices[0].name == "Microphone (Casque USB Jabra Evolve 20)"
    assert devices[0].is_default and not devices[1].is_default
    assert pick_device(devices, devices, None, "input").index == 14


def test_an_unknown_communications_default_keeps_portaudios(caplog) -> None:
    with caplog.at_level(logging.INFO):
        devices = offered("laptop_jabra_fr", "output", "Haut-parleurs (Écran HDMI)")
    assert devices[0].name == "Haut-parleurs (Realtek(R) Audio)" and devices[0].is_default
    assert "not among PortAudio's devices" in caplog.text


def test_a_name_remembered_from_mme_picks_the_wasapi_twin() -> None:
    table = machine("laptop_jabra_fr")
    devices = offered("laptop_jabra_fr", "output")
    everything = all_devices(table["devices"], table["hostapis"], "output")
    assert pick_device(devices, everything, "Casque (Casque USB Jabra Evolve", "output").index == 12
    assert pick_device(devices, everything, "5", "output").index == 5  # a number is exact


@given(st.sets(st.integers(min_value=0, max_value=19)))
def test_any_part_of_a_table_gives_unique_real_devices(kept: set[int]) -> None:
    table = machine("laptop_jabra_fr")
    devices = [e for e in table["devices"] if e["index"] in kept]
    for kind in ("input", "output"):
        result = offer(devices, table["hostapis"], kind, table[f"default_{kind}"])
        names = [d.name.casefold() for d in result]
        assert len(names) == len(set(names))
        assert not PSEUDO & {d.name for d in result}
        assert {d.index for d in result} <= kept
        assert sum(d.is_default for d in result) <= 1


# --- the communications default, from the registry -----------------------------------


def stamp(year: int, month: int, day: int, hour: int = 12) -> bytes:
    return struct.pack("<8H", year, month, 0, day, hour, 0, 0, 0)


class FakeWindowsRegistry:
    """Stands in for HKEY_LOCAL_MACHINE (Windows only): keys and values from a dict."""

    def __init__(self, keys: dict[str, dict[str, object]]):
        self.keys = keys

    def subkeys(self, path: str) -> list[str]:
        prefix = path + "\\"
        if path not in self.keys:
            raise FileNotFoundError(2, "The system cannot find the file specified", path)
        return sorted({k[len(prefix) :].split("\\")[0] for k in self.keys if k.startswith(prefix)})

    def value(self, path: str, name: str) -> object:
        try:
            return self.keys[path][name]
        except KeyError:
            raise FileNotFoundError(2, "The system cannot find the file specified", name) from None


def endpoints(flow: str, *specs: tuple[str, int, bytes | None, str, str]) -> FakeWindowsRegistry:
    base = f"{MMDEVICES}\\{flow}"
    keys: dict[str, dict[str, object]] = {base: {}}
    for guid, state, role2, endpoint, adapter in specs:
        values: dict[str, object] = {DEVICE_STATE: state, "Role:0": stamp(2024, 1, 1)}
        if role2 is not None:
            values[COMMUNICATIONS_ROLE] = role2
        keys[f"{base}\\{guid}"] = values
        keys[f"{base}\\{guid}\\Properties"] = {ENDPOINT_NAME: endpoint, ADAPTER_NAME: adapter}
    return FakeWindowsRegistry(keys)


def test_the_latest_active_communications_endpoint_is_the_default() -> None:
    registry = endpoints(
        "Capture",
        ("{aaaa}", 1, stamp(2023, 5, 2), "Réseau de microphones", "Realtek(R) Audio"),
        ("{bbbb}", 1, stamp(2024, 3, 9), "Microphone", "Casque USB Jabra Evolve 20"),
        ("{cccc}", 4, stamp(2025, 1, 1), "Microphone", "Ancien casque"),  # not present
        ("{dddd}", 1, b"\x00" * 8, "Microphone", "Valeur abîmée"),  # not a SYSTEMTIME
        ("{eeee}", 1, None, "Microphone", "Jamais par défaut"),
    )
    name = communications_default("input", registry)
    assert name == "Microphone (Casque USB Jabra Evolve 20)"
    assert offered("laptop_jabra_fr", "input", name)[0].index == 14


def test_speakers_are_read_under_render() -> None:
    registry = endpoints(
        "Render",
        ("{ffff}", 1, stamp(2024, 6, 1), "Casque", "Casque USB Jabra Evolve 20"),
    )
    assert communications_default("output", registry) == "Casque (Casque USB Jabra Evolve 20)"
    assert communications_default("input", registry) is None  # no Capture key: logged, None


def test_without_the_registry_portaudios_default_stays(caplog) -> None:
    # On this machine there is no winreg at all: the real reader must give up quietly.
    with caplog.at_level(logging.INFO):
        assert communications_default("input") is None
        assert communications_default("output", endpoints("Render")) is None
    assert "could not be read" in caplog.text
    assert "was ever the communications default" in caplog.text


def test_systemtime_orders_like_time() -> None:
    assert systemtime(stamp(2024, 12, 31, 23)) < systemtime(stamp(2025, 1, 1, 0))
    assert systemtime(b"\x01" * 8) is None and systemtime("2024") is None


def test_a_wasapi_stream_lets_windows_convert_the_format_and_others_are_untouched() -> None:
    import sounddevice as sd

    from readiness.devices.audio.model import AudioDevice
    from readiness.devices.audio.streams import host_settings

    def device(api: str) -> AudioDevice:
        return AudioDevice(3, "Réseau de microphones", "Réseau de microphones", api, 4, 0, 48000.0)

    settings = host_settings(sd, device("Windows WASAPI"))["extra_settings"]
    assert isinstance(settings, sd.WasapiSettings)
    assert settings._streaminfo.flags & sd._lib.paWinWasapiAutoConvert
    assert host_settings(sd, device("MME")) == {}
    assert host_settings(sd, device("ALSA")) == {}
