"""Microsoft Swagger Validator rules of its *Parameters* section, and pacgen's rules about parameters."""
