"""The worked example of docs/transcribe.md is a real, valid transcription with the stated result."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from tests.conftest import REPO, run_cli

DOC = REPO / "docs" / "transcribe.md"


def test_worked_example_checks_as_the_doc_says(tmp_path: Path) -> None:
    block = re.search(r"```yaml\n(kind: specialty\n.*?)```", DOC.read_text("utf-8"), re.S)
    assert block is not None
    folder = tmp_path / "standards" / "310203-软件工程技术"
    folder.mkdir(parents=True)
    (folder / "specialty.yaml").write_text(block.group(1), "utf-8")
    shutil.copy(REPO / "tests" / "realworld" / "se310203" / "zhibiao.yaml", tmp_path)
    result = run_cli(["check", "standards", "--format", "json"], tmp_path)
    codes = sorted(d["code"] for d in json.loads(result.stdout))
    assert codes == ["ZB410", "ZB601"], result.stdout
    site = run_cli(["export", "docx", "--force", "-o", "out"], tmp_path)
    assert site.exit_code == 0, site.stderr
