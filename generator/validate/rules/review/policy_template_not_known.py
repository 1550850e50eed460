import difflib

from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.review._helpers import TEMPLATES, policy_instances


class PolicyTemplateNotKnown(Rule):
    """A policy template instance's ``templateId`` must be a template the platform has.

    The known templates are the 13 of Microsoft's apiProperties schema for paconn (setheader,
    dynamichosturl, routerequesttoendpoint, setqueryparameter, pollingtrigger, setproperty,
    stringreplace, updatenextlink, convertobjecttoarray, convertarraytoobject, setvaluefromurl,
    stringtoarray, encodepropertyvalue) and three merged connectors use although the schema
    lacks them (setconnectionstatustounauthenticated, moveproperties, dynamicsubdomain). Case
    does not matter: the schema accepts ``setheader`` and ``SetHeader``. An unknown id is
    rejected when the connector is uploaded.

    Passing example::

        apiProperties:
          properties:
            policyTemplateInstances:
            - templateId: SetHeader
              title: Accept
              parameters: {x-ms-apimTemplateParameter.name: Accept, x-ms-apimTemplateParameter.value: application/json}

    Failing example::

        apiProperties:
          properties:
            policyTemplateInstances:
            - templateId: setheaderz
              title: Accept
              parameters: {x-ms-apimTemplateParameter.name: Accept, x-ms-apimTemplateParameter.value: application/json}

    Reports: /properties/policyTemplateInstances/0/templateId
    """

    code = "PolicyTemplateNotKnown"
    severity = Severity.ERROR
    source = "pacgen"
    summary = "policy templateIds are templates the platform has"

    def properties(self, ctx, doc):
        for pointer, template, _parameters in policy_instances(doc):
            if template is None or template in TEMPLATES:
                continue
            close = difflib.get_close_matches(template, sorted(TEMPLATES), n=1, cutoff=0.6)
            ctx.report(f"{pointer}/templateId", "the policy templateId is not a template the platform has",
                       f"did you mean '{close[0]}'?" if close
                       else f"use one of: {', '.join(sorted(TEMPLATES))}")
