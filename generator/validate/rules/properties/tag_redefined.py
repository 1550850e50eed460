from generator.findings import Severity
from generator.validate.rule import Rule


class TagRedefined(Rule):
    """Each tag in the root ``tags`` list must be defined once.

    The root ``tags`` list gives each tag name its description; defining the same name twice
    leaves it unclear which definition applies.

    Passing example::

        tags: [{name: Messages}, {name: Contacts}]

    Failing example::

        tags: [{name: Messages}, {name: Messages, description: Send and list messages}]

    Reports: /tags/1/name
    """

    code = "TagRedefined"
    severity = Severity.ERROR
    summary = "no tag is defined twice in the root 'tags' list"

    def document(self, ctx, doc):
        tags = doc.get("tags")
        if not isinstance(tags, list):
            return
        seen: set[str] = set()
        for index, tag in enumerate(tags):
            name = tag.get("name") if isinstance(tag, dict) else None
            if not isinstance(name, str):
                continue
            if name in seen:
                ctx.report(f"/tags/{index}/name", f"the 'tags' list defines the tag '{name}' more than once",
                           "keep one definition of each tag and remove or rename the others")
            seen.add(name)
