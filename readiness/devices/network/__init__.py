"""The network adapters: bandwidth clients (speedtest.net-style and HTTP speed
services), round trips, zoom.us reachability, the session watch's line probe, and
the connection's kind (connection/, one module per OS as zoom/ is)."""
