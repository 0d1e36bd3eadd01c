"""healthsite: turn consumer health articles into a cross-linked, searchable static site."""
