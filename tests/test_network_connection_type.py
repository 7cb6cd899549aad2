"""Cable or Wi-Fi, signal, VPN: this machine for real, other systems from their programs' text.

Windows and macOS cannot run here, and this machine has no Wi-Fi: their programs'
outputs below are copied in the shape those programs print them, and fed to the
parsers and probes through ``CannedPrograms``.
"""

from collections.abc import Sequence
from pathlib import Path

from readiness.devices.network.connection import CELLULAR, ETHERNET, NONE, WIFI, detect
from readiness.devices.network.connection.linux import (
    LinuxProbe,
    parse_nmcli_signal,
    parse_proc_route,
    parse_proc_wireless,
)
from readiness.devices.network.connection.macos import MacProbe, parse_system_profiler_rssi
from readiness.devices.network.connection.model import dbm_to_percent
from readiness.devices.network.connection.windows import WindowsProbe, parse_netsh_wlan


class CannedPrograms:
    """Stands in for running programs: their output, as recorded, by command line."""

    def __init__(self, outputs: dict[tuple[str, ...], str]):
        self._outputs = outputs
        self.asked: list[tuple[str, ...]] = []

    def __call__(self, argv: Sequence[str]) -> str | None:
        self.asked.append(tuple(argv))
        return self._outputs.get(tuple(argv))


NETSH_EN = """
There is 1 interface on the system:

    Name                   : Wi-Fi
    Description            : Intel(R) Wi-Fi 6 AX201 160MHz
    GUID                   : 5f1b2c3d-0000-4a4a-9b9b-0123456789ab
    Physical address       : 3c:58:c2:aa:bb:cc
    State                  : connected
    SSID                   : Livebox-1234
    BSSID                  : 60:35:c0:11:22:33
    Network type           : Infrastructure
    Radio type             : 802.11ax
    Authentication         : WPA2-Personal
    Cipher                 : CCMP
    Connection mode        : Auto Connect
    Channel                : 36
    Receive rate (Mbps)    : 576
    Transmit rate (Mbps)   : 576
    Signal                 : 42%
    Profile                : Livebox-1234

    Hosted network status  : Not available
"""

NETSH_FR = """
Il existe 1 interface sur le système :

    Nom                    : Wi-Fi
    Description            : Intel(R) Wi-Fi 6 AX201 160MHz
    GUID                   : 5f1b2c3d-0000-4a4a-9b9b-0123456789ab
    Adresse physique       : 3c:58:c2:aa:bb:cc
    État                   : connecté
    SSID                   : Freebox-5678
    Type de radio          : 802.11ac
    Signal                 : 87%
    Profil                 : Freebox-5678

    État du réseau hébergé : Non disponible
"""

NETSH_DISCONNECTED = """
There is 1 interface on the system:

    Name                   : Wi-Fi
    Description            : Realtek RTL8821CE
    State                  : disconnected
    Radio status           : Hardware On
                             Software On
"""


def test_netsh_in_english_and_in_french() -> None:
    (english,) = parse_netsh_wlan(NETSH_EN)
    assert (english.name, english.connected, english.signal_percent) == ("Wi-Fi", True, 42)
    (french,) = parse_netsh_wlan(NETSH_FR)
    assert (french.name, french.connected, french.signal_percent) == ("Wi-Fi", True, 87)
    (off,) = parse_netsh_wlan(NETSH_DISCONNECTED)
    assert not off.connected and off.signal_percent is None


def test_windows_on_wifi_with_a_vpn_up() -> None:
    probe = WindowsProbe(
        CannedPrograms({("netsh", "wlan", "show", "interfaces"): NETSH_EN}),
        interfaces=lambda: {
            "Wi-Fi": (True, ["192.168.1.20"]),
            "Ethernet": (False, []),
            "NordLynx": (True, ["10.5.0.2"]),
        },
        local_address=lambda: "192.168.1.20",
    )
    assert probe.detect() == _connection(WIFI, "Wi-Fi", 42, vpn=("NordLynx",))


def test_windows_on_a_cable() -> None:
    probe = WindowsProbe(
        CannedPrograms({("netsh", "wlan", "show", "interfaces"): NETSH_DISCONNECTED}),
        interfaces=lambda: {"Ethernet": (True, ["192.168.1.30"]), "Wi-Fi": (True, [])},
        local_address=lambda: "192.168.1.30",
    )
    connection = probe.detect()
    assert (connection.kind, connection.interface, connection.vpn) == (ETHERNET, "Ethernet", ())


def test_windows_without_a_network() -> None:
    probe = WindowsProbe(CannedPrograms({}), interfaces=dict, local_address=lambda: None)
    assert probe.detect().kind == NONE


ROUTE_EN0 = """   route to: default
destination: default
       mask: default
    gateway: 192.168.1.1
  interface: en0
      flags: <UP,GATEWAY,DONE,STATIC,PRCLONING,GLOBAL>
"""

HARDWARE_PORTS = """
Hardware Port: Wi-Fi
Device: en0
Ethernet Address: 3c:22:fb:aa:bb:cc

Hardware Port: Thunderbolt Ethernet Slot 1
Device: en5
Ethernet Address: 00:e0:4c:11:22:33

VLAN Configurations
===================
"""

AIRPORT = """     agrCtlRSSI: -61
     agrExtRSSI: 0
    agrCtlNoise: -92
    agrExtNoise: 0
          state: running
        op mode: station
     lastTxRate: 867
           SSID: Livebox-1234
"""

SYSTEM_PROFILER = """Wi-Fi:

      Software Versions:
          CoreWLAN: 16.0 (1657)
      Interfaces:
        en0:
          Card Type: Wi-Fi  (0x14E4, 0x4387)
          Status: Connected
          Current Network Information:
            Livebox-1234:
              PHY Mode: 802.11ax
              Channel: 36 (5GHz, 80MHz)
              Network Type: Infrastructure
              Security: WPA2 Personal
              Signal / Noise: -72 dBm / -92 dBm
              Transmit Rate: 864
          Other Local Wi-Fi Networks:
            Voisin:
              Signal / Noise: -48 dBm / -92 dBm
"""

SCUTIL = """Available network connection services in the current set (*=enabled):
* (Connected)      6B2B2C0D-7F4E-4A3C-9D1B-2A1B3C4D5E6F PPP --> L2TP       "Bureau"    [PPP/L2TP]
* (Disconnected)   1A2B3C4D-0000-4444-8888-999999999999 IPSec              "Autre"     [IPSec]
"""

AIRPORT_PATH = (
    "/System/Library/PrivateFrameworks/Apple80211.framework/Versions/Current/Resources/airport"
)


def test_macos_wifi_through_airport() -> None:
    programs = CannedPrograms(
        {
            ("route", "-n", "get", "default"): ROUTE_EN0,
            ("networksetup", "-listallhardwareports"): HARDWARE_PORTS,
            (AIRPORT_PATH, "-I"): AIRPORT,
            ("scutil", "--nc", "list"): SCUTIL,
        }
    )
    assert MacProbe(programs).detect() == _connection(WIFI, "en0", 78, -61, vpn=("Bureau",))


def test_macos_14_4_and_later_have_no_airport_system_profiler_tells() -> None:
    programs = CannedPrograms(
        {
            ("route", "-n", "get", "default"): ROUTE_EN0,
            ("networksetup", "-listallhardwareports"): HARDWARE_PORTS,
            ("system_profiler", "SPAirPortDataType"): SYSTEM_PROFILER,
        }
    )
    connection = MacProbe(programs).detect()
    assert (connection.kind, connection.signal_dbm, connection.vpn) == (WIFI, -72, ())
    # the current network's signal, not the neighbour's
    assert parse_system_profiler_rssi(SYSTEM_PROFILER) == -72


def test_macos_on_a_thunderbolt_cable() -> None:
    programs = CannedPrograms(
        {
            ("route", "-n", "get", "default"): ROUTE_EN0.replace("en0", "en5"),
            ("networksetup", "-listallhardwareports"): HARDWARE_PORTS,
        }
    )
    assert MacProbe(programs).detect().kind == ETHERNET


_ROUTE_HEADER = (
    "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n"
)

#: OpenVPN's "def1": 0.0.0.0/1 and 128.0.0.0/1 through tun0, the default route kept.
ROUTE_OPENVPN_DEF1 = _ROUTE_HEADER + (
    "wlp2s0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0\n"
    "tun0\t00000000\t0100080A\t0003\t0\t0\t0\t00000080\t0\t0\t0\n"
    "tun0\t00000080\t0100080A\t0003\t0\t0\t0\t00000080\t0\t0\t0\n"
    "wlp2s0\t0001A8C0\t00000000\t0001\t0\t0\t600\t00FFFFFF\t0\t0\t0\n"
)

#: A VPN that takes the default route itself, ahead of the Wi-Fi's.
ROUTE_VPN_DEFAULT = _ROUTE_HEADER + (
    "tun0\t00000000\t0100080A\t0003\t0\t0\t50\t00000000\t0\t0\t0\n"
    "wlp2s0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0\n"
)

PROC_WIRELESS = """Inter-| sta-|   Quality        |   Discarded packets               | Missed | WE
 face | tus | link level noise |  nwid  crypt   frag  retry   misc | beacon | 22
wlp2s0: 0000   45.  -65.  -256        0      0      0      0     18        0
"""


def test_proc_files() -> None:
    assert parse_proc_route(ROUTE_OPENVPN_DEF1) == "wlp2s0"  # 0/1 and 128/1 are no default
    assert parse_proc_route(ROUTE_VPN_DEFAULT) == "tun0"  # the lowest metric
    assert parse_proc_route(_ROUTE_HEADER) is None
    assert parse_proc_wireless(PROC_WIRELESS) == {"wlp2s0": -65}
    assert parse_nmcli_signal(" :34\n*:72\n :20\n") == 72
    assert dbm_to_percent(-65) == 70 and dbm_to_percent(-30) == 100 and dbm_to_percent(-110) == 0


def _laptop(root: Path, *, wireless: str | None, route: str) -> None:
    """A Linux laptop's /sys and /proc: Wi-Fi, a cable unplugged, OpenVPN's tun0."""
    devices = {
        "lo": ("772", "unknown", []),
        "wlp2s0": ("1", "up", ["wireless"]),
        "enp3s0": ("1", "down", []),
        "tun0": ("65534", "unknown", ["tun_flags"]),
    }
    for name, (link_type, state, extra) in devices.items():
        folder = root / "sys/class/net" / name
        folder.mkdir(parents=True)
        (folder / "type").write_text(link_type + "\n")
        (folder / "operstate").write_text(state + "\n")
        for item in extra:
            (folder / item).mkdir() if item == "wireless" else (folder / item).write_text("0x1001")
    (root / "proc/net").mkdir(parents=True)
    (root / "proc/net/route").write_text(route)
    if wireless is not None:
        (root / "proc/net/wireless").write_text(wireless)


def test_a_linux_laptop_on_wifi_with_openvpn(tmp_path: Path) -> None:
    _laptop(tmp_path, wireless=PROC_WIRELESS, route=ROUTE_OPENVPN_DEF1)
    connection = LinuxProbe(tmp_path, CannedPrograms({})).detect()
    assert connection == _connection(WIFI, "wlp2s0", 70, -65, vpn=("tun0",))


def test_without_proc_net_wireless_nmcli_gives_the_signal(tmp_path: Path) -> None:
    _laptop(tmp_path, wireless=None, route=ROUTE_OPENVPN_DEF1)
    programs = CannedPrograms({("nmcli", "-t", "-f", "IN-USE,SIGNAL", "dev", "wifi"): "*:38\n"})
    connection = LinuxProbe(tmp_path, programs).detect()
    assert (connection.kind, connection.signal_percent) == (WIFI, 38)


def test_all_traffic_through_the_vpn_still_names_the_wifi_under_it(tmp_path: Path) -> None:
    _laptop(tmp_path, wireless=PROC_WIRELESS, route=ROUTE_VPN_DEFAULT)
    connection = LinuxProbe(tmp_path, CannedPrograms({})).detect()
    assert (connection.kind, connection.interface, connection.vpn) == (WIFI, "wlp2s0", ("tun0",))


def test_no_default_route_means_no_connection(tmp_path: Path) -> None:
    _laptop(tmp_path, wireless=None, route=_ROUTE_HEADER)
    assert LinuxProbe(tmp_path, CannedPrograms({})).detect().kind == NONE


def test_a_4g_modem(tmp_path: Path) -> None:
    folder = tmp_path / "sys/class/net/wwan0"
    folder.mkdir(parents=True)
    (folder / "type").write_text("519\n")
    (folder / "operstate").write_text("up\n")
    (tmp_path / "proc/net").mkdir(parents=True)
    (tmp_path / "proc/net/route").write_text(
        _ROUTE_HEADER + "wwan0\t00000000\t00000000\t0001\t0\t0\t0\t00000000\t0\t0\t0\n"
    )
    assert LinuxProbe(tmp_path, CannedPrograms({})).detect().kind == CELLULAR


def test_this_machine_for_real() -> None:
    connection = detect()
    assert connection.kind in {ETHERNET, WIFI, CELLULAR, NONE, "unknown"}
    if connection.kind != NONE:
        assert (Path("/sys/class/net") / connection.interface).exists()


def _connection(kind, interface, percent=None, dbm=None, vpn=()):
    from readiness.devices.network.connection import Connection

    return Connection(kind, interface, percent, dbm, vpn)
