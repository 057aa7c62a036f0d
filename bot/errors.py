"""Errors that stop the bot at start with a message a person can act on."""


class StartupError(Exception):
    """A configuration, catalog or schedule problem found before the bot serves anyone."""
