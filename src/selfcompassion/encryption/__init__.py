"""Encryption at rest: the passphrase, the key made from it, and nothing else.

``passphrase`` finds the passphrase (a command, the environment, the system keyring when
asked for, or a question at the terminal); ``keys`` turns it into the raw key SQLCipher
uses, once per command. Opening and rewriting the encrypted file is the store's job
(``store.driver`` and ``store.cipher``).
"""
