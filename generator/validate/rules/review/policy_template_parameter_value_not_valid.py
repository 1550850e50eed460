from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.review._helpers import (
    ENUMERATED,
    PARAMETER_PREFIX,
    POLICY_SECTION,
    POLICY_SECTIONS,
    SETHEADER_SECTIONS,
    parameter_pointer,
    policy_instances,
)


def url_template_valid(value) -> bool:
    """A dynamichosturl template is a URL: it starts with http(s):// or with an expression
    (``@connectionParameters('host')``) that yields one."""
    return isinstance(value, str) and value.strip().lower().startswith(("https://", "http://", "@"))


class PolicyTemplateParameterValueNotValid(Rule):
    """A policy template parameter with a fixed list of values must hold one of them.

    ``x-ms-apimTemplate-policySection`` is ``Request`` or ``Response`` (setheader also
    ``Failure``); ``existsAction`` is ``override``, ``skip`` or ``append``; the ``httpMethod``
    of routerequesttoendpoint is an HTTP method or ``@Request.OriginalHTTPMethod``, that of
    setvaluefromurl GET, POST or PUT; ``retainKey`` is ``true`` or ``false``. A dynamichosturl
    ``urlTemplate`` is a URL (or an expression that yields one). The values are those of
    Microsoft's apiProperties schema; the platform compares them exactly.

    Passing example::

        apiProperties:
          properties:
            policyTemplateInstances:
            - templateId: setheader
              title: Accept
              parameters:
                x-ms-apimTemplateParameter.name: Accept
                x-ms-apimTemplateParameter.value: application/json
                x-ms-apimTemplateParameter.existsAction: override
                x-ms-apimTemplate-policySection: Request
            - templateId: dynamichosturl
              title: Host
              parameters: {x-ms-apimTemplateParameter.urlTemplate: "https://@connectionParameters('region').contoso.com"}

    Failing example::

        apiProperties:
          properties:
            policyTemplateInstances:
            - templateId: setheader
              title: Accept
              parameters:
                x-ms-apimTemplateParameter.name: Accept
                x-ms-apimTemplateParameter.value: application/json
                x-ms-apimTemplateParameter.existsAction: replace
                x-ms-apimTemplate-policySection: Requestt
            - templateId: dynamichosturl
              title: Host
              parameters: {x-ms-apimTemplateParameter.urlTemplate: contoso.com}

    Reports:
    - /properties/policyTemplateInstances/0/parameters/x-ms-apimTemplateParameter.existsAction
    - /properties/policyTemplateInstances/0/parameters/x-ms-apimTemplate-policySection
    - /properties/policyTemplateInstances/1/parameters/x-ms-apimTemplateParameter.urlTemplate
    """

    code = "PolicyTemplateParameterValueNotValid"
    severity = Severity.ERROR
    source = "pacgen"
    summary = "policy template parameters with fixed values hold one of them"

    def properties(self, ctx, doc):
        for pointer, template, parameters in policy_instances(doc):
            for key, value in parameters.items():
                allowed = self._allowed(template, key)
                if allowed is not None and value not in allowed:
                    ctx.report(parameter_pointer(pointer, key),
                               f"'{key}' of the '{template}' policy template is not one of its values",
                               f"use one of: {', '.join(allowed)}")
            url = parameters.get(PARAMETER_PREFIX + "urlTemplate")
            if template == "dynamichosturl" and url is not None and not url_template_valid(url):
                ctx.report(parameter_pointer(pointer, PARAMETER_PREFIX + "urlTemplate"),
                           "the dynamichosturl urlTemplate is not a URL",
                           "write it as https://host/path, e.g. https://@connectionParameters('host')")

    @staticmethod
    def _allowed(template, key):
        if key == POLICY_SECTION:
            return SETHEADER_SECTIONS if template == "setheader" else POLICY_SECTIONS
        if key.startswith(PARAMETER_PREFIX):
            return ENUMERATED.get((template, key[len(PARAMETER_PREFIX):]))
        return None
