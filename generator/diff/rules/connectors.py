"""Whole connectors that a git change added or deleted (``pacgen diff --changed``). They have no
before/after example of their own: tests/test_diff_git.py makes them in a git repository."""

from __future__ import annotations

from generator.diff.rule import ChangeRule
from generator.findings import Severity


class ConnectorAdded(ChangeRule):
    """The connector did not exist in the base revision, or its base version cannot be read (a
    change that repairs a broken file): nothing to compare, nothing breaks."""

    code = "ConnectorAdded"
    severity = Severity.INFO
    summary = "a connector new since the base revision"
    whole_connector = True


class ConnectorRemoved(ChangeRule):
    """The connector existed in the base revision and is gone: every flow using it breaks."""

    code = "ConnectorRemoved"
    severity = Severity.ERROR
    summary = "a connector deleted since the base revision"
    whole_connector = True
