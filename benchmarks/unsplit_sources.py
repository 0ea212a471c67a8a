"""Write the Markdown and config of the *unsplit* site for a project, without building it.

    python3 benchmarks/unsplit_sources.py PROJECT_DIR OUT_DIR

The baseline of the split build at sizes where `zhibiao build --split none` itself would
take too long to run as well: `benchmarks/run.py --split-baseline` runs a plain
`mkdocs build` on OUT_DIR/mkdocs.yml (YAML downloads, no Word files, no open data, as the
split build it is compared with).
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> int:
    """Check the project, then render its single-site sources into OUT_DIR."""
    from builder.checking.pipeline import run_check
    from builder.project.loading import open_project
    from builder.site.downloads import default_providers
    from builder.site.pipeline import prepare_sources

    project = open_project(Path(sys.argv[1]) / "standards", None)
    result = run_check(project, jobs=None)
    out = Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    providers = default_providers(docx=False)
    prepare_sources(
        project, result, out, banner=None, version=None, providers=providers, split="none"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
