"""Prompt packs: the words of every flow, kept as TOML files outside the code.

Shipped packs live in ``prompts/`` at the top of the repository and are copied into the
package when a wheel is built; from a source checkout they are read where they stand.
A user's own packs live in ``<config>/packs`` and take precedence over a shipped pack
of the same name. A pack that does not fit the format is refused with an error naming
the file and the key, so a typo never turns into a traceback.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import PackError
from ..files import paths
from .steps import CHOICE, DRAW, INTENSITIES, LONG_TEXT, MULTI, SCALE, STEP_KINDS, Step

FLOWS = ("today", "reframe", "checkin")
#: The command that runs each flow, for messages that point people at the right one.
FLOW_COMMANDS = {flow: f"journal {flow}" for flow in FLOWS}
#: The three components a weekly check-in statement can belong to (each with two sides).
CHECKIN_COMPONENTS = ("self-kindness", "common-humanity", "mindfulness")
MAX_PROMPT_CHARS = 160
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_PACK_KEYS = {"name", "title", "description", "flow", "version"}
_STEP_KEYS = {
    "id", "kind", "prompt", "help", "required", "theme", "min", "max", "labels",
    "choices", "other", "variants", "count", "component", "reverse", "not_applicable",
}  # fmt: skip


@dataclass(frozen=True)
class Pack:
    name: str
    title: str
    description: str
    flow: str
    version: int
    steps: tuple[Step, ...]
    prompts: tuple[Step, ...] = ()
    source: str = ""
    themes: tuple[str, ...] = field(default=())

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise PackError(f"{self.source}: steps: the pack has no step '{step_id}'")

    def has_step(self, step_id: str) -> bool:
        return any(step.id == step_id for step in self.steps)


def shipped_dir() -> Path:
    """The folder of shipped packs: inside the installed package, else the checkout's prompts/."""
    packaged = Path(str(resources.files("selfcompassion"))) / "prompts"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "prompts"


def pack_files() -> dict[str, Path]:
    """Every available pack by name; user packs shadow shipped ones of the same name."""
    found: dict[str, Path] = {}
    for folder in (shipped_dir(), paths.user_packs_dir()):
        if folder.is_dir():
            for file in sorted(folder.glob("*.toml")):
                found[file.stem] = file
    return found


def load_pack(name: str) -> Pack:
    files = pack_files()
    if name not in files:
        known = ", ".join(sorted(files)) or "none"
        raise PackError(f"there is no prompt pack called '{name}' (available: {known})")
    return load_pack_file(files[name])


def load_flow_pack(name: str, flow: str) -> Pack:
    """The pack called ``name``, refused unless it is written for ``flow``."""
    pack = load_pack(name)
    if pack.flow != flow:
        raise PackError(
            f"the pack '{name}' is for {FLOW_COMMANDS[pack.flow]}; "
            f'{FLOW_COMMANDS[flow]} needs a pack with flow = "{flow}"'
        )
    return pack


#: The largest pack file read; the shipped packs are a few kilobytes.
MAX_PACK_BYTES = 1 << 20


def load_pack_file(path: Path) -> Pack:
    from ..files.sources import read_regular_file

    try:
        raw = read_regular_file(path, limit=MAX_PACK_BYTES)
    except OSError as error:
        raise PackError(f"{path}: cannot be read ({error.strerror})") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise PackError(f"{path}: is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise PackError(f"{path}: is not valid TOML ({error})") from None
    return parse_pack(data, source=str(path))


def parse_pack(data: dict[str, Any], *, source: str) -> Pack:
    header = data.get("pack")
    if not isinstance(header, dict):
        raise PackError(f"{source}: pack: a [pack] table is required")
    _no_unknown_keys(header, _PACK_KEYS, f"{source}: pack")
    for key in ("name", "title", "description", "flow"):
        _require_str(header, key, f"{source}: pack.{key}")
    if not _ID.match(header["name"]):
        raise PackError(f"{source}: pack.name: use lowercase letters, digits, '-' or '_'")
    if header["flow"] not in FLOWS:
        raise PackError(f"{source}: pack.flow: must be one of {', '.join(FLOWS)}")
    version = header.get("version", 1)
    if isinstance(version, bool) or not isinstance(version, int):
        raise PackError(f"{source}: pack.version: must be a whole number")
    _no_unknown_keys(data, {"pack", "steps", "prompts"}, source)

    steps = _parse_steps(data.get("steps"), f"{source}: steps", pool=False)
    if not steps:
        raise PackError(f"{source}: steps: a pack needs at least one step")
    prompts = _parse_steps(data.get("prompts", []), f"{source}: prompts", pool=True)
    draws = [step for step in steps if step.kind == DRAW]
    if draws and not prompts:
        raise PackError(f"{source}: prompts: a 'draw' step needs [[prompts]] to draw from")
    if len(draws) > 1:
        raise PackError(f"{source}: steps: only one 'draw' step is allowed")
    ids = [step.id for step in (*steps, *prompts)]
    for step_id in ids:
        if ids.count(step_id) > 1:
            raise PackError(f"{source}: id '{step_id}' is used more than once")
    if header["flow"] == "checkin":
        _check_checkin_steps(steps, f"{source}: steps")
    themes = tuple(dict.fromkeys(p.theme for p in prompts if p.theme))
    return Pack(
        name=header["name"],
        title=header["title"],
        description=header["description"],
        flow=header["flow"],
        version=version,
        steps=tuple(steps),
        prompts=tuple(prompts),
        source=source,
        themes=themes,
    )


def _parse_steps(raw: Any, where: str, *, pool: bool) -> list[Step]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise PackError(f"{where}: must be an array of tables ([[...]])")
    return [_parse_step(item, f"{where}[{index}]", pool=pool) for index, item in enumerate(raw)]


def _parse_step(item: Any, where: str, *, pool: bool) -> Step:
    if not isinstance(item, dict):
        raise PackError(f"{where}: must be a table")
    _no_unknown_keys(item, _STEP_KEYS, where)
    step_id = _require_str(item, "id", f"{where}.id")
    where = f"{where} ('{step_id}')"
    if not _ID.match(step_id):
        raise PackError(f"{where}.id: use lowercase letters, digits, '-' or '_'")
    kind = item.get("kind", LONG_TEXT if pool else None)
    if kind not in STEP_KINDS or (pool and kind == DRAW):
        raise PackError(f"{where}.kind: must be one of {', '.join(STEP_KINDS)}")
    prompt = _require_str(item, "prompt", f"{where}.prompt")
    variants = _str_list(item.get("variants", []), f"{where}.variants")
    for wording in (prompt, *variants):
        if len(wording) > MAX_PROMPT_CHARS:
            raise PackError(f"{where}.prompt: longer than {MAX_PROMPT_CHARS} characters")
    theme = _optional_str(item, "theme", f"{where}.theme")
    if pool and not theme:
        raise PackError(f"{where}.theme: every prompt in [[prompts]] needs a theme")
    required = item.get("required", False)
    if not isinstance(required, bool):
        raise PackError(f"{where}.required: must be true or false")
    low, high, labels = _scale_bounds(item, kind, where)
    choices = tuple(_str_list(item.get("choices", []), f"{where}.choices"))
    if kind in (CHOICE, MULTI) and not choices:
        raise PackError(f"{where}.choices: a '{kind}' step needs a list of choices")
    count = item.get("count", 0)
    if kind == DRAW and (isinstance(count, bool) or not isinstance(count, int) or count < 1):
        raise PackError(f"{where}.count: a 'draw' step needs a count of 1 or more")
    reverse = item.get("reverse", False)
    other = item.get("other", False)
    not_applicable = item.get("not_applicable", False)
    if not all(isinstance(flag, bool) for flag in (reverse, other, not_applicable)):
        raise PackError(f"{where}: 'reverse', 'other' and 'not_applicable' must be true or false")
    if not_applicable and kind != SCALE:
        raise PackError(f"{where}.not_applicable: only a 'scale' step can offer it")
    return Step(
        id=step_id,
        kind=kind,
        prompt=prompt,
        help=_optional_str(item, "help", f"{where}.help"),
        required=required,
        theme=theme,
        min=low,
        max=high,
        labels=labels,
        choices=choices,
        other=other,
        variants=tuple(variants),
        count=count if kind == DRAW else 0,
        component=_optional_str(item, "component", f"{where}.component"),
        reverse=reverse,
        not_applicable=not_applicable,
    )


def _check_checkin_steps(steps: list[Step], where: str) -> None:
    """A check-in is scored: every rated statement names its component, nothing is drawn."""
    for index, step in enumerate(steps):
        at = f"{where}[{index}] ('{step.id}')"
        if step.kind == DRAW:
            raise PackError(f"{at}.kind: a checkin pack asks every statement; 'draw' is not used")
        if step.kind == SCALE and step.component not in CHECKIN_COMPONENTS:
            raise PackError(
                f"{at}.component: a rated statement needs one of {', '.join(CHECKIN_COMPONENTS)}"
            )
        if step.kind != SCALE and (step.component or step.reverse):
            raise PackError(f"{at}: 'component' and 'reverse' belong to scale steps only")


def _scale_bounds(
    item: dict[str, Any], kind: str, where: str
) -> tuple[int | None, int | None, dict[int, str]]:
    if kind not in (SCALE, INTENSITIES):
        if "min" in item or "max" in item or "labels" in item:
            raise PackError(f"{where}: min, max and labels belong to scale steps only")
        return None, None, {}
    default_max = 100 if kind == INTENSITIES else None
    bounds: list[int] = []
    for key, value in (("min", item.get("min", 0)), ("max", item.get("max", default_max))):
        if isinstance(value, bool) or not isinstance(value, int):
            raise PackError(f"{where}.{key}: must be a whole number")
        bounds.append(value)
    low, high = bounds
    if low >= high:
        raise PackError(f"{where}.max: must be greater than min")
    raw_labels = item.get("labels", {})
    if not isinstance(raw_labels, dict):
        raise PackError(f'{where}.labels: must be a table like {{ "1" = "low" }}')
    labels: dict[int, str] = {}
    for key, label in raw_labels.items():
        if not key.lstrip("-").isdigit() or not low <= int(key) <= high:
            raise PackError(f"{where}.labels.{key}: must be a number from {low} to {high}")
        if not isinstance(label, str):
            raise PackError(f"{where}.labels.{key}: must be text")
        labels[int(key)] = label
    return low, high, labels


def _no_unknown_keys(table: dict[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise PackError(f"{where}.{unknown[0]}: unknown key")


def _require_str(table: dict[str, Any], key: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise PackError(f"{where}: required, and must be text")
    return value.strip()


def _optional_str(table: dict[str, Any], key: str, where: str) -> str | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise PackError(f"{where}: must be text")
    return value.strip() or None


def _str_list(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise PackError(f"{where}: must be a list of text")
    return [v.strip() for v in value]


def rotation_order(prompts: Iterable[Step]) -> list[Step]:
    """The pool interleaved by theme (one from each theme in turn), so neighbours differ."""
    by_theme: dict[str, list[Step]] = {}
    for prompt in prompts:
        by_theme.setdefault(prompt.theme or "", []).append(prompt)
    queues = [list(group) for _, group in sorted(by_theme.items())]
    order: list[Step] = []
    while any(queues):
        for queue in queues:
            if queue:
                order.append(queue.pop(0))
    return order


def _spread(n: int) -> float:
    """The n-th point of the van der Corput sequence in [0, 1): 0, 1/2, 1/4, 3/4, 1/8, ...
    each as far as it can be from the ones before it."""
    point, scale = 0.0, 1.0
    while n:
        scale /= 2
        point += scale * (n % 2)
        n //= 2
    return point


def draw_prompts(pack: Pack, day: date, count: int, earlier: int = 0) -> list[Step]:
    """The prompts for a given day: the same for that day on every run, none repeated within
    ``len(pool) // count`` days (a week or more for any pack with at least 7 * count prompts).

    ``earlier`` is how many entries were already written that day: each further entry draws
    the prompts of a day far from this one in the rotation (half a rotation away, then a
    quarter, three quarters, ...), so a second or third entry asks something new."""
    order = rotation_order(pack.prompts)
    if not order:
        return []
    count = min(count, len(order))
    rotation_days = max(1, len(order) // count)
    start = (day.toordinal() + round(_spread(earlier) * rotation_days)) * count
    return [order[(start + offset) % len(order)] for offset in range(count)]


def days_without_repeat(pack: Pack, count: int) -> int:
    return len(pack.prompts) // count if count else 0
