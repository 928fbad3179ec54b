"""A museum kiosk that runs in a terminal: exhibits are YAML and media, never code."""

__version__ = "0.1.0"
