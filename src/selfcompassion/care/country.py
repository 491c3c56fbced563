"""Which country's crisis lines to show: the one set, else a careful guess that says so.

``journal config set country GB`` decides. Without it the time zone is the better clue
(a machine's language is often US English wherever it is), then the locale. The guess is
always named on screen with how to change it, and findahelpline.com is shown to everyone.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

SET = "set"
OPTION = "option"
AUTO = "auto"
TIME_ZONE = "time zone"
LOCALE = "locale"

_LOCALE = re.compile(r"^[a-z]{2,3}_([A-Z]{2})\b")

# Time zones of the countries in the directory. A zone shared by several countries (for
# example Europe/Brussels is also used elsewhere) names the one the zone is called after.
_ZONES: dict[str, str] = {
    "Europe/London": "GB",
    "Europe/Belfast": "GB",
    "GB": "GB",
    "Europe/Dublin": "IE",
    "Eire": "IE",
    "Europe/Paris": "FR",
    "Europe/Berlin": "DE",
    "Europe/Vienna": "AT",
    "Europe/Zurich": "CH",
    "Europe/Amsterdam": "NL",
    "Europe/Brussels": "BE",
    "Europe/Madrid": "ES",
    "Atlantic/Canary": "ES",
    "Europe/Rome": "IT",
    "Europe/Lisbon": "PT",
    "Atlantic/Madeira": "PT",
    "Atlantic/Azores": "PT",
    "Europe/Copenhagen": "DK",
    "Europe/Stockholm": "SE",
    "Europe/Oslo": "NO",
    "Europe/Helsinki": "FI",
    "Atlantic/Reykjavik": "IS",
    "Europe/Warsaw": "PL",
    "Europe/Prague": "CZ",
    "Europe/Budapest": "HU",
    "Europe/Ljubljana": "SI",
    "Europe/Vilnius": "LT",
    "Europe/Athens": "GR",
    "Europe/Kyiv": "UA",
    "Europe/Kiev": "UA",
    "Asia/Jerusalem": "IL",
    "Asia/Tel_Aviv": "IL",
    "Israel": "IL",
    "Asia/Kolkata": "IN",
    "Asia/Calcutta": "IN",
    "Asia/Tokyo": "JP",
    "Japan": "JP",
    "Asia/Seoul": "KR",
    "Asia/Singapore": "SG",
    "Singapore": "SG",
    "Asia/Hong_Kong": "HK",
    "Hongkong": "HK",
    "Asia/Kuala_Lumpur": "MY",
    "Asia/Manila": "PH",
    "Africa/Johannesburg": "ZA",
    "America/Sao_Paulo": "BR",
    "America/Bahia": "BR",
    "America/Fortaleza": "BR",
    "America/Manaus": "BR",
    "America/Recife": "BR",
    "America/Belem": "BR",
    "America/Mexico_City": "MX",
    "America/Monterrey": "MX",
    "America/Cancun": "MX",
    "America/Tijuana": "MX",
    "America/Argentina/Buenos_Aires": "AR",
    "America/Buenos_Aires": "AR",
    "America/Santiago": "CL",
    "Pacific/Auckland": "NZ",
    "NZ": "NZ",
    "America/Toronto": "CA",
    "America/Vancouver": "CA",
    "America/Edmonton": "CA",
    "America/Winnipeg": "CA",
    "America/Halifax": "CA",
    "America/St_Johns": "CA",
    "America/Regina": "CA",
    "America/Montreal": "CA",
}
_US_ZONES = re.compile(
    r"^(?:America/(?:New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Detroit|Boise|"
    r"Indiana/\w+|Kentucky/\w+|North_Dakota/\w+|Juneau|Sitka|Nome|Adak)|Pacific/Honolulu|US/\w+)$"
)


@dataclass(frozen=True)
class Country:
    """The country whose lines are shown (None when no guess could be made), how it was
    chosen, and the clue a guess came from."""

    code: str | None
    how: str
    clue: str = ""


def zone_country(zone: str) -> str | None:
    if zone in _ZONES:
        return _ZONES[zone]
    if zone.startswith("Australia/"):
        return "AU"
    return "US" if _US_ZONES.match(zone) else None


def local_zone() -> str:
    """The time zone name: $TZ, else where /etc/localtime points, else /etc/timezone."""
    zone = os.environ.get("TZ", "").lstrip(":")
    if zone:
        return zone
    try:
        target = os.readlink("/etc/localtime")
        if "zoneinfo/" in target:
            return target.split("zoneinfo/", 1)[1]
    except OSError:
        pass
    try:
        return Path("/etc/timezone").read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def locale_country() -> tuple[str | None, str]:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        match = _LOCALE.match(value)
        if match:
            return match.group(1), value
    return None, ""


def guess_country() -> Country:
    zone = local_zone()
    from_zone = zone_country(zone) if zone else None
    if from_zone:
        return Country(from_zone, TIME_ZONE, zone)
    code, value = locale_country()
    if code:
        return Country(code, LOCALE, value)
    return Country(None, TIME_ZONE, zone)


def chosen_country(setting: str | None = None) -> Country:
    """The ``country`` setting when there is one, else a guess."""
    if setting is None:
        from ..settings.values import get_value

        setting = get_value("country")
    if setting and setting != AUTO:
        return Country(setting.upper(), SET)
    return guess_country()
