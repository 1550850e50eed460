"""Microsoft Swagger Validator rules of its *Security* section: security definitions and requirements."""
