from generator.findings import Severity, pointer_of, unescape_token
from generator.validate.rule import Rule


def _required_targets(root):
    """Definitions that an instance of ``root`` must contain: references reached through
    allOf members and required properties (not through arrays or additionalProperties, which
    may be empty)."""
    targets = []
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if not isinstance(node, dict) or depth > 100:
            continue
        ref = node.get("$ref")
        if isinstance(ref, str):
            if ref.startswith("#/definitions/") and ref.count("/") == 2:
                targets.append(unescape_token(ref[len("#/definitions/"):]))
            continue
        for member in node.get("allOf") if isinstance(node.get("allOf"), list) else ():
            stack.append((member, depth + 1))
        props, required = node.get("properties"), node.get("required")
        if isinstance(props, dict) and isinstance(required, list):
            for name in required:
                if isinstance(name, str) and name in props:
                    stack.append((props[name], depth + 1))
    return targets


class RequiredLoopInSchemaNotAllowed(Rule):
    """Definitions must not require each other in a loop.

    If definition A has a required property (or allOf member) of definition B, and B in turn
    requires A (directly or through other definitions, or A requires itself), no finite value
    can ever satisfy the schema. Optional properties and arrays may recurse; required ones may
    not.

    Passing example::

        definitions:
          Node:
            type: object
            required: [name]
            properties: {name: {type: string}, parent: {$ref: '#/definitions/Node'}}

    Failing example::

        definitions:
          Node:
            type: object
            required: [parent]
            properties: {parent: {$ref: '#/definitions/Node'}}
    """

    code = "RequiredLoopInSchemaNotAllowed"
    severity = Severity.ERROR
    summary = "definitions do not require each other in a loop"

    def __init__(self):
        self.edges: dict = {}

    def schema(self, ctx, schema):
        if schema.role == "definition":
            self.edges[schema.name] = _required_targets(schema.node)

    def finish(self, ctx):
        reported: set = set()
        for start in self.edges:
            if start in reported:
                continue
            loop = self._loop_through(start)
            if loop:
                reported.update(loop)
                shown = loop if len(loop) <= 6 else loop[:5] + [f"... ({len(loop) - 5} more)"]
                chain = " -> ".join(shown + [loop[0]])
                ctx.report(pointer_of("definitions", start),
                           f"definitions form a loop of required properties: {chain}",
                           "make one property of the loop optional (remove it from 'required')")

    def _loop_through(self, start):
        """The shortest cycle of required references from ``start`` back to itself, or None."""
        parents = {start: None}
        frontier = [start]
        while frontier:
            following = []
            for name in frontier:
                for target in self.edges.get(name, ()):
                    if target == start:
                        path = [name]
                        while parents[path[-1]] is not None:
                            path.append(parents[path[-1]])
                        return list(reversed(path))
                    if target not in parents and target in self.edges:
                        parents[target] = name
                        following.append(target)
            frontier = following
        return None
