"""No command writes through a symbolic link or outside the project (builder/project/paths.py).

Each case plants what a hostile pull request could commit (a link inside the project that
leads out, a `..` path in a config file) in a throw-away project, runs the real CLI and
asserts: exit 2, a Chinese message naming the path, and nothing written outside.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.project import UsageError
from builder.project.paths import chosen, confined, link_inside
from tests.conftest import run_cli
from tests.review_helpers import SPECIALTY_DIR, copy_project


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else b"<dir>"
        for p in sorted(folder.rglob("*"))
    }


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, Path]:
    """(project, outside): a check-clean project and a folder next to it with one file."""
    project = copy_project(tmp_path / "project")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("不要发布\n", "utf-8")
    (outside / "course.yaml").write_text("kind: course\ncode: X1\nname: 外部\n", "utf-8")
    return project, outside


def _refused(result_stderr: str, exit_code: int, shown: str) -> None:
    assert exit_code == 2, result_stderr
    assert "已拒绝" in result_stderr and shown in result_stderr, result_stderr
    assert "Traceback" not in result_stderr


# --- the module itself -------------------------------------------------------------------


def test_confined_accepts_plain_paths_and_refuses_escapes(tmp_path: Path) -> None:
    root = tmp_path / "p"
    (root / "a").mkdir(parents=True)
    assert confined(Path("a/b/c"), root, "x") == root / "a/b/c"
    for bad in ("../x", "a/../../x", str(tmp_path / "elsewhere")):
        with pytest.raises(UsageError, match="在项目目录之外"):
            confined(Path(bad), root, "x")
    (root / "link").symlink_to(tmp_path)
    with pytest.raises(UsageError, match="符号链接"):
        confined(Path("link/x"), root, "x")
    (root / "inner").symlink_to(root / "a")  # even a link that stays inside is refused
    with pytest.raises(UsageError, match="符号链接"):
        confined(Path("inner"), root, "x")


def test_chosen_allows_outside_but_not_through_a_project_link(tmp_path: Path) -> None:
    root = tmp_path / "p"
    root.mkdir()
    assert chosen(tmp_path / "out", root, "x") == tmp_path / "out"
    (root / "dist").symlink_to(tmp_path / "out", target_is_directory=True)
    with pytest.raises(UsageError, match=r"经过项目中的符号链接 .*dist"):
        chosen(root / "dist" / "f", root, "x")


def test_links_outside_the_project_are_followed(tmp_path: Path) -> None:
    """A project reached through the user's own link (~/work -> /data/work) is fine."""
    real = tmp_path / "real" / "p"
    real.mkdir(parents=True)
    (tmp_path / "alias").symlink_to(tmp_path / "real")
    root = tmp_path / "alias" / "p"
    link, where = link_inside(root / "site" / "index.html", root)
    assert link is None and where == str(real / "site" / "index.html")
    assert confined(Path("site"), root, "x") == root / "site"


# --- the CLI -----------------------------------------------------------------------------


def test_cache_link_out_of_the_project_stops_check(setup: tuple[Path, Path]) -> None:
    project, _outside = setup
    (project / ".zhibiao").mkdir()
    (project / ".zhibiao" / "cache").symlink_to("../..")
    parent = project.parent
    before = sorted(p.name for p in parent.iterdir())
    result = run_cli(["check"], project)
    _refused(result.stderr, result.exit_code, "缓存目录")
    assert sorted(p.name for p in parent.iterdir()) == before
    assert not (parent / "CACHEDIR.TAG").exists() and not (parent / ".gitignore").exists()
    assert run_cli(["check", "--no-cache"], project).exit_code == 0


@pytest.mark.parametrize(
    ("folder", "args"),
    [
        ("docx", ["export", "docx", "standards", "-o", "dist/docx"]),
        ("data", ["build", "standards", "--no-docx"]),
        ("parsed", ["build", "standards", "--no-docx", "--no-data"]),
        ("forms", ["build", "standards", "--no-docx", "--no-data"]),
        ("pages", ["build", "standards", "--no-docx", "--no-data", "--split", "specialty"]),
        ("templates", ["build", "standards", "--no-docx", "--no-data", "--split", "specialty"]),
        ("jieba", ["build", "standards", "--no-docx", "--no-data", "--split", "specialty"]),
    ],
)
def test_a_linked_cache_store_is_refused(
    setup: tuple[Path, Path], folder: str, args: list[str]
) -> None:
    """`.zhibiao/cache/docx`, `data`, `parsed`, `forms`, `pages`, `templates` or `jieba`
    committed as a link: the cached files would be written where it points (the Word render cache, the
    open-data cache, the site build's cache of what reading each folder gave, of the 意见反馈表
    forms, of the shards' page records, of compiled templates and of jieba's dictionary)."""
    project, outside = setup
    (project / ".zhibiao" / "cache").mkdir(parents=True)
    (project / ".zhibiao" / "cache" / folder).symlink_to(outside, target_is_directory=True)
    before = _tree(outside)
    result = run_cli(args, project)
    _refused(result.stderr, result.exit_code, "缓存目录")
    assert _tree(outside) == before


def test_a_linked_build_record_folder_builds_without_a_record(setup: tuple[Path, Path]) -> None:
    project, outside = setup
    (project / ".zhibiao" / "cache").mkdir(parents=True)
    (project / ".zhibiao" / "cache" / "site").symlink_to(outside, target_is_directory=True)
    before = _tree(outside)
    for _ in range(
        2
    ):  # the second build finds no record: it builds again, still writing nothing out
        result = run_cli(["build", "standards", "--no-docx", "--no-data"], project)
        assert result.exit_code == 0, result.stderr
        assert "站点未改动" not in result.stderr
    assert _tree(outside) == before


def test_fmt_leaves_links_alone(setup: tuple[Path, Path]) -> None:
    project, outside = setup
    courses = project / SPECIALTY_DIR / "courses"
    (courses / "外部.yaml").symlink_to(outside / "course.yaml")
    (courses / "zh01-link.yaml").symlink_to(courses / "zh01.yaml")
    before = _tree(outside)
    result = run_cli(["fmt"], project)
    assert result.exit_code == 1
    assert "error[ZB013]" in result.stderr and "外部.yaml" in result.stderr
    assert _tree(outside) == before
    assert (courses / "外部.yaml").is_symlink() and (courses / "zh01-link.yaml").is_symlink()
    linked = project / "linked"
    linked.symlink_to(outside, target_is_directory=True)
    named = run_cli(["fmt", "linked/course.yaml"], project)
    assert named.exit_code == 1 and "error[ZB013]" in named.stderr
    assert _tree(outside) == before


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        (["export", "json"], "dist/opendata/zhibiao-dataset.json"),
        (["export", "xlsx"], "dist/xlsx"),
        (["export", "case"], "dist/case"),
        (["export", "docx", "--no-cache"], "dist/docx"),
    ],
)
def test_export_default_output_through_a_link_is_refused(
    setup: tuple[Path, Path], command: list[str], shown: str
) -> None:
    project, outside = setup
    (project / "dist").symlink_to(outside, target_is_directory=True)
    before = _tree(outside)
    result = run_cli(command, project)
    _refused(result.stderr, result.exit_code, shown)
    assert _tree(outside) == before


def test_explicit_output_outside_the_project_is_allowed(setup: tuple[Path, Path]) -> None:
    """The user asked for it: `-o` may name a folder outside the project."""
    project, outside = setup
    target = outside / "data.json"
    result = run_cli(["export", "json", "-o", str(target)], project)
    assert result.exit_code == 0, result.stderr
    assert target.is_file()


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["check", "-o", "reports/r.txt"], "reports/r.txt"),
        (["diff", "HEAD", "-o", "reports/d.md", "-f", "markdown"], "reports/d.md"),
        (
            [
                "new",
                "course",
                "--specialty",
                "510209",
                "--code",
                "X9",
                "--name",
                "新课",
                "-o",
                "reports/n.yaml",
            ],
            "reports/n.yaml",
        ),
        (["import", "xlsx", "missing.xlsx", "-o", "reports/c.yaml"], "reports/c.yaml"),
        (["build", "-d", "reports/site"], "reports/site"),
    ],
)
def test_outputs_through_a_project_link_are_refused(
    setup: tuple[Path, Path], args: list[str], shown: str
) -> None:
    project, outside = setup
    (project / "reports").symlink_to(outside, target_is_directory=True)
    before = _tree(outside)
    result = run_cli(args, project)
    _refused(result.stderr, result.exit_code, shown)
    assert _tree(outside) == before


def test_new_into_a_linked_standards_folder_is_refused(setup: tuple[Path, Path]) -> None:
    project, outside = setup
    folder = project / SPECIALTY_DIR
    (folder / "courses").rename(project / "moved")
    (folder / "courses").symlink_to(outside, target_is_directory=True)
    result = run_cli(
        ["new", "course", "--specialty", "510209", "--code", "X9", "--name", "新课"], project
    )
    assert result.exit_code == 2, result.stderr
    assert "符号链接" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in outside.iterdir()) == ["course.yaml", "secret.txt"]


def test_site_folder_link_is_refused(setup: tuple[Path, Path]) -> None:
    project, outside = setup
    (project / "site").symlink_to(outside, target_is_directory=True)
    before = _tree(outside)
    result = run_cli(["build", "--no-docx"], project)
    _refused(result.stderr, result.exit_code, "site")
    assert _tree(outside) == before


@pytest.mark.parametrize("how", ["dotdot", "link"])
def test_theme_custom_dir_outside_the_project_is_refused(
    setup: tuple[Path, Path], how: str
) -> None:
    project, outside = setup
    if how == "dotdot":
        value = "../outside"
    else:
        (project / "overrides").symlink_to(outside, target_is_directory=True)
        value = "overrides"
    (project / "mkdocs.yml").write_text(
        f"site_name: x\ntheme:\n  name: material\n  custom_dir: {value}\n", "utf-8"
    )
    result = run_cli(["build", "--no-docx", "--no-data"], project)
    _refused(result.stderr, result.exit_code, "theme.custom_dir")
    assert not (project / "site").exists()


def test_reference_docx_outside_the_project_is_refused(setup: tuple[Path, Path]) -> None:
    project, _outside = setup
    config = project / "zhibiao.yaml"
    config.write_text(
        config.read_text("utf-8") + "docx:\n  reference_docx: ../outside/secret.txt\n", "utf-8"
    )
    result = run_cli(["export", "docx", "--no-cache", "-o", "out"], project)
    _refused(result.stderr, result.exit_code, "docx.reference_docx")
    assert not (project / "out").exists()


def test_schema_folder_link_is_refused(setup: tuple[Path, Path]) -> None:
    project, outside = setup
    (project / "schemas").symlink_to(outside, target_is_directory=True)
    before = _tree(outside)
    result = run_cli(["schema"], project)
    _refused(result.stderr, result.exit_code, "schemas")
    assert _tree(outside) == before
