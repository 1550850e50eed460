"""Microsoft Swagger Validator rules of its *Metadata* section: info, host, schemes, apiProperties.json."""
