"""Thin adapters over what touches hardware, the network or the operating system."""
