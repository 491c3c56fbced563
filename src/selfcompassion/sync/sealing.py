"""Sealed change files: age encryption (the ``pyrage`` package, an optional extra) and a
check that a file was written by a device holding the folder's key.

A folder synced encrypted has one key of its own (an age X25519 identity). Every change
file is encrypted to that key's public half, so only a device holding the key can read
it; each file also ends with a MAC made with a secret derived from the key, so a file
put in the folder by someone who only knows the public half (which is no secret) is not
taken for one of the person's own. The key reaches a new device only through ``trust``.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Any

from ..errors import InputError

INSTALL = (
    "encrypted sync needs the pyrage package: pip install 'selfcompassion[sync]' "
    "(or pip install pyrage) in the environment journal runs from"
)
_MAC_CONTEXT = b"selfcompassion-sync-mac-v1\n"


class SealError(Exception):
    """A sealed file that cannot be opened with the key given."""


def _age() -> Any:
    try:
        import pyrage
    except ImportError:
        raise InputError(INSTALL) from None
    return pyrage


def available() -> bool:
    try:
        _age()
    except InputError:
        return False
    return True


def new_identity() -> str:
    """A new age identity, as its secret text (``AGE-SECRET-KEY-1...``)."""
    return str(_age().x25519.Identity.generate())


def recipient_of(identity: str) -> str:
    """The public half of an identity (``age1...``)."""
    return str(_age().x25519.Identity.from_str(identity).to_public())


def check_recipient(text: str) -> str:
    """``text`` when it is an age X25519 recipient; ValueError otherwise."""
    age = _age()
    try:
        return str(age.x25519.Recipient.from_str(text.strip()))
    except age.RecipientError:
        raise ValueError("not an age recipient") from None


def seal(data: bytes, recipients: list[str]) -> bytes:
    age = _age()
    return bytes(age.encrypt(data, [age.x25519.Recipient.from_str(r) for r in recipients]))


def unseal(data: bytes, identity: str) -> bytes:
    age = _age()
    try:
        return bytes(age.decrypt(data, [age.x25519.Identity.from_str(identity)]))
    except age.DecryptError as error:
        raise SealError(str(error) or "cannot be decrypted") from None


def code(recipient: str) -> str:
    """A short code for a device's public key, shown on that device and typed on one
    already trusted: 20 characters (100 bits) in groups of four."""
    digest = hashlib.sha256(recipient.encode("ascii")).digest()
    letters = "".join("ABCDEFGHJKLMNPQRSTUVWXYZ23456789"[b % 32] for b in digest[:20])
    return "-".join(letters[i : i + 4] for i in range(0, 20, 4))


@dataclass(frozen=True)
class FolderKey:
    """The folder's key: files are sealed to ``recipient`` and opened with ``identity``;
    ``mac`` proves a file was made by a device holding it."""

    identity: str

    @property
    def recipient(self) -> str:
        return recipient_of(self.identity)

    def mac(self, data: bytes) -> str:
        secret = hashlib.sha256(_MAC_CONTEXT + self.identity.encode("ascii")).digest()
        return hmac.new(secret, data, hashlib.sha256).hexdigest()

    def verify(self, data: bytes, mac: object) -> bool:
        return isinstance(mac, str) and hmac.compare_digest(mac, self.mac(data))

    def seal(self, text: str) -> bytes:
        return seal(text.encode("utf-8"), [self.recipient])

    def unseal(self, data: bytes) -> bytes:
        return unseal(data, self.identity)

    def __repr__(self) -> str:  # never print key material, even in a traceback
        return "FolderKey(<hidden>)"
