"""Gentle reminders, kept by the person's own scheduler (systemd, cron, launchd, Task Scheduler)."""
