"""Measuring digest against annotated data (`digest eval`)."""
