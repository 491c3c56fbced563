"""The raw key of an encrypted journal, made from the passphrase once per command.

SQLCipher would derive the key itself on every connection (PBKDF2, about a tenth of a
second each). The journal instead hands SQLCipher a raw key: scrypt over the passphrase
and the journal's salt, computed once per process and kept only in memory. The salt is
the first 16 bytes of the encrypted file (SQLCipher writes the salt of a raw key given
as ``x'<key><salt>'`` there), so the passphrase alone opens the file, and a copy made
with the same key opens with the same passphrase. See docs/decisions.md for the choice
of scrypt and its cost.

When the passphrase is already known at start-up (environment or command), the key is
worked out on a second thread while the command loads its modules: scrypt runs outside
Python's global lock, so on a machine with two cores most of its cost is hidden.
"""

from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from ..background import start_in_background

#: Where scripts give the passphrase (read here only to start the key early).
PASSPHRASE_ENV = "SELFCOMPASSION_PASSPHRASE"
SALT_BYTES = 16
KEY_BYTES = 32
#: scrypt cost: 16 MiB of memory and about 50 ms on a modest laptop core.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
_MAX_MEMORY = 64 * 1024 * 1024


@dataclass(frozen=True)
class JournalKey:
    """A raw SQLCipher key and the salt it was made with."""

    key: bytes
    salt: bytes

    def raw_text(self) -> str:
        """SQLCipher's form of a raw key with its salt, ``x'<key hex><salt hex>'``: used
        as it is (no key derivation of its own), and the salt is written to the file."""
        return f"x'{self.key.hex()}{self.salt.hex()}'"

    def __repr__(self) -> str:  # never print key material, even in a traceback
        return "JournalKey(<hidden>)"


def is_utf8_text(passphrase: str) -> bool:
    """Whether UTF-8 can hold the passphrase: bytes of another encoding in a variable or
    a command's output arrive as stand-ins that it cannot."""
    try:
        passphrase.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _scrypt(passphrase: str, salt: bytes) -> bytes:
    return hashlib.scrypt(
        passphrase.encode("utf-8"),
        salt=salt,
        n=SCRYPT_N,
        r=SCRYPT_R,
        p=SCRYPT_P,
        maxmem=_MAX_MEMORY,
        dklen=KEY_BYTES,
    )


class _Derivations:
    """Keys worked out in this process, by passphrase and salt, and the ones under way."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._done: dict[tuple[str, bytes], bytes] = {}
        self._running: dict[tuple[str, bytes], threading.Thread] = {}

    def start(self, passphrase: str, salt: bytes) -> None:
        """Begin working out the key on a background thread, if not already known."""
        slot = (passphrase, salt)
        with self._lock:
            if slot in self._done or slot in self._running:
                return
            self._running[slot] = start_in_background(self._work, *slot)

    def _work(self, passphrase: str, salt: bytes) -> None:
        key = _scrypt(passphrase, salt)
        with self._lock:
            self._done[(passphrase, salt)] = key
            self._running.pop((passphrase, salt), None)

    def key(self, passphrase: str, salt: bytes) -> bytes:
        slot = (passphrase, salt)
        with self._lock:
            worker = self._running.get(slot)
        if worker is not None:
            worker.join()
        with self._lock:
            known = self._done.get(slot)
        if known is None:
            known = _scrypt(passphrase, salt)
            with self._lock:
                self._done[slot] = known
        return known


_DERIVATIONS = _Derivations()


def derive(passphrase: str, salt: bytes) -> JournalKey:
    """The key for ``passphrase`` and ``salt``; worked out at most once per process."""
    return JournalKey(_DERIVATIONS.key(passphrase, salt), salt)


def derive_soon(passphrase: str, salt: bytes) -> None:
    """Start working out the key now, so that ``derive`` later finds it ready."""
    _DERIVATIONS.start(passphrase, salt)


def derive_early(journal: Path) -> None:
    """When the journal is encrypted and its passphrase is in the environment, start
    working out the key at once (called as the command line starts, before the heavy
    imports); otherwise do nothing. Never fails: the real open reports any problem."""
    passphrase = os.environ.get(PASSPHRASE_ENV)
    if not passphrase or os.environ.get("SELFCOMPASSION_PASSPHRASE_COMMAND"):
        return
    if not is_utf8_text(passphrase):
        return
    try:
        with journal.open("rb") as handle:
            salt = handle.read(SALT_BYTES)
    except OSError:
        return
    if len(salt) == SALT_BYTES and not salt.startswith(b"SQLite format 3"):
        derive_soon(passphrase, salt)


def new_key(passphrase: str) -> JournalKey:
    """A key with a fresh random salt, for a journal about to be encrypted."""
    return derive(passphrase, os.urandom(SALT_BYTES))
