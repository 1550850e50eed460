"""The exit codes of every pacgen command, defined once: command modules pick one, stages never exit."""

EXIT_OK = 0
EXIT_FINDINGS = 1  # findings at the failing severity, or an operation that failed (e.g. an upload)
EXIT_UNUSABLE = 2  # unusable input or usage
