"""pacgen's rules that keep credentials out of a connector's files."""
