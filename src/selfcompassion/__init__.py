"""selfcompassion: a command-line self-coaching journal."""

__version__ = "0.1.0"
