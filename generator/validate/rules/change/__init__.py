"""Rules about changes between two versions of a connector (none yet here; `pacgen diff` has its own in
generator/diff/rules/): add change rules that validate one document here."""
