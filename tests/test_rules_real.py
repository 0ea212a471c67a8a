"""Real errors that used to pass (issue 14 §6): 中职 defaults of 13号, exact thresholds, and the
internal-error message naming the file."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from builder.check.lookalike import ascii_code, has_confusable
from builder.cli import file_in_trace
from builder.read.config import Range, share_text, show_number
from tests.conftest import CASES, run_cli

ZZ = "standards/730701-电子商务/specialty.yaml"


def _check(project: Path) -> list[dict[str, object]]:
    result = run_cli(["check", "standards", "--format", "json", "--no-cache"], project)
    found: list[dict[str, object]] = json.loads(result.stdout)
    return found


def test_zz_plan_without_history_admission_and_years(example_project: Path) -> None:
    """The 中职 example without 历史, admitting 高中 graduates for four years: ZB211, ZB214, ZB215."""
    spec = example_project / ZZ
    text = spec.read_text("utf-8")
    assert "    name: 历史\n" in text
    text = text.replace("    name: 历史\n", "    name: 地理\n")
    text = text.replace("初级中等学校毕业或具有同等学力。", "普通高级中学毕业或具有同等学力。")
    text = text.replace("  years: 3\n", "  years: 4\n", 1)
    spec.write_text(text, "utf-8")
    found = {(d["code"], d["message"]) for d in _check(example_project) if d["file"] == ZZ}
    codes = sorted(code for code, _ in found)
    assert codes == ["ZB211", "ZB214", "ZB215"], found
    assert ("ZB211", "课程设置中没有公共基础必修课程「历史」（中职）") in found


def test_zz_example_passes_with_module_names(example_project: Path) -> None:
    """思想政治 taught as its four modules, 外语 as 英语: the 中职 example stays clean."""
    assert all(d["code"] not in {"ZB211", "ZB214", "ZB215"} for d in _check(example_project))


def _number(text: str) -> float:
    match = re.match(r"[\d.]+", text)
    assert match, text
    return float(match.group())


@given(
    value=st.floats(min_value=0, max_value=1, allow_nan=False),
    bound=st.floats(min_value=0.001, max_value=0.999, allow_nan=False),
)
def test_failing_share_never_prints_equal_to_its_bound(value: float, bound: float) -> None:
    """ "31.1%，要求 ≥ 31%" cannot happen: a value below the bound prints below it."""
    if value >= bound:
        return
    shown = _number(show_number(value, bound, scale=100))
    printed = _number(share_text(bound, value))
    assert shown < printed, (value, bound, shown, printed)
    assert Range(min=bound).describe_share(value).startswith("≥ ")


def test_one_third_bound_is_printed_exactly() -> None:
    assert share_text(1 / 3 - 0.02, 0.311) == "31.33%（47/150）"
    assert share_text(0.25) == "25%"
    assert show_number(0.3133, 1 / 3 - 0.02, scale=100) == "31.330"


def test_internal_error_names_the_file() -> None:
    item = SimpleNamespace(rel="standards/x/specialty.yaml", doc=object())

    def broken(current: object) -> None:
        raise RuntimeError("boom")

    try:
        broken(item)
    except RuntimeError as exc:
        assert file_in_trace(exc) == "standards/x/specialty.yaml"


def _clean_copy(target: Path) -> Path:
    shutil.copytree(CASES / "clean-minimal" / "standards", target / "standards")
    return target


def test_did_you_mean_names_a_rename_found_against_the_base(tmp_path: Path) -> None:
    """ZH02 renamed JX07 in the plan; ZH03 still lists ZH02 as prerequisite: with --base the
    hint names the rename (string similarity alone would not find JX07)."""
    base = _clean_copy(tmp_path / "base")
    head = _clean_copy(tmp_path / "head")
    spec = head / "standards/510209-人工智能技术应用/specialty.yaml"
    text = spec.read_text("utf-8")
    spec.write_text(text.replace("{code: ZH02, name:", "{code: JX07, name:"), "utf-8")
    plain = [d for d in _check(head) if d["code"] == "ZB202"]
    assert plain and all("JX07" not in str(d["hint"]) for d in plain)
    result = run_cli(["check", "standards", "-f", "json", "--base", str(base)], head)
    found = [d for d in json.loads(result.stdout) if d["code"] == "ZB202"]
    assert found and all("已改为「JX07」" in str(d["hint"]) for d in found), found


def test_unknown_specialty_suggests_only_the_same_class(tmp_path: Path) -> None:
    """A training base for 530209 (专业类 5302) is not told to use 510209 (计算机类)."""
    project = _clean_copy(tmp_path)
    base = project / "standards/510209-人工智能技术应用/training-base.yaml"
    base.write_text(
        base.read_text("utf-8").replace('specialty: "510209"', 'specialty: "530209"'), "utf-8"
    )
    (found,) = [d for d in _check(project) if d["code"] == "ZB205"]
    assert "510209" not in str(found["hint"] or "")
    assert "没有对本文件运行" in str(found["message"])


_FULLWIDTH = {c: chr(ord(c) + 0xFEE0) for c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
_DISGUISES = {**_FULLWIDTH, "H": "Η", "T": "Τ", "K": "К", "-": "—"}


@given(
    code=st.text(alphabet="0123456789ABHKTZ-", min_size=1, max_size=12),
    where=st.integers(min_value=0, max_value=11),
    zero_width=st.booleans(),
)
def test_disguised_codes_are_found_and_folded_back(code: str, where: int, zero_width: bool) -> None:
    """Any ASCII code with one character disguised (fullwidth, Greek/Cyrillic, a dash) or a
    zero-width space slipped in is reported, and the suggestion is the ASCII code."""
    at = where % len(code)
    if zero_width:
        disguised = code[:at] + "\u200b" + code[at:]
    elif code[at] in _DISGUISES:
        disguised = code[:at] + _DISGUISES[code[at]] + code[at + 1 :]
    else:
        return
    assert has_confusable(disguised)
    assert ascii_code(disguised) == code
    assert not has_confusable(code)


def test_internal_error_names_the_document_when_no_file_is_at_hand() -> None:
    model = SimpleNamespace(kind="course", meta=SimpleNamespace(title="数据采集与标注课程标准"))

    def render(doc: object) -> None:
        raise ValueError("boom")

    try:
        render(model)
    except ValueError as exc:
        assert file_in_trace(exc) == "「数据采集与标注课程标准」"


def test_internal_error_in_a_check_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A crash inside a rule (simulated) prints one line naming the document being checked."""
    import builder.check.lifecycle as lifecycle
    from builder.cli import main

    project = _clean_copy(tmp_path)
    spec = project / "standards/510209-人工智能技术应用/specialty.yaml"
    text = spec.read_text("utf-8")
    spec.write_text(re.sub(r"\nquality: .*\n", "\nquality: 待补充\n", text), "utf-8")

    def crash(*_: object) -> str:
        raise RuntimeError("simulated defect")

    monkeypatch.setattr(lifecycle, "describe_field", crash)
    monkeypatch.chdir(project)
    monkeypatch.setattr("sys.argv", ["zhibiao", "check", "standards", "--no-cache", "-j", "1"])
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == 3
    err = capsys.readouterr().err
    assert "内部错误（处理 standards/510209-人工智能技术应用/specialty.yaml 时）" in err, err
    assert "Traceback" not in err
