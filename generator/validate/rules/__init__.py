"""One module per Microsoft Swagger Validator rule (or per small family); see ``rule.py``."""
