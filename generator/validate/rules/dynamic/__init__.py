"""Rules about the extensions that call another operation: x-ms-dynamic-values/-schema/-list/-properties/-tree
(Microsoft Swagger Validator IDs from its Operations and Properties sections)."""
