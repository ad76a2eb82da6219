"""Quasi-identifiers in free text (ages, dates, places, workplaces, schools, rare occupations, body
measures): one small detector class per type, word lists in data/ (one vocabulary per file), and the
per-release policy that says what each release writes instead."""
