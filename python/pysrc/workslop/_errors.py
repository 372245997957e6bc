"""Exceptions raised by workslop."""


class WorkslopError(Exception):
    """Something went wrong in workslop."""


class ConfigError(WorkslopError, ValueError):
    """A configuration is invalid; the message names the file and key."""
