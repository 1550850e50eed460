"""File rules over a connector's script.csx (custom code): what paconn and the platform reject."""
