"""Deterministic hostile inputs for `test_hostile.py`: mutations of one valid specialty set.

Every case names a file of the set (relative to the set folder) and what to put there:
new bytes, nothing (delete), or a symbolic link. `expect` lists codes that must appear.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from benchmarks.generate import build_set, identities

SEED = 20251129
IDENT = identities(1, 2025)[0]
BASE: dict[str, str] = build_set(IDENT, 2025, course_standards=2)
COURSES = sorted(name for name in BASE if name.startswith("courses/"))
COURSE = COURSES[0]


@dataclass(frozen=True)
class Case:
    """One hostile input."""

    name: str
    target: str
    data: bytes | None = None
    link: str | None = None
    fifo: bool = False
    expect: frozenset[str] = field(default_factory=frozenset)
    expect_text: str = ""
    clean: bool = False
    """The input is valid: check must report nothing at all."""
    no_cascade: bool = False
    """The file cannot be read: its own error only, no coverage errors (ZB3xx) it would cause."""
    only_line: int = 0
    """Every schema or reading error (ZB0xx, ZB1xx) must be on this line, and there is one."""


def _encoded(text: str) -> bytes:
    return text.encode("utf-8")


def byte_flips(rng: random.Random) -> Iterator[Case]:
    """Single bytes XOR-ed at random places of random files (120)."""
    names = sorted(BASE)
    for i in range(120):
        name = names[i % len(names)]
        raw = bytearray(_encoded(BASE[name]))
        at = rng.randrange(len(raw))
        raw[at] ^= rng.randrange(1, 256)
        yield Case(f"flip-{i}-{name}@{at}", name, bytes(raw))


def truncations(rng: random.Random) -> Iterator[Case]:
    """Files cut at random bytes, often inside a UTF-8 sequence (60)."""
    names = sorted(BASE)
    for i in range(60):
        name = names[i % len(names)]
        raw = _encoded(BASE[name])
        at = rng.randrange(len(raw))
        yield Case(f"truncate-{i}-{name}@{at}", name, raw[:at])


_SNIPPETS = (
    "\t", ": ", ":", "'", '"', "- ", "{", "}", "[", "]", "#", "&a ", "*a ", "!x ",
    "%", "@", "`", "|", ">", "? ", ",", "\\", "---\n", "...\n", "  ", "\n", "\r", "\r\n",
)  # fmt: skip


def structural_edits(rng: random.Random) -> Iterator[Case]:
    """Indentation, tabs, colons, quotes and indicators put where they do not belong (120)."""
    names = sorted(BASE)
    for i in range(120):
        name = names[i % len(names)]
        lines = BASE[name].split("\n")
        row = rng.randrange(len(lines))
        action = i % 6
        line = lines[row]
        if action == 0:
            lines[row] = " " * rng.randint(1, 3) + line
        elif action == 1:
            lines[row] = line.lstrip(" ")
        elif action == 2:
            lines[row] = "\t" + line
        elif action == 3:
            lines.insert(row, line)  # duplicated line: duplicate keys or items
        elif action == 4 and row + 1 < len(lines):
            lines[row], lines[row + 1] = lines[row + 1], line
        else:
            at = rng.randrange(len(line) + 1)
            lines[row] = line[:at] + rng.choice(_SNIPPETS) + line[at:]
        yield Case(f"edit-{i}-{name}:{row + 1}", name, _encoded("\n".join(lines)))


def alias_bombs() -> Iterator[Case]:
    """Billion laughs and relatives: refused at the first alias (8)."""
    laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        prev = chr(ord(level) - 1)
        laughs.append(f"{level}: &{level} [{','.join(['*' + prev] * 9)}]")
    big = "x" * 100_000
    bombs = {
        "billion-laughs": "\n".join(laughs),
        "quadratic": f"s: &s {big}\nl: [{', '.join(['*s'] * 5000)}]",
        "alias-key": "k: &k name\n*k : 1",
        "merge-bomb": "b: &b {x: 1}\nc: {<<: [*b, *b, *b]}",
        "recursive": "a: &a [*a]",
        "deep-alias": "a: &a [" * 50 + "1" + "]" * 50 + "\nb: *a",
        "anchor-in-course": BASE[COURSE].replace("hours: ", "hours: &h ", 1) + "\nx: *h\n",
        "laughs-in-flow": "{" + laughs[0].replace("a: ", "a: ") + "}",
    }
    for name, text in bombs.items():
        expect = frozenset({"ZB003"}) if name not in ("laughs-in-flow",) else frozenset()
        yield Case(f"bomb-{name}", COURSE, _encoded(text), expect=expect)


_TAGS = (
    "!!python/object/apply:os.system ['id']", "!!python/name:os.system", "!!python/object:os.Popen",
    "!custom", "!!binary", "!!set", "!!omap", "!!pairs", "!<tag:yaml.org,2002:python/object:x>",
    "!<!evil>", "!e!x", "!!merge", "!!int", "!!float", "!!bool", "!!null", "!!str", "!!timestamp",
    "!!seq", "!!map",
)  # fmt: skip


def tags(rng: random.Random) -> Iterator[Case]:
    """Tags in front of values and keys; explicit core tags on the wrong values (30)."""
    for i in range(30):
        tag = _TAGS[i % len(_TAGS)]
        lines = BASE[COURSE].split("\n")
        candidates = [
            n for n, line in enumerate(lines) if ": " in line and not line.strip().startswith("-")
        ]
        row = rng.choice(candidates)
        key, _, value = lines[row].partition(": ")
        lines[row] = f"{tag} {key}: {value}" if i % 3 == 0 else f"{key}: {tag} {value}"
        text = "\n".join(lines)
        if tag.startswith("!e!"):
            text = "%TAG !e! tag:evil.example,2025:\n---\n" + text
        yield Case(f"tag-{i}-{tag}", COURSE, _encoded(text))


def deep_nesting() -> Iterator[Case]:
    """Flow, block and compact nesting around the limit and far beyond (12)."""
    for depth in (150, 199, 200, 201, 1000, 10_000, 100_000):
        expect = frozenset({"ZB008"}) if depth > 200 else frozenset()
        yield Case(
            f"deep-flow-{depth}", COURSE, _encoded("x: " + "[" * depth + "]" * depth), expect=expect
        )
    block = "".join(f"{'  ' * i}k{i}:\n" for i in range(260))
    yield Case("deep-block-260", COURSE, _encoded(block), expect=frozenset({"ZB008"}))
    yield Case(
        "deep-compact-300", COURSE, _encoded("- " * 300 + "x\n"), expect=frozenset({"ZB008"})
    )
    yield Case(
        "deep-mapping-1000",
        COURSE,
        _encoded("{a: " * 1000 + "1" + "}" * 1000),
        expect=frozenset({"ZB008"}),
    )
    yield Case("deep-unclosed-50000", COURSE, _encoded("[" * 50_000), expect=frozenset({"ZB008"}))
    yield Case(
        "deep-mixed-5000",
        COURSE,
        _encoded("[{a: " * 2500 + "1" + "}]" * 2500),
        expect=frozenset({"ZB008"}),
    )


def huge() -> Iterator[Case]:
    """Big keys, values, counts and numbers, under and over the 5 MB limit (10)."""
    course = BASE[COURSE]
    yield Case("huge-key", COURSE, _encoded(course + "\n" + "k" * 1_000_000 + ": 1\n"))
    yield Case(
        "huge-text-value",
        COURSE,
        _encoded(course.replace("description: ", "description: " + "长" * 1_500_000 + "\n  ", 1)),
    )
    yield Case(
        "many-keys",
        COURSE,
        _encoded("\n".join(f"k{i}: {i}" for i in range(100_000))),
        expect=frozenset({"ZB010"}),
    )
    yield Case(
        "many-items",
        COURSE,
        _encoded("[" + ", ".join(["1"] * 200_000) + "]"),
        expect=frozenset({"ZB010"}),
    )
    yield Case(
        "long-int",
        COURSE,
        _encoded(course.replace("hours: ", "hours: " + "9" * 10_000 + "\nx: ", 1)),
        expect=frozenset({"ZB001"}),
    )
    yield Case(
        "float-overflow", COURSE, _encoded(course.replace("credits: ", "credits: 1e99999\nx: ", 1))
    )
    yield Case("one-long-line", COURSE, _encoded("x: " + "a" * 4_900_000))
    yield Case(
        "just-over-limit", COURSE, b"x: " + b"a" * (5 * 1024 * 1024), expect=frozenset({"ZB007"})
    )
    yield Case(
        "fifty-megabytes", COURSE, b"# " + b"a" * (50 * 1024 * 1024), expect=frozenset({"ZB007"})
    )
    yield Case("empty", COURSE, b"", expect=frozenset({"ZB006"}))


_CONTROLS = [
    *range(0x09),
    0x0B,
    0x0C,
    *range(0x0E, 0x20),
    0x7F,
    0x85,
    0xFFFE,
    0xFFFF,
    0x2028,
    0x2029,
    0xFEFF,
    0x200B,
    0x202E,
]


def control_characters(rng: random.Random) -> Iterator[Case]:
    """Control and special characters at random places, raw and as YAML escapes (44)."""
    course = BASE[COURSE]
    for i, code in enumerate(_CONTROLS):
        at = rng.randrange(len(course))
        yield Case(
            f"control-raw-U+{code:04X}", COURSE, _encoded(course[:at] + chr(code) + course[at:])
        )
        if i % 3 == 0:
            escaped = course.replace("name: ", f'name: "\\u{code:04x}"\nx: ', 1)
            yield Case(f"control-escaped-U+{code:04X}", COURSE, _encoded(escaped))
    yield Case(
        "escape-sequence-in-value",
        COURSE,
        _encoded(course.replace("code: ", 'code: "\\e[2J\\e[31m"\nx: ', 1)),
    )
    yield Case(
        "lone-surrogate-escape",
        COURSE,
        _encoded(course.replace("name: ", 'name: "\\ud800"\nx: ', 1)),
    )
    yield Case(
        "nul-in-double-quotes", COURSE, _encoded(course.replace("name: ", 'name: "a\\0b"\nx: ', 1))
    )
    yield Case(
        "invalid-utf8-surrogate", COURSE, b"name: \xed\xa0\x80\n", expect=frozenset({"ZB002"})
    )


def boms_and_encodings() -> Iterator[Case]:
    """BOMs and files saved in other encodings (clear error naming the encoding) (18)."""
    course = BASE[COURSE]
    yield Case("bom-utf8", COURSE, b"\xef\xbb\xbf" + _encoded(course))
    yield Case("bom-utf8-twice", COURSE, b"\xef\xbb\xbf\xef\xbb\xbf" + _encoded(course))
    yield Case(
        "bom-in-middle", COURSE, _encoded(course[:200]) + b"\xef\xbb\xbf" + _encoded(course[200:])
    )
    for codec, bom in (
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-32-le", b"\xff\xfe\x00\x00"),
        ("utf-32-be", b"\x00\x00\xfe\xff"),
    ):
        yield Case(
            f"bom-{codec}",
            COURSE,
            bom + course.encode(codec),
            expect=frozenset({"ZB002"}),
            expect_text="UTF",
        )
        yield Case(f"nobom-{codec}", COURSE, course.encode(codec), expect=frozenset({"ZB002"}))
    for codec in ("gbk", "gb18030", "gb2312"):
        raw = course.encode(codec, "replace")
        yield Case(f"encoding-{codec}", COURSE, raw, expect=frozenset({"ZB002"}), expect_text="GBK")
    yield Case(
        "encoding-big5", COURSE, course.encode("big5", "replace"), expect=frozenset({"ZB002"})
    )
    yield Case("encoding-latin1", COURSE, b"name: caf\xe9\n", expect=frozenset({"ZB002"}))
    yield Case(
        "encoding-one-bad-byte",
        COURSE,
        _encoded(course[:100]) + b"\xff" + _encoded(course[100:]),
        expect=frozenset({"ZB002"}),
    )


def links() -> Iterator[Case]:
    """Symbolic links out of the tree, dangling, looping; a FIFO named like a standard (7)."""
    yield Case("link-outside-file", "evil.yaml", link="/etc/hostname", expect=frozenset({"ZB013"}))
    yield Case("link-outside-dir", "evil-dir", link="/etc")
    yield Case("link-to-dev-zero", "zero.yaml", link="/dev/zero", expect=frozenset({"ZB013"}))
    yield Case(
        "link-dangling", "dangling.yaml", link="nothing-here.yaml", expect=frozenset({"ZB010"})
    )
    yield Case("link-loop", "loop.yaml", link="loop.yaml", expect=frozenset({"ZB010"}))
    yield Case(
        "link-inside",
        "again.yaml",
        link=COURSE.split("/")[-1] and f"courses/{COURSE.split('/')[-1]}",
    )
    yield Case("fifo", "pipe.yaml", fifo=True, expect=frozenset({"ZB010"}))


_TARGETS = (
    "../../../../etc/passwd", "/etc/passwd", "../../zhibiao.yaml", "courses/../../../etc/hosts",
    "courses/../../x.yaml", "~/.ssh/id_rsa", "C:\\Windows\\win.ini", "file:///etc/passwd",
    "courses/x\x00.yaml", "courses/" + "x" * 5000 + ".yaml", "evil-dir/passwd", "courses",
    ".", "", "specialty.yaml", "competencies.yaml", "courses/./../courses/zz.yaml",
    "courses//zz.yaml", "\\\\server\\share\\x.yaml", "courses/%2e%2e/x.yaml",
)  # fmt: skip


def reference_escapes() -> Iterator[Case]:
    """`standard:` and `competencies:` paths that leave the tree or make no sense (40)."""
    import json

    spec = BASE["specialty.yaml"]
    first = spec.index("standard: courses/")
    end = spec.index("\n", first)
    for i, target in enumerate(_TARGETS):
        quoted = json.dumps(target, ensure_ascii=False)
        text = spec[:first] + f"standard: {quoted}" + spec[end:]
        yield Case(f"ref-standard-{i}", "specialty.yaml", _encoded(text))
        text = spec.replace("competencies: competencies.yaml", f"competencies: {quoted}")
        yield Case(f"ref-competencies-{i}", "specialty.yaml", _encoded(text))


INJECTIONS = (
    "<script>alert('x')</script>", "<img src=x onerror=alert(1)>", "[点我](javascript:alert(1))",
    "](javascript:alert(1))", "{#x}", "{: .x onclick=alert(1)}", "| a | b |\n|---|---|\n| c | d |",
    "{{ config.site_name }}", "{% include '/etc/passwd' %}", '--8<-- "/etc/passwd"', "[TOC]",
    "!!! danger \"x\"", "$$\\input{/etc/passwd}$$", "<!-- x", "]]>", '" onmouseover="alert(1)',
    "[x]: javascript:alert(1)", "<iframe src=//evil.example>", "&lt;script&gt;", "\u202eevil",
    "# 标题注入", "---\ntitle: x\n---", "<style>body{display:none}</style>", "<a href='x'>", "`code`",
    "**粗体**", "<?xml version='1.0'?>", "<w:p><w:r><w:t>x</w:t></w:r></w:p>", "=cmd|' /C calc'!A0",
    "\\\\n\\\\t",
)  # fmt: skip


def injections() -> Iterator[Case]:
    """HTML, Markdown, template and script text in text fields: only text, checks clean (30)."""
    import json
    import re

    for i, payload in enumerate(INJECTIONS):
        quoted = json.dumps(payload, ensure_ascii=False)
        name = COURSE if i % 2 else "specialty.yaml"
        text = BASE[name]
        field_name = "description: " if name == COURSE else "objectives: "
        start = text.index(field_name)
        following = re.compile(r"\n(?=[a-z_]+:)").search(text, start)
        end = following.start() if following else len(text)
        changed = text[:start] + field_name + quoted + text[end:]
        yield Case(f"inject-{i}", name, _encoded(changed), clean=True)


_VALUES = (
    "[course]", "{a: 1}", "123", "null", "Course", "'course '", "~", "[]", "{}", "-1", "1e10",
    ".nan", ".inf", "true", "'64'", "0x40", "2025-13-45", "tomorrow", "20250101", "精通",
)  # fmt: skip
_FIELDS = (
    "kind: ",
    "hours: ",
    "credits: ",
    "semesters: ",
    "meta: ",
    "status: ",
    "date: ",
    "code: ",
    "specialty: ",
    "level: ",
)


def type_confusion() -> Iterator[Case]:
    """Wrong types and values in every kind of field (43)."""
    for i in range(40):
        field_name = _FIELDS[i % len(_FIELDS)]
        value = _VALUES[(i * 7) % len(_VALUES)]
        name = next(
            n
            for n in (COURSE, "specialty.yaml", "competencies.yaml", COURSE)
            if field_name in BASE[n] or n == COURSE
        )
        text = BASE[name]
        if field_name not in text:
            field_name = "name: "
        start = text.index(field_name)
        end = text.index("\n", start)
        inline = [p for p in (text.find(",", start, end), text.find("}", start, end)) if p >= 0]
        end = min(inline) if inline else end
        changed = text[:start] + field_name + value + text[end:]
        yield Case(f"type-{i}-{field_name.strip(': ')}={value}", name, _encoded(changed))
    yield Case("top-list", COURSE, b"- kind: course\n", expect=frozenset({"ZB010"}))
    yield Case("top-scalar", COURSE, b"kind\n", expect=frozenset({"ZB010"}))
    yield Case("kind-list", COURSE, b"kind: [course]\n", expect=frozenset({"ZB010"}))


def duplicates(rng: random.Random) -> Iterator[Case]:
    """Duplicate keys at every depth, in block and flow style (20)."""
    lines = BASE[COURSE].split("\n")
    keyed = [
        n
        for n, line in enumerate(lines)
        if ": " in line and not line.lstrip().startswith(("- {", "-  "))
    ]
    for i in range(16):
        row = rng.choice(keyed)
        copy = list(lines)
        copy.insert(
            row + 1,
            lines[row]
            if not lines[row].lstrip().startswith("- ")
            else lines[row].replace("- ", "  ", 1),
        )
        yield Case(f"dup-{i}-line{row + 1}", COURSE, _encoded("\n".join(copy)))
    yield Case(
        "dup-flow",
        COURSE,
        _encoded(BASE[COURSE] + "\nx: {a: 1, a: 2}\n"),
        expect=frozenset({"ZB004"}),
    )
    yield Case("dup-bool", COURSE, b"true: 1\nTrue: 2\n", expect=frozenset({"ZB004"}))
    yield Case("dup-null", COURSE, b"~: 1\nnull: 2\n", expect=frozenset({"ZB004"}))
    yield Case("dup-quoted", COURSE, b"kind: course\n'kind': course\n", expect=frozenset({"ZB004"}))


def documents() -> Iterator[Case]:
    """Several documents, directives and markers (10)."""
    course = BASE[COURSE]
    yield Case(
        "two-documents",
        COURSE,
        _encoded(course + "\n---\nkind: course\n"),
        expect=frozenset({"ZB001"}),
    )
    yield Case("end-marker-then-text", COURSE, _encoded(course + "\n...\nmore: 1\n"))
    yield Case("yaml-1.1-directive", COURSE, _encoded("%YAML 1.1\n---\n" + course))
    yield Case("yaml-2.0-directive", COURSE, _encoded("%YAML 2.0\n---\n" + course))
    yield Case("tag-directive", COURSE, _encoded("%TAG ! tag:evil.example,2025:\n---\n" + course))
    yield Case("only-marker", COURSE, b"---\n", expect=frozenset({"ZB006"}))
    yield Case("literal-root", COURSE, b"--- |\n  text\n", expect=frozenset({"ZB010"}))
    yield Case("empty-documents", COURSE, b"---\n---\n---\n", expect=frozenset({"ZB001"}))
    yield Case("comment-only", COURSE, b"# nothing\n", expect=frozenset({"ZB006"}))
    yield Case("reserved-directive", COURSE, _encoded("%FOO bar\n---\n" + course))


def unicode_oddities() -> Iterator[Case]:
    """Emoji, zero-width, full-width digits, right-to-left marks, combining forms (10)."""
    course = BASE[COURSE]
    yield Case("emoji-key", COURSE, _encoded(course + "\n🎓: 1\n"))
    yield Case(
        "zero-width-in-code", COURSE, _encoded(course.replace("code: ", "code: ZW\u200b", 1))
    )
    yield Case(
        "fullwidth-hours", COURSE, _encoded(course.replace("hours: ", "hours: ６４\nx: ", 1))
    )
    yield Case("rtl-in-name", COURSE, _encoded(course.replace("name: ", "name: \u202e", 1)))
    yield Case("nfd-text", COURSE, _encoded(course.replace("name: ", "name: e\u0301", 1)))
    yield Case("max-codepoint", COURSE, _encoded(course.replace("name: ", "name: \U0010ffff", 1)))
    yield Case("private-use", COURSE, _encoded(course.replace("name: ", "name: \ue000", 1)))
    yield Case("ideographic-space-indent", COURSE, _encoded(course.replace("\n  ", "\n\u3000", 3)))
    yield Case("fullwidth-colon", COURSE, _encoded(course.replace("name: ", "name：", 1)))
    yield Case("crlf-everywhere", COURSE, _encoded(course.replace("\n", "\r\n")))


def file_names() -> Iterator[Case]:
    """Names that break UTF-8, lines or annotation syntax (6)."""
    course = _encoded(BASE[COURSE])
    yield Case("name-newline", "x\n::error::forged.yaml", course)
    yield Case("name-annotation-chars", "a%2C,b:c%.yaml", course)
    yield Case("name-long", "n" * 250 + ".yaml", course)
    yield Case("name-dots", "..yaml", course)
    yield Case("name-hidden", ".hidden.yaml", b"kind: [\n")
    yield Case("name-yml", "other.yml", b"kind: course\n")


_STRING_FIELD = re.compile(r"^(\s*(?:- )?)([a-z_]+): ([^\s\[{'\"|>&*!#-][^#]*)$")
_BAD_CHARS = [
    *(c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)),
    0x7F, *(c for c in range(0x80, 0xA0) if c != 0x85), 0xFFFE, 0xFFFF, 0xD800, 0xDBFF, 0xDC00,
    0xDFFF,
]  # fmt: skip


def control_escapes() -> Iterator[Case]:
    """Every text field of every file, its value double-quoted with one escaped character that
    XML 1.0 cannot hold (`\\u000b`, `\\ud800` …): ZB014 on that line, nothing else (≈ 400)."""
    import json

    n = 0
    for name in sorted(BASE):
        lines = BASE[name].split("\n")
        for row, line in enumerate(lines):
            found = _STRING_FIELD.match(line)
            if not found or found.group(2) in ("kind", "code") or found.group(3)[:1].isdigit():
                continue
            code = _BAD_CHARS[n % len(_BAD_CHARS)]
            value = found.group(3).rstrip()
            at = n % (len(value) + 1)
            quoted = json.dumps(value[:at] + chr(code) + value[at:], ensure_ascii=False)
            if code >= 0x7F:  # json.dumps leaves these raw: write them as escapes
                quoted = quoted.replace(chr(code), f"\\u{code:04x}")
            changed = [
                *lines[:row],
                f"{found.group(1)}{found.group(2)}: {quoted}",
                *lines[row + 1 :],
            ]
            yield Case(
                f"escape-U+{code:04X}-{name}:{row + 1}",
                name,
                _encoded("\n".join(changed)),
                expect=frozenset({"ZB014"}),
                only_line=row + 1,
            )
            n += 1


_NUMBER_FIELD = re.compile(r"^(\s*(?:- )?[a-z_]+: )(-?[0-9][0-9.]*)\s*$")
_NON_FINITE = (".inf", "-.inf", ".nan", ".NaN", ".Inf", "+.inf", "-.Inf", ".NAN")


def non_finite_numbers() -> Iterator[Case]:
    """`.inf` / `.nan` in every numeric field of every file, next to a date written as text:
    the number is reported on its own line, the date is not (no false ZB101) (≈ 200)."""
    n = 0
    for name in sorted(BASE):
        lines = BASE[name].split("\n")
        meta = next((i for i, line in enumerate(lines) if line == "meta:"), None)
        if meta is None:
            continue
        lines.insert(meta + 1, "  comment_deadline: 2099-01-15")
        rows = [i for i, line in enumerate(lines) if _NUMBER_FIELD.match(line)]
        for row in rows[:: max(1, len(rows) // 40)]:
            found = _NUMBER_FIELD.match(lines[row])
            assert found is not None
            value = _NON_FINITE[n % len(_NON_FINITE)]
            changed = [*lines[:row], found.group(1) + value, *lines[row + 1 :]]
            yield Case(
                f"non-finite-{value}-{name}:{row + 1}",
                name,
                _encoded("\n".join(changed)),
                only_line=row + 1,
            )
            n += 1


def unreadable_carriers() -> Iterator[Case]:
    """Every file that carries competencies made unreadable in each way: its own error, never
    "competency not carried" (ZB3xx) for what it would have carried (≈ 40)."""
    carriers = [n for n in sorted(BASE) if n.startswith("courses/")]
    carriers += [n for n in ("internship.yaml", "training-base.yaml") if n in BASE]
    for name in carriers:
        raw = _encoded(BASE[name])
        yield Case(f"unreadable-dangling-{name}", name, link="gone.yaml", no_cascade=True)
        yield Case(f"unreadable-loop-{name}", name, link=name.split("/")[-1], no_cascade=True)
        yield Case(f"unreadable-fifo-{name}", name, fifo=True, no_cascade=True)
        yield Case(
            f"unreadable-utf16-{name}",
            name,
            b"\xff\xfe" + BASE[name].encode("utf-16-le"),
            no_cascade=True,
        )
        yield Case(f"unreadable-bom-only-{name}", name, b"\xff\xfe", no_cascade=True)
        yield Case(
            f"unreadable-binary-{name}", name, b"PK\x03\x04\x00\x00" + raw[:50], no_cascade=True
        )
        yield Case(
            f"unreadable-syntax-{name}", name, raw.replace(b"\n", b"\n[", 1), no_cascade=True
        )
        yield Case(
            f"unreadable-too-large-{name}", name, b"# " + b"a" * (5 * 1024 * 1024), no_cascade=True
        )


def all_cases() -> list[Case]:
    """Every hostile case, in a fixed order."""
    rng = random.Random(SEED)
    groups: list[Callable[[], Iterator[Case]]] = [
        lambda: byte_flips(rng),
        lambda: truncations(rng),
        lambda: structural_edits(rng),
        alias_bombs,
        lambda: tags(rng),
        deep_nesting,
        huge,
        lambda: control_characters(rng),
        boms_and_encodings,
        links,
        reference_escapes,
        injections,
        type_confusion,
        lambda: duplicates(rng),
        documents,
        unicode_oddities,
        file_names,
        control_escapes,
        non_finite_numbers,
        unreadable_carriers,
        lambda: fmt_scalars(rng),
    ]
    return [case for group in groups for case in group()]


FMT_SCALARS = (
    "1_2", "0o17", "+0o100", "0x1F", "-0x1f", "0b11", ".inf", "-.Inf", ".NaN", "on", "off",
    "yes", "No", "y", "~", "null", "NULL", "2021-01-01", "1e3", "1E+3", "060103", "00",
    "12:30", "1:30:00", '"quoted"', "'on'", "!!str 1_2", "!!int 1_2", "&a on", "[1_2, on]",
    "{a: yes}", "|\n  多行\n  文本", ">-\n  折叠\n  文本", "a\tb", "x  # 注释",
)  # fmt: skip
"""Scalars whose meaning differs between YAML 1.1, ruamel.yaml and the YAML 1.2 core schema."""


def fmt_scalars(rng: random.Random) -> Iterator[Case]:
    """Values of a course replaced by tricky scalars, some under `%YAML 1.1` or in CRLF
    files (180): check must read them without crashing, fmt must keep their meaning
    (`test_hostile.py::test_fmt_on_hostile_input`)."""
    text = BASE[COURSE]
    lines = text.split("\n")
    rows = [i for i, line in enumerate(lines) if ": " in line and not line.lstrip().startswith("#")]
    for i in range(180):
        changed = list(lines)
        for _ in range(1 + i % 3):
            row = rng.choice(rows)
            head = changed[row].split(": ", 1)[0]
            value = rng.choice(FMT_SCALARS).replace(
                "\n", "\n" + " " * (len(head) - len(head.lstrip()) + 2)
            )
            changed[row] = f"{head}: {value}"
        body = "\n".join(changed)
        if i % 5 == 0:
            body = "%YAML 1.1\n---\n" + body
        if i % 7 == 0:
            body = body.replace("\n", "\r\n")
        yield Case(f"fmt-scalar-{i}", COURSE, _encoded(body))
