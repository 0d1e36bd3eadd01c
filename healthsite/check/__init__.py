"""Stage 5: trust checks across files: review dates and reading grades."""
