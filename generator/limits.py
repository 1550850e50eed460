"""The limits every input is held to, so that no file can take minutes or gigabytes (see the
README's *Limits* section). Each limit, when passed, gives a located error, never a traceback."""

#: Largest input file read (spec, swagger, apiProperties, readme, reference page), in bytes.
MAX_INPUT_BYTES = 32 * 1024 * 1024
#: Deepest nesting of objects and arrays (YAML or JSON); real connectors stay under 30.
MAX_DEPTH = 100
#: YAML aliases may add at most this many times the nodes written in the file …
ALIAS_EXPANSION_FACTOR = 10
#: … but always at least this many nodes.
ALIAS_EXPANSION_FLOOR = 10_000
#: Findings of one rule in one file shown before the rest is summed up in one line.
FINDINGS_PER_RULE = 200
