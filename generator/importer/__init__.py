"""Existing connector → spec: read the folder (reader), invert the model (inverse), write YAML
(emit); convert wires them and rebuilds in memory; roundtrip runs that over many connectors."""
