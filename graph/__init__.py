"""Build, export and view the newsgraph knowledge graph."""
