"""Microsoft's string guidance for connectors: summaries, x-ms-summary, trigger wording."""
