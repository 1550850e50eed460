"""Microsoft Swagger Validator rules of its *Not supported* section: OpenAPI 2.0 features Power Platform rejects."""
