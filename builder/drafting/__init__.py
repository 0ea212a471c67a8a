"""`zhibiao import docx`: a Word working copy (填写稿) read back into its standard's YAML.

`wordread` reads the file safely into located paragraphs, `reading` matches them with the
working copy the current YAML renders to and finds what changed, `values` turns text into
typed values, `writeback` writes the changes through the comment-preserving writer of
`zhibiao fmt`, `annotate` writes the problems as Word comments, `importing` runs it all.
"""
