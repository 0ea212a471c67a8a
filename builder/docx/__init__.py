"""Word (.docx) export: DocTree → python-docx document in a GB/T 9704 or GB/T 1.1 layout.

`export.export_project` is the entry point of the CLI and `export.export_trees` that of the
site build; `writer` renders one `DocTree`; `template` provides the reference document whose
named styles (`styles.STYLES`) every paragraph uses, so a user's reference .docx restyles the
output.
"""
