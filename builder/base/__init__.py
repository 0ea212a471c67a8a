"""Foundations every stage uses: diagnostics and the rule registry, atomic writes, escaping,
OS error wording, progress, the output protocol. Imports nothing
else of ours."""
