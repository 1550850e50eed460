"""Microsoft's connector coding standards: operation ids, descriptions, responses."""
