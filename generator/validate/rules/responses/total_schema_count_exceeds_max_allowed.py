from generator.findings import Severity
from generator.validate.rule import Rule

#: Assumed limit: Microsoft's message names one but its documentation does not give the value.
MAX_SCHEMAS = 10000


class TotalSchemaCountExceedsMaxAllowed(Rule):
    """The whole swagger may hold a limited number of schemas.

    Every property, item, allOf, body and response schema and definition the file writes out
    counts (references are not expanded; the example uses YAML aliases to write many).
    Microsoft does not publish the limit; we assume 10,000, well above the largest certified
    connector (about 5,900).

    Passing example::

        definitions:
          Pet: {type: object, properties: {name: {type: string}}}

    Failing example::

        definitions:
          L0: &l0 {type: string}
          L1: &l1 {type: object, properties: {a: *l0, b: *l0, c: *l0, d: *l0, e: *l0,
                                              f: *l0, g: *l0, h: *l0, i: *l0, j: *l0}}
          L2: &l2 {type: object, properties: {a: *l1, b: *l1, c: *l1, d: *l1, e: *l1,
                                              f: *l1, g: *l1, h: *l1, i: *l1, j: *l1}}
          L3: &l3 {type: object, properties: {a: *l2, b: *l2, c: *l2, d: *l2, e: *l2,
                                              f: *l2, g: *l2, h: *l2, i: *l2, j: *l2}}
          L4: {type: object, properties: {a: *l3, b: *l3, c: *l3, d: *l3, e: *l3,
                                          f: *l3, g: *l3, h: *l3, i: *l3, j: *l3}}

    Reports: ''
    """

    code = "TotalSchemaCountExceedsMaxAllowed"
    severity = Severity.ERROR
    summary = "the swagger holds at most 10,000 schemas (assumed limit)"

    def finish(self, ctx):
        # The walk counts the schemas it visits, by role: no call per schema needed here.
        count = sum(seen for role, seen in ctx.schema_roles.items() if role != "header")
        if count > MAX_SCHEMAS:
            ctx.report("", f"the swagger holds {count} schemas, more than {MAX_SCHEMAS}",
                       "remove unneeded properties and definitions, or split the connector")
