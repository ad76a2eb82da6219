"""Release builders (one SQL file per table) and human reports."""
