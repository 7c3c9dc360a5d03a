"""RDF for kgload: deterministic IRIs, quads in document graphs, SHACL validation (all pure)."""
