"""Write the mutated check cases under tests/cases/ from the clean base project.

Every case is the clean project `tests/cases/clean-minimal/` (hand-written, checked clean)
with a few edits: a typo, a wrong number, a broken encoding. The edits and the expected
diagnostics are listed in `tests/cases_*.py`, one `Case` each; the generated folders are
committed so a reviewer can read every case as a plain project. Run

    python3 -m tests.casegen          # rewrite the generated cases
    python3 -m tests.casegen --check  # exit 1 when a committed case differs from this file

`tests/test_cases.py` runs the check mode too, so the folders cannot drift from this file.

Expected lines (see tests/test_cases.py): `CODE path:line:col [severity] [| text]`, where
`text` must occur in the message or the hint. `usage-error file:line:col [| text]` expects
exit 2 with `file:line:col: error: …` on stderr. Expected lines were written by hand after
reading each diagnostic against the source line it points at.
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

CASES = Path(__file__).resolve().parent / "cases"
BASE = CASES / "clean-minimal"
GENERATED_MARK = ".generated"
"""Marker file in every generated case folder (so stale generated folders can be removed)."""

SP = "standards/510209-人工智能技术应用"
SPEC = f"{SP}/specialty.yaml"
COMP = f"{SP}/competencies.yaml"
ZH01 = f"{SP}/courses/ZH01.yaml"
ZH03 = f"{SP}/courses/ZH03.yaml"
INTERN = f"{SP}/internship.yaml"
BASEF = f"{SP}/training-base.yaml"


@dataclass(frozen=True)
class Sub:
    """Replace `old` by `new` in `file`; `old` must occur exactly `count` times (0: at least once, all replaced)."""

    file: str
    old: str
    new: str
    count: int = 1


@dataclass(frozen=True)
class SubAll:
    """Replace `old` by `new` in every text file (at least one occurrence overall)."""

    old: str
    new: str


@dataclass(frozen=True)
class Write:
    """Create or overwrite a text file."""

    file: str
    text: str


@dataclass(frozen=True)
class WriteBytes:
    """Create or overwrite a file with raw bytes."""

    file: str
    data: bytes


@dataclass(frozen=True)
class Copy:
    """Copy a text file, then apply `subs` (old, new) pairs to the copy, each exactly once."""

    src: str
    dst: str
    subs: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Rename:
    """Rename a file or every file under a folder prefix."""

    old: str
    new: str


@dataclass(frozen=True)
class Delete:
    """Remove a file."""

    file: str


@dataclass(frozen=True)
class Encode:
    """Write a text file in another encoding (and/or with CRLF line ends, or a BOM)."""

    file: str
    encoding: str = "utf-8"
    bom: bool = False
    crlf: bool = False


Edit = Sub | SubAll | Write | WriteBytes | Copy | Rename | Delete | Encode


@dataclass(frozen=True)
class Case:
    """One generated case: what it shows, how it differs from the base, what `check` must say."""

    name: str
    about: str
    edits: tuple[Edit, ...]
    expected: tuple[str, ...] = ()
    args: str = ""
    config: str | None = None
    base: Path = BASE
    """Project whose `standards/` the edits start from (the clean base, or the repository's examples)."""


@dataclass
class Tree:
    """Files of a case in memory: path → text (str) or final bytes."""

    files: dict[str, str | bytes] = field(default_factory=dict)

    def text(self, name: str) -> str:
        value = self.files.get(name)
        if not isinstance(value, str):
            raise ValueError(f"{name}: not a text file of the case")
        return value


def _read_base(base: Path = BASE) -> Tree:
    tree = Tree()
    for path in sorted((base / "standards").rglob("*")):
        rel = path.relative_to(base).as_posix()
        if path.is_file():
            tree.files[rel] = path.read_text("utf-8")
    return tree


def _apply(tree: Tree, edit: Edit, case: str) -> None:
    where = f"case {case}: {edit!r:.120}"
    if isinstance(edit, Sub):
        text = tree.text(edit.file)
        found = text.count(edit.old)
        if (edit.count and found != edit.count) or found == 0:
            raise ValueError(f"{where}: found {found} time(s)")
        tree.files[edit.file] = text.replace(edit.old, edit.new)
    elif isinstance(edit, SubAll):
        total = 0
        for name, value in tree.files.items():
            if isinstance(value, str) and edit.old in value:
                total += value.count(edit.old)
                tree.files[name] = value.replace(edit.old, edit.new)
        if not total:
            raise ValueError(f"{where}: not found")
    elif isinstance(edit, Write):
        tree.files[edit.file] = edit.text
    elif isinstance(edit, WriteBytes):
        tree.files[edit.file] = edit.data
    elif isinstance(edit, Copy):
        text = tree.text(edit.src)
        for old, new in edit.subs:
            if text.count(old) != 1:
                raise ValueError(f"{where}: {old!r} found {text.count(old)} time(s)")
            text = text.replace(old, new)
        tree.files[edit.dst] = text
    elif isinstance(edit, Rename):
        moved = {n: n for n in tree.files if n == edit.old or n.startswith(edit.old + "/")}
        if not moved:
            raise ValueError(f"{where}: nothing to rename")
        for name in moved:
            tree.files[edit.new + name[len(edit.old) :]] = tree.files.pop(name)
    elif isinstance(edit, Delete):
        if edit.file not in tree.files:
            raise ValueError(f"{where}: no such file")
        del tree.files[edit.file]
    else:
        text = tree.text(edit.file)
        if edit.crlf:
            text = text.replace("\n", "\r\n")
        data = text.encode(edit.encoding)
        if edit.bom:
            data = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe"}[edit.encoding] + data
        tree.files[edit.file] = data


def render(case: Case) -> dict[str, bytes]:
    """All files of a generated case folder, by relative path."""
    tree = _read_base(case.base)
    for edit in case.edits:
        _apply(tree, edit, case.name)
    out = {
        name: value.encode("utf-8") if isinstance(value, str) else value
        for name, value in tree.files.items()
    }
    if case.config is not None:
        out["zhibiao.yaml"] = case.config.encode("utf-8")
    expected = [f"# {case.about}", *case.expected]
    out["expected.txt"] = ("\n".join(expected) + "\n").encode("utf-8")
    if case.args:
        out["args.txt"] = (case.args + "\n").encode("utf-8")
    out[GENERATED_MARK] = "由 tests/casegen.py 生成，请修改该文件后重新生成。\n".encode()
    return out


def _on_disk(folder: Path) -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def stale() -> list[str]:
    """Names of generated cases that differ from this file (or should not exist)."""
    from tests.cases_list import CASE_LIST

    names = {case.name for case in CASE_LIST}
    problems = [case.name for case in CASE_LIST if _on_disk(CASES / case.name) != render(case)]
    problems += [
        p.parent.name
        for p in sorted(CASES.glob(f"*/{GENERATED_MARK}"))
        if p.parent.name not in names
    ]
    return problems


def write_all() -> list[str]:
    """(Re)write every generated case; remove generated folders no longer listed."""
    from tests.cases_list import CASE_LIST

    names = {case.name for case in CASE_LIST}
    if len(names) != len(CASE_LIST):
        raise ValueError("duplicate case names")
    for marker in sorted(CASES.glob(f"*/{GENERATED_MARK}")):
        if marker.parent.name not in names:
            shutil.rmtree(marker.parent)
    changed = []
    for case in CASE_LIST:
        folder = CASES / case.name
        files = render(case)
        if _on_disk(folder) == files:
            continue
        if folder.exists() and not (folder / GENERATED_MARK).exists():
            raise ValueError(f"{folder} exists and was not generated; not overwriting")
        shutil.rmtree(folder, ignore_errors=True)
        for name, data in files.items():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        changed.append(case.name)
    return changed


def main(argv: list[str]) -> int:
    """Command line: write the cases, or `--check` that they are current."""
    if "--check" in argv:
        problems = stale()
        for name in problems:
            sys.stdout.write(f"tests/cases/{name}: 已过期，请运行 python3 -m tests.casegen\n")
        return 1 if problems else 0
    for name in write_all():
        sys.stdout.write(f"wrote tests/cases/{name}\n")
    return 0


if __name__ == "__main__":
    # Run the imported module, not this `__main__` copy: the case list imports `tests.casegen`.
    from tests import casegen

    sys.exit(casegen.main(sys.argv[1:]))
