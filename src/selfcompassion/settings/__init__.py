"""The person's settings: known names, checked values, kept in ``settings.toml``."""
