from generator.findings import Severity
from generator.validate.rule import Rule

#: Colours certification refuses: the platform's default (what paconn's templates write) and white.
REJECTED_COLORS = {"#007ee5": "the platform's default colour", "#ffffff": "white"}


class BrandColorNotAllowed(Rule):
    """``iconBrandColor`` is neither the default ``#007ee5`` nor white ``#ffffff``.

    The certification pull-request template asks for a valid brand colour, and reviewers reject
    ``#007ee5`` (the colour paconn's templates and many tools write by default) and ``#ffffff``
    (the icon disappears on the white connector card). Use the publisher's own colour;
    independent publishers use ``#da3b01``. The comparison ignores case. On the corpus it fires
    on 10 of 628 readable connectors.

    Passing example::

        apiProperties: {properties: {iconBrandColor: '#da3b01'}}

    Failing example::

        apiProperties: {properties: {iconBrandColor: '#007EE5'}}

    Reports: /properties/iconBrandColor

    Failing example::

        apiProperties: {properties: {iconBrandColor: '#ffffff'}}

    Reports: /properties/iconBrandColor
    """

    code = "BrandColorNotAllowed"
    severity = Severity.ERROR
    source = "pacgen"
    summary = "iconBrandColor is not the default #007ee5 or white #ffffff"

    def properties(self, ctx, doc):
        props = doc.get("properties") if isinstance(doc, dict) else None
        color = props.get("iconBrandColor") if isinstance(props, dict) else None
        if not isinstance(color, str):
            return
        what = REJECTED_COLORS.get(color.strip().lower())
        if what:
            ctx.report("/properties/iconBrandColor",
                       f"iconBrandColor {color.strip().lower()} is {what}, which certification rejects",
                       "set the publisher's brand colour (independent publishers use #da3b01)")
