"""Microsoft Swagger Validator rules of its *Properties* section: schema keywords, enums, extension members."""
