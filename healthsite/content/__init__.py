"""Stage 2: the content folder as data: the kinds registry, model, schema, loader and the editors' tools."""
