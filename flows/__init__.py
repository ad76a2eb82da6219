"""Prefect flows and tasks, sources, and the clinic-anon CLI."""
