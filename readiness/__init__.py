"""Readiness checker: gets a beneficiary ready for a remote Zoom session."""

__version__ = "0.1.0"
APP_NAME = "readiness"
