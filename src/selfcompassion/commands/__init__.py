"""Command modules: each registers its commands on the app and stays thin."""
