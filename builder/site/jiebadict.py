"""jieba's dictionary looked up word by word, instead of loaded whole by every shard worker.

Material's search cuts Chinese text with jieba, whose prefix dictionary (about 580,000
entries) takes about half a second to load: most of a worker that renders one edited page.
The dictionary jieba would build from its own word list (`Tokenizer.gen_pfdict` on the
package's `dict.txt`) is kept as a SQLite database in a signed blob
(`.zhibiao/cache/jieba/`), made once per jieba version and word list. A worker opens it in
memory (verified, then `deserialize`d: tens of milliseconds) and gives the tokenizer a
mapping that asks the database for each word it looks up (`LookupFreq`), remembering the
answers; words added by the site's user dictionary live in the mapping itself. jieba only
ever asks whether a word is known and its frequency (`get_DAG`, `calc`, `suggest_freq`,
`add_word`), so the cuts are those of the loaded dictionary
(`tests/test_site_jiebadict.py` compares them). The worker does not read or write jieba's
own cache in the system's temporary folder either.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator, MutableMapping
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from builder.project import UsageError
from builder.project.blobs import BlobCache

FORMAT = 1


class JiebaCache(BlobCache):
    """jieba's prefix dictionary as a SQLite database, per jieba version and word list."""

    SUBDIR = "jieba"
    SUFFIX = ".sqlite"
    MAX_ENTRY = 128 * 1024 * 1024


def _word_list() -> bytes:
    return resources.files("jieba").joinpath("dict.txt").read_bytes()


def dictionary_key(words: bytes) -> str:
    """The cache key of jieba's default dictionary made from the word list `words`."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{FORMAT};{metadata.version('jieba')};".encode())
    digest.update(words)
    return digest.hexdigest()


def make_database(freq: dict[str, int], total: int) -> bytes:
    """The SQLite image of a prefix dictionary and its total."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute(
            "CREATE TABLE freq (w TEXT PRIMARY KEY, f INTEGER NOT NULL) WITHOUT ROWID"
        )
        connection.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v INTEGER NOT NULL)")
        connection.executemany("INSERT INTO freq VALUES (?, ?)", freq.items())
        connection.execute("INSERT INTO meta VALUES ('total', ?)", (total,))
        connection.commit()
        return connection.serialize()
    finally:
        connection.close()


class LookupFreq(MutableMapping[str, int]):
    """A prefix dictionary read from the database on demand; words set here (a site's user
    words) shadow it. Not iterable: jieba never walks its dictionary."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection
        self._known: dict[str, int | None] = {}

    def _find(self, word: str) -> int | None:
        try:
            return self._known[word]
        except KeyError:
            pass
        row = self._connection.execute("SELECT f FROM freq WHERE w = ?", (word,)).fetchone()
        found = None if row is None else int(row[0])
        self._known[word] = found
        return found

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._find(word) is not None

    def __getitem__(self, word: str) -> int:
        found = self._find(word)
        if found is None:
            raise KeyError(word)
        return found

    def get(self, word: str, default: Any = None) -> Any:
        found = self._find(word) if isinstance(word, str) else None
        return default if found is None else found

    def __setitem__(self, word: str, freq: int) -> None:
        self._known[word] = freq

    def __delitem__(self, word: str) -> None:
        self._known[word] = None

    def __iter__(self) -> Iterator[str]:
        raise TypeError("jieba's dictionary is looked up, not listed")

    def __len__(self) -> int:
        raise TypeError("jieba's dictionary is looked up, not listed")


class Dictionary:
    """The database behind `LookupFreq`, opened once per worker."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        row = connection.execute("SELECT v FROM meta WHERE k = 'total'").fetchone()
        self.total = int(row[0])

    def freq(self) -> LookupFreq:
        """A fresh mapping: the default dictionary without any user words."""
        return LookupFreq(self.connection)


def open_dictionary(project: Path | None) -> Dictionary | None:
    """jieba's default dictionary from `project`'s cache, made and kept there first if it
    is missing; None when the cache cannot be used (then jieba loads its dictionary as
    usual)."""
    if project is None:
        return None
    try:  # the main process refuses a linked store before starting any worker
        cache = JiebaCache.open(project, scope="site")
    except UsageError:
        return None
    if not cache.enabled:
        return None
    words = _word_list()
    key = dictionary_key(words)
    image = cache.load(key)
    if image is None:
        import jieba

        freq, total = jieba.Tokenizer.gen_pfdict(_Lines(words))
        image = make_database(freq, total)
        cache.store(key, image)
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        connection.deserialize(image)
        return Dictionary(connection)
    except sqlite3.Error:
        connection.close()
        return None


class _Lines:
    """The word list as the binary file `gen_pfdict` reads (lines, then `close`)."""

    def __init__(self, data: bytes) -> None:
        self.name = "dict.txt"
        self._lines = data.splitlines(keepends=True)

    def __iter__(self) -> Iterator[bytes]:
        return iter(self._lines)

    def close(self) -> None:
        self._lines = []
