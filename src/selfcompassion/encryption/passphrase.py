"""Where the passphrase comes from, in this order.

1. ``SELFCOMPASSION_PASSPHRASE_COMMAND``: a command whose output is the passphrase, for a
   password manager (``pass show journal``); run by the shell, its last newline dropped.
2. ``SELFCOMPASSION_PASSPHRASE``: the passphrase itself, for scripts and tests.
3. The system keyring, only when the person chose it (``journal encrypt --remember``).
4. A question at the terminal: asked twice when a passphrase is being set, up to three
   tries when a journal is being opened.

With none of them (a script without the variables), the journal says in one line how to
give it and stops (exit 2): it never waits for input that cannot come.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from ..errors import InputError, JournalError
from .keys import PASSPHRASE_ENV, JournalKey, derive, is_utf8_text

COMMAND_ENV = "SELFCOMPASSION_PASSPHRASE_COMMAND"
#: The new passphrase for ``journal passphrase`` in a script (the old one comes as usual).
NEW_PASSPHRASE_ENV = "SELFCOMPASSION_NEW_PASSPHRASE"
KEYRING_SERVICE = "selfcompassion"
KEYRING_SETTING = "passphrase-keyring"
OPENING_TRIES = 3
WRONG = "the passphrase does not open this journal"
HOW_TO_GIVE = (
    f"set {PASSPHRASE_ENV}, or {COMMAND_ENV} to a command that prints it, "
    "or run the command at a terminal"
)


class WrongPassphrase(JournalError):
    """The passphrase given does not open the journal. Exit 1; nothing was changed."""


class NoPassphrase(InputError):
    """The journal is encrypted and no passphrase can be had. Exit 2."""


@dataclass(frozen=True)
class Given:
    """A passphrase found without asking, and where it was found (for the error line)."""

    passphrase: str
    source: str


#: Keys typed at the terminal in this process, by salt, so that one command asks once
#: even when it opens the journal twice, or a copy made with the same key.
_TYPED: dict[bytes, JournalKey] = {}


#: What the passphrase command printed, so that it runs once per process.
_COMMAND_OUTPUT: dict[str, str] = {}


def _from_command(command: str) -> str:
    if command in _COMMAND_OUTPUT:
        return _COMMAND_OUTPUT[command]
    try:
        done = subprocess.run(
            command,
            shell=True,
            stdout=subprocess.PIPE,
            text=True,
            errors="surrogateescape",  # refused below, in one line, rather than here
            check=False,
        )
    except OSError as error:
        raise JournalError(f"{COMMAND_ENV}: the command could not be run ({error})") from None
    if done.returncode != 0:
        raise JournalError(
            f"{COMMAND_ENV}: the command stopped with exit code {done.returncode}; "
            "run it by hand to see why"
        )
    passphrase = done.stdout.removesuffix("\n").removesuffix("\r")
    if not passphrase:
        raise JournalError(f"{COMMAND_ENV}: the command printed nothing")
    _check_text(passphrase, f"{COMMAND_ENV}: the command's output")
    _COMMAND_OUTPUT[command] = passphrase
    return passphrase


def _check_text(passphrase: str, where: str) -> str:
    """``passphrase`` if UTF-8 can hold it; otherwise one InputError naming ``where``."""
    if not is_utf8_text(passphrase):
        raise InputError(f"{where} is not UTF-8 text; give the passphrase in UTF-8")
    return passphrase


def keyring_chosen() -> bool:
    """Whether the person chose the keyring (``passphrase-keyring = "yes"`` in the
    settings). Read straight from the file: the settings package sits above the store,
    and a settings file that cannot be read is reported by ``journal config``."""
    import tomllib

    from ..files.paths import settings_file

    try:
        values = tomllib.loads(settings_file().read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    return values.get(KEYRING_SETTING) == "yes"


def _keyring_module() -> ModuleType:
    try:
        import keyring
    except ImportError:
        raise JournalError(
            "the keyring is chosen for the passphrase but not installed: "
            "pip install 'selfcompassion[keyring]'"
        ) from None
    return keyring


def _from_keyring(journal: Path) -> str | None:
    keyring = _keyring_module()
    try:
        found = keyring.get_password(KEYRING_SERVICE, str(journal.resolve()))
    except Exception as error:  # a backend failure is the backend's own class
        raise JournalError(f"the system keyring could not be read ({error})") from None
    return found if isinstance(found, str) and found else None


def remember(journal: Path, passphrase: str) -> None:
    """Keep the passphrase in the system keyring, for this journal."""
    keyring = _keyring_module()
    try:
        keyring.set_password(KEYRING_SERVICE, str(journal.resolve()), passphrase)
    except Exception as error:
        raise JournalError(
            f"the system keyring could not keep the passphrase ({error}); "
            f"use {COMMAND_ENV} with a password manager instead"
        ) from None


def forget(journal: Path) -> None:
    """Remove the journal's passphrase from the system keyring, if it is there."""
    keyring = _keyring_module()
    try:
        keyring.delete_password(KEYRING_SERVICE, str(journal.resolve()))
    except Exception:  # nothing stored is fine: there is nothing to forget
        return


def from_environment() -> Given | None:
    """The passphrase from the command or the variable, without asking anyone."""
    command = os.environ.get(COMMAND_ENV)
    if command:
        return Given(_from_command(command), COMMAND_ENV)
    value = os.environ.get(PASSPHRASE_ENV)
    if value:
        return Given(_check_text(value, PASSPHRASE_ENV), PASSPHRASE_ENV)
    return None


def given_passphrase(journal: Path) -> Given | None:
    """The passphrase from the environment, else from the keyring when it was chosen."""
    found = from_environment()
    if found is None and keyring_chosen():
        stored = _from_keyring(journal)
        if stored is not None:
            found = Given(stored, "the system keyring")
    return found


def at_terminal() -> bool:
    return sys.stdin.isatty()


def _ask(prompt: str) -> str:
    import getpass

    return getpass.getpass(prompt)


def _say(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def unlock(journal: Path, salt: bytes, opens: Callable[[JournalKey], bool]) -> JournalKey:
    """The key that opens ``journal``, checked with ``opens``: from a passphrase given
    in the environment or keyring, else asked for at the terminal (three tries)."""
    given = given_passphrase(journal)
    if given is not None:
        key = derive(given.passphrase, salt)
        if opens(key):
            return key
        raise WrongPassphrase(f"{journal}: {WRONG} (passphrase from {given.source})")
    known = _TYPED.get(salt)
    if known is not None and opens(known):
        return known
    if not at_terminal():
        raise NoPassphrase(f"{journal}: the journal is encrypted; {HOW_TO_GIVE}")
    for attempt in range(OPENING_TRIES):
        typed = _ask(f"Passphrase for {journal.name}: ")
        key = derive(typed, salt)
        if opens(key):
            _TYPED[salt] = key
            return key
        if attempt < OPENING_TRIES - 1:
            _say("That passphrase does not open this journal; try again.")
    raise WrongPassphrase(f"{journal}: {WRONG}; nothing was changed")


def new_passphrase(purpose: str, *, replacing: bool = False) -> str:
    """A passphrase about to be set: from the environment (``SELFCOMPASSION_NEW_PASSPHRASE``
    when ``replacing`` one), or typed twice at the terminal."""
    if replacing:
        value = os.environ.get(NEW_PASSPHRASE_ENV)
        if value:
            return _check_text(value, NEW_PASSPHRASE_ENV)
        how = f"set {NEW_PASSPHRASE_ENV}, or run the command at a terminal"
    else:
        given = from_environment()
        if given is not None:
            return given.passphrase
        how = HOW_TO_GIVE
    if not at_terminal():
        raise NoPassphrase(f"{purpose} needs a new passphrase; {how}")
    for _ in range(OPENING_TRIES):
        first = _ask("New passphrase: ")
        if not first:
            _say("An empty passphrase protects nothing; please type one.")
            continue
        if _ask("The same passphrase again: ") == first:
            return first
        _say("The two did not match; once more.")
    raise InputError("no passphrase was set (the two did not match); nothing was changed")
