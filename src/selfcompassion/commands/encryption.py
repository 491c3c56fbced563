"""``journal encrypt``, ``decrypt`` and ``passphrase``: keeping the journal locked."""

from __future__ import annotations

from pathlib import Path

import typer

from .context import open_store

REMEMBER = typer.Option(
    False,
    "--remember",
    help="Keep the passphrase in the system keyring (needs selfcompassion[keyring]).",
)


def encrypt(remember: bool = REMEMBER) -> None:
    """Encrypt the journal: no one can read it without the passphrase."""
    from ..encryption.keys import new_key
    from ..encryption.passphrase import new_passphrase
    from ..errors import InputError
    from ..render import print_note
    from ..store import driver
    from ..store.cipher import plain_copies, rewrite

    driver.require_cipher()
    with open_store() as store:
        path, key = store.path, store.key
    if key is not None:
        raise InputError(f"{path}: the journal is already encrypted; journal passphrase changes it")
    passphrase = new_passphrase("journal encrypt")
    rewrite(path, None, new_key(passphrase))
    if remember:
        _remember(path, passphrase)
    print_note(
        f"Your journal is encrypted ({path}). Keep the passphrase somewhere safe: "
        "without it no one, you included, can read the journal again."
    )
    _warn_plain_copies(plain_copies(path))


def decrypt() -> None:
    """Turn an encrypted journal back into a plain one that anyone with the file can read."""
    from ..errors import InputError
    from ..render import print_note
    from ..store.cipher import rewrite

    with open_store() as store:
        path, key = store.path, store.key
    if key is None:
        raise InputError(f"{path}: the journal is not encrypted; there is nothing to decrypt")
    rewrite(path, key, None)
    _forget(path)
    print_note(
        f"Your journal is no longer encrypted ({path}): anyone who can read the file can read it."
    )


def passphrase(remember: bool = REMEMBER) -> None:
    """Change the passphrase of an encrypted journal."""
    from ..encryption.keys import new_key
    from ..encryption.passphrase import new_passphrase
    from ..errors import InputError
    from ..render import print_note
    from ..store.cipher import rewrite

    with open_store() as store:
        path, key = store.path, store.key
    if key is None:
        raise InputError(f"{path}: the journal is not encrypted; journal encrypt sets one")
    chosen = new_passphrase("journal passphrase", replacing=True)
    rewrite(path, key, new_key(chosen))
    if remember:
        _remember(path, chosen)
    else:
        _forget(path)
    print_note(
        "The passphrase is changed. Backups made before keep the old one: they open only "
        "with the passphrase they were made with."
    )


def _remember(path: Path, passphrase: str) -> None:
    from ..encryption.passphrase import KEYRING_SETTING, remember
    from ..settings.values import set_value

    remember(path, passphrase)
    set_value(KEYRING_SETTING, "yes")


def _forget(path: Path) -> None:
    """Take a passphrase that no longer fits out of the keyring (when one was kept there)."""
    from ..encryption.passphrase import forget, keyring_chosen

    if keyring_chosen():
        forget(path)


def _warn_plain_copies(copies: list[Path]) -> None:
    from ..render import print_note

    if not copies:
        return
    count = len(copies)
    noun = "copy" if count == 1 else "copies"
    print_note(
        f"journal: note: {count} earlier {noun} next to the journal "
        f"{'is' if count == 1 else 'are'} not encrypted (newest: {copies[0]}); "
        "journal backup makes an encrypted one, and the plain ones can go when you no "
        "longer need them",
        stderr=True,
    )


def register(app: typer.Typer) -> None:
    app.command()(encrypt)
    app.command()(decrypt)
    app.command()(passphrase)
