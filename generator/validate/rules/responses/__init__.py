"""Microsoft Swagger Validator rules of its *Response* section: responses, references, schema counts."""
