"""Microsoft Swagger Validator rules of its *Arrays* section: arrays that must not be empty."""
