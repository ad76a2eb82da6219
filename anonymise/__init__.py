"""Detection, field policy, operators, pseudonym keys and the leak scanner."""
