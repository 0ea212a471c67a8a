"""`zhibiao export docx` on the example corpus, as a user runs it."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.conftest import run_cli
from tests.docx_read import headings

NOTICE = Path(__file__).parent / "cases" / "docx-notice" / "notice.yaml"


def test_export_writes_one_file_per_document_byte_identical(example_project: Path) -> None:
    first = run_cli(["export", "docx", "-o", "out1"], example_project)
    assert first.exit_code == 0, first.stderr
    second = run_cli(["export", "docx", "standards", "-o", "out2"], example_project)
    assert second.exit_code == 0, second.stderr
    names = sorted(p.name for p in (example_project / "out1").iterdir())
    assert "510209-专业教学标准.docx" in names
    assert "510209-职业能力清单.docx" in names
    assert "510209-岗位实习标准.docx" in names
    assert "510209-实训基地建设标准.docx" in names
    assert any(name.startswith("510209-课程标准-ZH01-") for name in names)
    assert names == sorted(p.name for p in (example_project / "out2").iterdir())
    for name in names:
        assert (example_project / "out1" / name).read_bytes() == (
            example_project / "out2" / name
        ).read_bytes(), name
    assert f"已写入 {len(names)} 个文件" in first.stdout
    specialty = docx.Document(str(example_project / "out1" / "510209-专业教学标准.docx"))
    found = headings(specialty)
    assert found[0].startswith("1\u3000") and any(h.startswith("5\u3000职业面向") for h in found)
    assert any(len(table.rows) > 30 for table in specialty.tables)
    course = next(name for name in names if name.startswith("510209-课程标准-"))
    # the course's 前言 (who proposed and drafted it) opens the 公文-style body
    course_headings = headings(docx.Document(str(example_project / "out1" / course)))
    assert course_headings[0] == "前言" and course_headings[1].startswith("一、")


def test_export_with_notice(example_project: Path) -> None:
    done = run_cli(
        ["export", "docx", "--toc-pages", "never", "-o", "out", "--notice", str(NOTICE)],
        example_project,
    )
    assert done.exit_code == 0, done.stderr
    notice = docx.Document(str(example_project / "out" / "通知-电子行指委〔2026〕5号.docx"))
    texts = [p.text for p in notice.paragraphs]
    assert texts[1] == "电子行指委〔2026〕5号"
    assert texts.count("附件1") == 1 and texts.count("附件2") == 1
    broken = example_project / "notice.yaml"
    broken.write_text(
        NOTICE.read_text(encoding="utf-8").replace("510209/course/ZH03", "510209/course/ZZ99"),
        encoding="utf-8",
    )
    done = run_cli(
        ["export", "docx", "--toc-pages", "never", "-o", "again", "--notice", "notice.yaml"],
        example_project,
    )
    assert done.exit_code == 2
    assert "510209/course/ZZ99 不存在" in done.stderr
    assert not (example_project / "again").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--reference-docx", "missing.docx"], "参考模板不存在"),
        (["--notice", "missing.yaml"], "无法读取通知文件"),
    ],
)
def test_usage_errors_exit_2_and_write_nothing(
    example_project: Path, args: list[str], message: str
) -> None:
    done = run_cli(["export", "docx", "--toc-pages", "never", "-o", "out", *args], example_project)
    assert done.exit_code == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert not (example_project / "out").exists()


def test_unwritable_output_exits_2(example_project: Path) -> None:
    (example_project / "blocker").write_text("x", encoding="utf-8")
    done = run_cli(["export", "docx", "--toc-pages", "never", "-o", "blocker/out"], example_project)
    assert done.exit_code == 2
    assert "输出目录" in done.stderr


def test_errors_in_the_standards_block_the_export(example_project: Path) -> None:
    specialty = next((example_project / "standards").glob("510209-*/specialty.yaml"))
    text = specialty.read_text(encoding="utf-8")
    specialty.write_text(text.replace("kind: specialty", "kind: specialty\nbogus: 1"), "utf-8")
    done = run_cli(["export", "docx", "--toc-pages", "never", "-o", "out"], example_project)
    assert done.exit_code == 1
    assert "未导出" in done.stderr
    assert not (example_project / "out").exists()


def test_force_exports_proofs_marked_as_unchecked(example_project: Path) -> None:
    internship = next(example_project.glob("standards/730701-*/internship.yaml"))
    text = internship.read_text("utf-8")
    internship.write_text(text.replace("  doc_no: 电商行指委〔2026〕7号\n", ""), "utf-8")
    refused = run_cli(["export", "docx", "--toc-pages", "never", "-o", "out"], example_project)
    assert refused.exit_code == 1 and "--force" in refused.stderr
    assert not (example_project / "out").exists()
    done = run_cli(
        ["export", "docx", "--toc-pages", "never", "-o", "out", "--force"], example_project
    )
    assert done.exit_code == 0, done.stderr
    assert "error[ZB601]" in done.stderr and "1 个有错误的文件标注为“未通过检查”" in done.stderr
    marked = docx.Document(str(example_project / "out" / "730701-岗位实习标准.docx"))
    texts = [p.text for p in marked.paragraphs]
    assert "（未通过检查）" in texts  # on the cover, instead of a publication state
    assert any(t.startswith("本文件未通过检查（1 个错误）") for t in texts)
    assert marked.sections[0].header.paragraphs[0].text.endswith("未通过检查")
    clean = docx.Document(str(example_project / "out" / "730701-专业教学标准.docx"))
    assert not any("未通过检查" in p.text for p in clean.paragraphs)


def test_bad_notice_file_is_reported_with_its_location(example_project: Path) -> None:
    (example_project / "notice.yaml").write_text(
        NOTICE.read_text(encoding="utf-8").replace("〔2026〕5号", "(2026)5号"), encoding="utf-8"
    )
    done = run_cli(
        ["export", "docx", "--toc-pages", "never", "-o", "out", "--notice", "notice.yaml"],
        example_project,
    )
    assert done.exit_code == 2
    assert done.stderr.startswith("notice.yaml:3:9: error: 通知文件字段 doc_no 无效")
    assert not (example_project / "out").exists()


def test_export_help_is_chinese(example_project: Path) -> None:
    done = run_cli(["export", "docx", "--help"], example_project)
    assert done.exit_code == 0
    assert "每份标准文件导出一个 Word 文档" in done.stdout
    assert "Export one .docx per standard document" not in done.stdout
