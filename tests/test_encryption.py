"""An encrypted journal: nothing readable on disk, every command works with the passphrase
from the environment, a wrong passphrase changes nothing, and decrypting gives every entry
back.

The journals here are real SQLCipher files in a temp dir, written and read through the
command line (``run_cli`` runs the same ``main()`` as the installed script).
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cli_run import CliResult, run_cli
from conftest import write_json
from reframe_support import REFRAME_ANSWERS
from selfcompassion.store import JournalStore

PASSPHRASE = "a long walk by the sea"
#: A word that appears in nothing but the entries, so finding it on disk means a leak.
SECRET = "Marmalade-Quokka"


def journal_run(journal: Path, *args: str, stdin: str = "") -> CliResult:
    return run_cli("--db", str(journal), *args, stdin=stdin)


def write_entries(journal: Path, tmp_path: Path, count: int = 3) -> None:
    for number in range(count):
        answers = write_json(
            tmp_path / "answers.json",
            {"mood": 3, "present": f"{SECRET} number {number} #calm", "intention": "rest"},
        )
        result = journal_run(journal, "today", "--answers", str(answers))
        assert result.code == 0, result.err


@pytest.fixture
def with_passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SELFCOMPASSION_PASSPHRASE", PASSPHRASE)


@pytest.fixture
def encrypted(tmp_path: Path, with_passphrase: None) -> Path:
    """A journal with three entries, encrypted with PASSPHRASE."""
    journal = tmp_path / "journal" / "journal.db"
    write_entries(journal, tmp_path)
    result = journal_run(journal, "encrypt")
    assert result.code == 0, result.err
    assert "encrypted" in result.out
    return journal


def file_state(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def assert_unreadable(data: bytes) -> None:
    assert b"SQLite format 3" not in data
    assert SECRET.encode() not in data
    assert SECRET.encode("utf-16-le") not in data


def exported(journal: Path) -> list[dict[str, object]]:
    result = journal_run(journal, "export", "--format", "json")
    assert result.code == 0, result.err
    return json.loads(result.out)["entries"]


# -- on disk -------------------------------------------------------------------------------


def test_the_file_its_log_and_its_backup_hold_no_header_and_no_words(
    encrypted: Path, tmp_path: Path
) -> None:
    assert_unreadable(encrypted.read_bytes())
    with JournalStore.open(encrypted) as store:
        assert store.key is not None
        write_entries(encrypted, tmp_path, count=1)  # another process-level write, log kept open
        wal = encrypted.with_name(encrypted.name + "-wal")
        assert wal.stat().st_size > 0
        assert_unreadable(wal.read_bytes())
    backup = tmp_path / "backup.db"
    result = journal_run(encrypted, "backup", str(backup))
    assert result.code == 0, result.err
    assert "4 entries" in result.out
    assert_unreadable(backup.read_bytes())
    # The copy opens with the same passphrase, and only with it.
    with JournalStore.inspect(backup) as copy:
        assert copy.count_entries() == 4


def test_plain_sqlite_cannot_read_an_encrypted_journal(encrypted: Path) -> None:
    conn = sqlite3.connect(encrypted)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="not a database"):
            conn.execute("SELECT * FROM sqlite_master").fetchall()
    finally:
        conn.close()


# -- every command ---------------------------------------------------------------------------


def test_every_command_works_with_the_passphrase_from_the_environment(
    encrypted: Path, tmp_path: Path
) -> None:
    run = lambda *args, stdin="": journal_run(encrypted, *args, stdin=stdin)  # noqa: E731
    reframe = run("reframe", "--answers", str(write_json(tmp_path / "r.json", REFRAME_ANSWERS)))
    assert reframe.code == 0, reframe.err
    checkin = run("checkin", "--answers", "-", stdin="{}")
    assert checkin.code == 0, checkin.err
    listed = run("list")
    assert listed.code == 0 and listed.out.count("\n") >= 5, listed.err
    found = run("search", SECRET)
    assert found.code == 0 and SECRET in found.out, found.err
    first_id = exported(encrypted)[0]["id"]
    assert isinstance(first_id, str)
    shown = run("show", first_id[:8])
    assert shown.code == 0 and first_id[:8] in shown.out, shown.err
    assert run("edit", first_id[:8], "--tag", "kept").code == 0
    assert run("delete", first_id[:8], "--yes").code == 0
    assert run("report", "--format", "json").code == 0
    assert run("commitments").code == 0
    export_file = tmp_path / "out.json"
    assert run("export", "--output", str(export_file)).code == 0
    other = tmp_path / "other" / "journal.db"
    imported = journal_run(other, "import", str(export_file))
    assert imported.code == 0 and "added" in imported.out, imported.err
    assert run("import", str(export_file)).code == 0
    doctor = run("doctor", "--format", "json")
    assert doctor.code == 0, doctor.out
    assert json.loads(doctor.out)["encrypted"] is True
    assert_unreadable(encrypted.read_bytes())


def test_doctor_says_whether_the_journal_is_encrypted(encrypted: Path, tmp_path: Path) -> None:
    shown = journal_run(encrypted, "doctor")
    assert "encrypted" in shown.out.lower()
    plain = tmp_path / "plain" / "journal.db"
    write_entries(plain, tmp_path, count=1)
    facts = json.loads(journal_run(plain, "doctor", "--format", "json").out)
    assert facts["encrypted"] is False


def test_writing_plain_text_out_of_an_encrypted_journal_warns_once(
    encrypted: Path, tmp_path: Path
) -> None:
    export = journal_run(
        encrypted, "export", "--format", "markdown", "--output", str(tmp_path / "a.md")
    )
    assert export.code == 0
    assert export.err.count("plain text") == 1
    notes = journal_run(encrypted, "export", "--daily-notes", str(tmp_path / "notes"))
    assert notes.code == 0 and notes.err.count("plain text") == 1
    report = journal_run(encrypted, "report", "--with-text", "--format", "markdown")
    assert report.code == 0 and report.err.count("plain text") == 1
    figures_only = journal_run(encrypted, "report", "--format", "json")
    assert "plain text" not in figures_only.err
    listed = journal_run(encrypted, "list")
    assert "plain text" not in listed.err


# -- the passphrase ----------------------------------------------------------------------------


def test_a_wrong_passphrase_says_one_line_and_changes_nothing(
    encrypted: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    before = file_state(encrypted)
    monkeypatch.setenv("SELFCOMPASSION_PASSPHRASE", "not the passphrase")
    answers = write_json(tmp_path / "a.json", {"intention": "rest"})
    for args in (("list",), ("today", "--answers", str(answers)), ("decrypt",), ("backup",)):
        result = journal_run(encrypted, *args)
        assert result.code == 1, args
        assert len(result.err_lines) == 1, result.err
        assert "the passphrase does not open this journal" in result.err
        assert "ERROR" not in result.err and "hmac" not in result.err
    assert file_state(encrypted) == before
    assert not list(encrypted.parent.glob("journal-backup-*"))


def test_the_same_from_a_real_process_has_no_sqlcipher_lines_on_stderr(encrypted: Path) -> None:
    env = {**os.environ, "SELFCOMPASSION_PASSPHRASE": "wrong"}
    done = subprocess.run(
        [sys.executable, "-m", "selfcompassion", "--db", str(encrypted), "list"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0, done.stderr
    assert "the passphrase does not open this journal" in done.stderr


def test_no_passphrase_and_no_terminal_says_how_to_give_it(
    encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SELFCOMPASSION_PASSPHRASE")
    result = journal_run(encrypted, "list")
    assert result.code == 2
    assert len(result.err_lines) == 1
    assert "SELFCOMPASSION_PASSPHRASE" in result.err and "encrypted" in result.err


def test_a_passphrase_command_is_used_first(
    encrypted: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SELFCOMPASSION_PASSPHRASE", "wrong, and never read")
    monkeypatch.setenv("SELFCOMPASSION_PASSPHRASE_COMMAND", f"printf '%s\\n' '{PASSPHRASE}'")
    assert journal_run(encrypted, "list").code == 0
    monkeypatch.setenv("SELFCOMPASSION_PASSPHRASE_COMMAND", "exit 3")
    failed = journal_run(encrypted, "list")
    assert failed.code == 1 and "exit code 3" in failed.err
    assert len(failed.err_lines) == 1


def test_a_passphrase_that_is_not_utf8_is_one_line_from_a_real_process(encrypted: Path) -> None:
    """Bytes of another encoding in the variable are refused in one line, and the key
    worked out early on a second thread does not print a traceback of its own."""
    env = {**os.environb, b"SELFCOMPASSION_PASSPHRASE": b"caf\xe9"}
    done = subprocess.run(
        [sys.executable, "-m", "selfcompassion", "--db", str(encrypted), "list"],
        capture_output=True,
        text=True,
        env=env,  # type: ignore[arg-type]
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip() == (
        "journal: SELFCOMPASSION_PASSPHRASE is not UTF-8 text; give the passphrase in UTF-8"
    )


def test_a_passphrase_command_or_new_passphrase_that_is_not_utf8_is_one_line(
    encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SELFCOMPASSION_NEW_PASSPHRASE", "caf\udce9")
    changed = journal_run(encrypted, "passphrase")
    assert changed.code == 2 and len(changed.err_lines) == 1, changed.err
    assert "SELFCOMPASSION_NEW_PASSPHRASE is not UTF-8 text" in changed.err
    monkeypatch.setenv("SELFCOMPASSION_PASSPHRASE_COMMAND", "printf 'caf\\351'")
    opened = journal_run(encrypted, "list")
    assert opened.code == 2 and len(opened.err_lines) == 1, opened.err
    assert "the command's output is not UTF-8 text" in opened.err
    monkeypatch.delenv("SELFCOMPASSION_PASSPHRASE_COMMAND")
    assert journal_run(encrypted, "list").code == 0  # the passphrase was not changed


def test_changing_the_passphrase(encrypted: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    entries = exported(encrypted)
    assert journal_run(encrypted, "backup").code == 0
    monkeypatch.setenv("SELFCOMPASSION_NEW_PASSPHRASE", "a new and longer passphrase")
    changed = journal_run(encrypted, "passphrase")
    assert changed.code == 0, changed.err
    assert journal_run(encrypted, "list").code == 1  # the old one no longer opens it
    monkeypatch.setenv("SELFCOMPASSION_PASSPHRASE", "a new and longer passphrase")
    assert exported(encrypted) == entries
    assert_unreadable(encrypted.read_bytes())
    # A backup made before keeps the passphrase it was made with.
    (backup,) = encrypted.parent.glob("journal-backup-*.db")
    monkeypatch.setenv("SELFCOMPASSION_PASSPHRASE", PASSPHRASE)
    assert journal_run(backup, "list").code == 0


# -- encrypt and decrypt -------------------------------------------------------------------------


def test_decrypt_gives_every_entry_back_as_a_plain_journal(
    tmp_path: Path, with_passphrase: None
) -> None:
    journal = tmp_path / "journal" / "journal.db"
    write_entries(journal, tmp_path, count=4)
    assert (
        journal_run(
            journal, "reframe", "--answers", str(write_json(tmp_path / "r.json", REFRAME_ANSWERS))
        ).code
        == 0
    )
    before = exported(journal)
    assert journal_run(journal, "encrypt").code == 0
    assert exported(journal) == before
    result = journal_run(journal, "decrypt")
    assert result.code == 0, result.err
    assert journal.read_bytes().startswith(b"SQLite format 3\x00")
    conn = sqlite3.connect(journal)
    assert conn.execute("SELECT count(*) FROM entries").fetchone() == (5,)
    conn.close()
    assert exported(journal) == before
    assert journal_run(journal, "search", SECRET).code == 0
    assert not [p for p in journal.parent.iterdir() if p.name.startswith(".journal.db")]


def test_encrypting_twice_or_decrypting_a_plain_journal_is_refused_kindly(
    encrypted: Path, tmp_path: Path
) -> None:
    again = journal_run(encrypted, "encrypt")
    assert again.code == 2 and "already encrypted" in again.err
    plain = tmp_path / "plain" / "journal.db"
    write_entries(plain, tmp_path, count=1)
    assert "not encrypted" in journal_run(plain, "decrypt").err
    assert "not encrypted" in journal_run(plain, "passphrase").err


HOLD_OPEN = """
import sys
from selfcompassion.store import JournalStore
with JournalStore.open(sys.argv[1]) as store:
    store.count_entries()
    print("ready", flush=True)
    sys.stdin.readline()
"""


def test_encrypt_while_the_journal_is_open_elsewhere_changes_nothing(
    tmp_path: Path, with_passphrase: None
) -> None:
    journal = tmp_path / "journal" / "journal.db"
    write_entries(journal, tmp_path, count=2)
    other = subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(journal)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "ready"
        before = file_state(journal)
        result = journal_run(journal, "encrypt")
        assert result.code == 1
        assert "open in another window" in result.err
        assert file_state(journal) == before
    finally:
        other.communicate("\n", timeout=30)
    assert other.returncode == 0
    assert len(exported(journal)) == 2


def test_encrypt_names_the_plain_copies_left_beside_the_journal(
    tmp_path: Path, with_passphrase: None
) -> None:
    journal = tmp_path / "journal" / "journal.db"
    write_entries(journal, tmp_path, count=1)
    assert journal_run(journal, "backup").code == 0
    result = journal_run(journal, "encrypt")
    assert result.code == 0
    assert "1 earlier copy" in result.err and "not encrypted" in result.err


def test_without_sqlcipher_encrypt_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "sqlcipher3", None)  # as if the extra were not installed
    journal = tmp_path / "journal" / "journal.db"
    write_entries(journal, tmp_path, count=1)
    result = journal_run(journal, "encrypt")
    assert result.code == 1
    assert result.err_lines == [
        "journal: encryption needs SQLCipher, which is not installed: "
        "pip install 'selfcompassion[encrypt]'"
    ]


def test_an_encrypted_journal_without_sqlcipher_installed_is_one_line(
    encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "sqlcipher3", None)  # as if the extra were not installed
    result = journal_run(encrypted, "list")
    assert result.code == 1
    assert result.err_lines == [
        "journal: encryption needs SQLCipher, which is not installed: "
        "pip install 'selfcompassion[encrypt]'"
    ]


KILL_ENCRYPT = """
import sys
from selfcompassion.cli import main
sys.argv = ["journal", "--db", sys.argv[1], "encrypt"]
main()
"""


def test_an_encrypt_killed_at_any_moment_leaves_a_journal_that_opens_whole(
    tmp_path: Path, with_passphrase: None
) -> None:
    journal = tmp_path / "journal" / "journal.db"
    write_entries(journal, tmp_path, count=3)
    expected = exported(journal)
    script = tmp_path / "encrypt.py"
    script.write_text(KILL_ENCRYPT)
    for delay in (0.05, 0.15, 0.3, 0.6):
        worker = subprocess.Popen([sys.executable, str(script), str(journal)])
        try:
            worker.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            os.kill(worker.pid, signal.SIGKILL)
            worker.wait()
        assert exported(journal) == expected  # plain or encrypted, every entry is there
        if worker.returncode == 0:
            assert journal_run(journal, "decrypt").code == 0
    assert journal_run(journal, "encrypt").code in (0, 2)
    assert not [p for p in journal.parent.iterdir() if ".rewrite-" in p.name]
    assert exported(journal) == expected


# -- upgrades -------------------------------------------------------------------------------------


def test_an_encrypted_old_journal_is_upgraded_and_its_copy_is_encrypted_too(
    tmp_path: Path, with_passphrase: None
) -> None:
    from fixtures.make_fixtures import private_copy
    from selfcompassion.encryption.keys import new_key
    from selfcompassion.store.cipher import rewrite

    journal = private_copy(1, tmp_path / "journal" / "journal.db")
    rewrite(journal, None, new_key(PASSPHRASE))
    result = journal_run(journal, "list")
    assert result.code == 0, result.err
    assert "upgraded your journal" in result.err
    (copy,) = journal.parent.glob("journal.db.before-upgrade-*")
    assert not copy.read_bytes().startswith(b"SQLite format 3")
    with JournalStore.inspect(copy) as old:
        assert old.schema_version() == 1


# -- the keyring ----------------------------------------------------------------------------------


class MemoryKeyring:
    """A keyring backend that keeps passwords in a dict, for a machine without a keyring."""

    def __init__(self) -> None:
        from keyring.backend import KeyringBackend

        class Backend(KeyringBackend):
            priority = 1  # type: ignore[assignment]
            items: dict[tuple[str, str], str] = {}

            def get_password(self, service: str, username: str) -> str | None:
                return self.items.get((service, username))

            def set_password(self, service: str, username: str, password: str) -> None:
                self.items[(service, username)] = password

            def delete_password(self, service: str, username: str) -> None:
                from keyring.errors import PasswordDeleteError

                if self.items.pop((service, username), None) is None:
                    raise PasswordDeleteError(username)

        self.backend = Backend()


def test_the_passphrase_kept_in_the_keyring_when_asked_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring = pytest.importorskip("keyring")
    memory = MemoryKeyring().backend
    previous = keyring.get_keyring()
    keyring.set_keyring(memory)
    try:
        journal = tmp_path / "journal" / "journal.db"
        write_entries(journal, tmp_path, count=2)
        monkeypatch.setenv("SELFCOMPASSION_PASSPHRASE", PASSPHRASE)
        assert journal_run(journal, "encrypt", "--remember").code == 0
        assert list(memory.items.values()) == [PASSPHRASE]
        monkeypatch.delenv("SELFCOMPASSION_PASSPHRASE")
        listed = journal_run(journal, "list")
        assert listed.code == 0 and listed.out.count(SECRET) == 2, listed.err
        assert journal_run(journal, "decrypt").code == 0
        assert memory.items == {}  # a passphrase that opens nothing is not kept
    finally:
        keyring.set_keyring(previous)


def test_a_chosen_keyring_that_is_not_installed_is_one_line(
    encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run_cli("config", "set", "passphrase-keyring", "yes").code == 0
    monkeypatch.delenv("SELFCOMPASSION_PASSPHRASE")
    monkeypatch.setitem(sys.modules, "keyring", None)
    result = journal_run(encrypted, "list")
    assert result.code == 1
    assert result.err_lines == [
        "journal: the keyring is chosen for the passphrase but not installed: "
        "pip install 'selfcompassion[keyring]'"
    ]


def test_only_the_driver_seam_imports_a_sqlite_driver() -> None:
    import ast

    package = Path(__file__).resolve().parents[1] / "src" / "selfcompassion"
    importers = set()
    for module in package.rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            if any(name.split(".")[0] in ("sqlite3", "sqlcipher3") for name in names):
                importers.add(module.relative_to(package).as_posix())
    assert importers == {"store/driver.py"}


@pytest.mark.parametrize("steps", [["encrypt"], ["encrypt", "decrypt"], ["encrypt", "passphrase"]])
def test_a_journal_reached_through_a_link_is_rewritten_where_it_lies(
    tmp_path: Path, with_passphrase: None, monkeypatch: pytest.MonkeyPatch, steps: list[str]
) -> None:
    """The link stays a link, and the journal it points at is the one rewritten: it is
    not left behind as a file of zeros while a new journal takes the link's place."""
    real = tmp_path / "elsewhere" / "journal.db"
    write_entries(real, tmp_path, count=2)
    link = tmp_path / "journal" / "journal.db"
    link.parent.mkdir()
    link.symlink_to(real)
    monkeypatch.setenv("SELFCOMPASSION_NEW_PASSPHRASE", "another long walk")
    for step in steps:
        result = journal_run(link, step)
        assert result.code == 0, result.err
        if step == "passphrase":
            monkeypatch.setenv("SELFCOMPASSION_PASSPHRASE", "another long walk")
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert real.read_bytes().startswith(b"SQLite format 3\x00") == (steps[-1] == "decrypt")
    assert len(exported(real)) == 2
    assert not [p for p in real.parent.iterdir() if p.name.startswith(".journal.db")]


@pytest.mark.parametrize("step", ["encrypt", "decrypt", "passphrase"])
def test_a_journal_with_a_second_name_is_left_as_it_is(
    tmp_path: Path, with_passphrase: None, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    """A hard link's bytes are the journal's: overwriting the old file would zero the file
    under the other name, so the rewrite is refused before anything changes."""
    journal = tmp_path / "journal.db"
    write_entries(journal, tmp_path, count=2)
    if step != "encrypt":
        assert journal_run(journal, "encrypt").code == 0
    monkeypatch.setenv("SELFCOMPASSION_NEW_PASSPHRASE", "another long walk")
    other = tmp_path / "kept" / "journal-link.db"
    other.parent.mkdir(mode=0o700)
    os.link(journal, other)
    plain_before = journal.read_bytes().startswith(b"SQLite format 3\x00")
    result = journal_run(journal, step)
    assert result.code != 0
    assert len(result.err_lines) == 1 and "hard link" in result.err_lines[0], result.err
    assert os.stat(journal).st_ino == os.stat(other).st_ino
    assert journal.read_bytes().startswith(b"SQLite format 3\x00") == plain_before
    assert len(exported(other)) == 2
    other.unlink()
    assert journal_run(journal, step).code == 0
    if step == "passphrase":
        monkeypatch.setenv("SELFCOMPASSION_PASSPHRASE", "another long walk")
    assert len(exported(journal)) == 2
