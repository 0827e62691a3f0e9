"""Assisted reading: claims, passages and frame codes suggested from a text (no Qt)."""
