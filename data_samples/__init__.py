"""Synthetic clinic data: the seeded generator and a small committed sample."""
