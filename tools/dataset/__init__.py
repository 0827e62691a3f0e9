"""Build tooling for the bundled dataset: hand-authored parts plus corpus anchoring."""
