"""Stage 4: the MkDocs side: the plugin, the build, settings and what the published pages need."""
