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

    Reports: /definitions/Node
    """

    code = "RequiredLoopInSchemaNotAllowed"
    severity = Severity.ERROR
    summary = "definitions do not require each other in a loop"
    schema_roles = frozenset({"definition"})

    def __init__(self):
        self.edges: dict = {}

    def schema(self, ctx, schema):
        if schema.role == "definition":
            self.edges[schema.name] = _required_targets(schema.node)

    def finish(self, ctx):
        for component in self._components():
            first = component[0]
            loop = self._loop_through(first, set(component))
            if not loop:
                continue
            shown = loop if len(loop) <= 6 else loop[:5] + [f"... ({len(loop) - 5} more)"]
            chain = " -> ".join(shown + [first])
            ctx.report(pointer_of("definitions", first),
                       f"definitions form a loop of required properties: {chain}",
                       "make one property of the loop optional (remove it from 'required')")

    def _components(self):
        """Strongly connected components of the required-reference graph (Tarjan, iterative),
        each listed in document order."""
        order = {name: i for i, name in enumerate(self.edges)}
        index, low, on_stack, stack, found = {}, {}, set(), [], []
        for root in self.edges:
            if root in index:
                continue
            work = [(root, iter(self.edges[root]))]
            index[root] = low[root] = len(index)
            stack.append(root)
            on_stack.add(root)
            while work:
                name, targets = work[-1]
                advanced = False
                for target in targets:
                    if target not in self.edges:
                        continue
                    if target not in index:
                        index[target] = low[target] = len(index)
                        stack.append(target)
                        on_stack.add(target)
                        work.append((target, iter(self.edges[target])))
                        advanced = True
                        break
                    if target in on_stack:
                        low[name] = min(low[name], index[target])
                if advanced:
                    continue
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[name])
                if low[name] == index[name]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == name:
                            break
                    found.append(sorted(component, key=order.get))
        return sorted(found, key=lambda c: order[c[0]])

    def _loop_through(self, start, members):
        """The shortest cycle of required references from ``start`` back to itself, staying
        inside its component, or None (a single definition that does not require itself)."""
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
                    if target in members and target not in parents:
                        parents[target] = name
                        following.append(target)
            frontier = following
        return None
