"""Conformance of many schools' plans: `zhibiao conform` time per plan, against a plain check.

    python3 benchmarks/conform.py                # 500 plans for 510209, 3 repetitions
    python3 benchmarks/conform.py --plans 2000   # a province's worth
    python3 benchmarks/conform.py --quick        # 5 plans, once (smoke test)

The corpus is the repository's 510209 standard with N plans derived from its conforming
example plan (江城), each changed as schools change theirs, decided by the seed: some raise
levels or add a localised course (they still conform), others drop a core course, carry a
competency below its level or cut hours (they do not). The plans are 送审稿, as plans under
provincial review are, so `zhibiao check` checks them without judging conformance. The
baseline is that plain `zhibiao check --no-cache -j 1` of the same corpus, in the same run.
"""

from __future__ import annotations

import argparse
import copy
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

import yaml  # noqa: E402

from benchmarks.measure import Row, measure, report  # noqa: E402

SET = "510209-人工智能技术应用"
TEMPLATE = REPO / "standards" / SET / "plans" / "jiangcheng-2026.yaml"
LEVELS = ["了解", "理解", "掌握", "运用"]
CITIES = ["江城", "海港", "山城", "林州", "河口", "石岭", "云川", "湖阳", "北原", "东滨"]


def plan(index: int, seed: int) -> dict[str, Any]:
    """Plan `index` of the corpus (depends only on the seed and the index)."""
    rng = random.Random(f"{seed}-{index}")
    data: dict[str, Any] = copy.deepcopy(yaml.safe_load(TEMPLATE.read_text("utf-8")))
    school = f"示例{CITIES[index % len(CITIES)]}第{index + 1}职业技术学院（示例）"
    data["school"] = school
    data["meta"] = {
        "title": f"{school}人工智能技术应用专业人才培养方案（2026级）",
        "version": "2026级",
        "status": "送审稿",
        "issuer": school,
    }
    rows = data["courses"]
    change = rng.choice(["raise", "localise", "drop-core", "lower", "cut-hours", "as-is"])
    if change == "raise":
        for row in rows:
            for ref in row.get("competencies", []):
                if rng.random() < 0.2:
                    ref["level"] = LEVELS[min(LEVELS.index(ref["level"]) + 1, 3)]
    elif change == "localise":
        rows.append(
            {
                "code": "ZT09",
                "name": f"{CITIES[index % len(CITIES)]}产业智能化应用",
                "nature": "专业拓展",
                "hours": 32,
                "elective": True,
                "addition": "地方化",
            }
        )
    elif change == "drop-core":
        cores = [r for r in rows if r["nature"] == "专业核心"]
        rows.remove(rng.choice(cores))
    elif change == "lower":
        carriers = [r for r in rows if r.get("competencies")]
        ref = rng.choice(rng.choice(carriers)["competencies"])
        ref["level"] = "了解"
    elif change == "cut-hours":
        row = rng.choice([r for r in rows if r.get("hours", 0) >= 64])
        row["hours"] -= 16  # taken from practice when it has 16 hours, else from theory
        part = "practice_hours" if row.get("practice_hours", 0) >= 16 else "theory_hours"
        if row.get(part) is not None:
            row[part] -= 16
    data.pop("totals", None)  # the rows changed: no declared totals to keep in step
    return data


def generate(work: Path, count: int, seed: int) -> Path:
    """A project: the 510209 standard and `count` plans under its plans/ folder."""
    project = work / f"plans-{count}-{seed}"
    marker = project / ".complete"
    if marker.exists():
        return project
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(REPO / "standards" / SET, project / "standards" / SET)
    shutil.rmtree(project / "standards" / SET / "plans")
    shutil.copy(REPO / "zhibiao.yaml", project / "zhibiao.yaml")
    folder = project / "standards" / SET / "plans"
    folder.mkdir()
    for index in range(count):
        text = yaml.safe_dump(plan(index, seed), allow_unicode=True, sort_keys=False)
        (folder / f"plan-{index:05d}.yaml").write_text(f"# 生成的示例方案\n{text}", "utf-8")
    marker.write_text("ok\n", "utf-8")
    return project


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description="zhibiao conform 基准测试")
    parser.add_argument("--plans", type=int, default=500, help="方案份数")
    parser.add_argument("--repeat", type=int, default=3, help="重复次数，取中位数")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--quick", action="store_true", help="5 份方案、测一次（冒烟测试）")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "zhibiao-bench")
    args = parser.parse_args(argv)
    count, repeat = (5, 1) if args.quick else (args.plans, args.repeat)
    project = generate(args.work, count, args.seed)
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1", "NO_PROGRESS": "1"}
    env.pop("GITHUB_ACTIONS", None)
    py = sys.executable
    plans = f"standards/{SET}/plans"
    check = Row("基线：check --no-cache -j 1（同一语料）", count)
    conform = Row("conform 全部方案", count, baseline=check)
    for _ in range(repeat):
        check.samples.append(
            measure(
                [py, "-m", "builder", "check", "standards", "--no-cache", "-j", "1"], project, env
            )
        )
        conform.samples.append(
            measure(
                [py, "-m", "builder", "conform", plans, "-f", "markdown"], project, env, ok=(0, 1)
            )
        )
    per_plan = conform.median("wall") / count * 1000
    ratio = conform.median("wall") / check.median("wall")
    conform.note = f"每份方案 {per_plan:.1f} ms"
    when = time.strftime("%Y-%m-%d")
    print(f"机器：{os.cpu_count()} 个 CPU；日期：{when}；重复 {repeat} 次取中位数")  # noqa: T201
    print(report([check, conform]))  # noqa: T201
    print(f"每份方案 {per_plan:.1f} ms；相对同一语料的 check：{ratio:.2f} ×")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
