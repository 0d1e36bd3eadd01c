"""Stage 3: the content model as Markdown pages and navigation, independent of MkDocs."""
