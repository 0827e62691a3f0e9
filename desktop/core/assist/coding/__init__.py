"""Frame codes, tone and epistemic status learned from the library's own codings."""
