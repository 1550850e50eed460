import json

from generator.findings import Severity
from generator.validate.rule import Rule

#: The largest swagger the platform accepts, in bytes (the certification checklist's "< 1 MB").
SWAGGER_MAX_BYTES = 1_048_576


def uploaded_size(swagger) -> int:
    """Bytes of the swagger as paconn uploads it: it parses the file and sends the document as the
    JSON body of its request (Python's default separators, non-ASCII escaped), so the file's own
    indentation does not count, and a spec and its built folder measure alike."""
    return len(json.dumps(swagger).encode("ascii"))


class SwaggerTooLarge(Rule):
    """The swagger is at most 1 MB (1,048,576 bytes).

    Certification requires the swagger to stay under 1 MB. The size is measured as paconn
    uploads the definition (compact JSON: it re-serialises the parsed file), not as the file
    lies on disk: Encodian's merged swagger is 1,104,994 bytes on disk with two-space
    indentation but 757,681 bytes uploaded, the largest of the corpus, and the rule fires on
    none of the 628 readable connectors. Split a large API into several connectors, or share
    schemas through ``definitions`` and ``parameters``.
    The failing example stays short through YAML aliases: written out, it exceeds 1 MB.

    Passing example::

        definitions:
          Item: {type: object, properties: {id: {type: string}}}

    Failing example::

        x-padding:
          - &kb [&s xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx,
                 *s, *s, *s, *s, *s, *s, *s, *s, *s]
          - &ten [*kb, *kb, *kb, *kb, *kb, *kb, *kb, *kb, *kb, *kb]
          - &hundred [*ten, *ten, *ten, *ten, *ten, *ten, *ten, *ten, *ten, *ten]
          - [*hundred, *hundred, *hundred, *hundred, *hundred, *hundred, *hundred, *hundred, *hundred, *hundred]

    Reports: ''
    """

    code = "SwaggerTooLarge"
    severity = Severity.ERROR
    source = "pacgen"
    summary = "the swagger is at most 1 MB (1,048,576 bytes) as uploaded"

    def document(self, ctx, doc):
        size = uploaded_size(doc)
        if size > SWAGGER_MAX_BYTES:
            ctx.report("", f"the swagger is {size:,} bytes as uploaded (compact JSON); the platform accepts at most "
                           f"{SWAGGER_MAX_BYTES:,} bytes",
                       "split the API into several connectors, or share repeated schemas through "
                       "definitions and parameters")
