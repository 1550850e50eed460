"""One defect, one finding: merge what the stages say about the same element.

The OpenAPI stage (``OpenApiInvalid``) can give several reasons for one element (a default
``"0"`` is "not of type 'integer'" and "not one of [0, 1]"), and a swagger rule can judge an
element the OpenAPI stage already rejected (a string-spelled default, an empty ``responses``).
A maintainer fixes one thing there, so it is reported once: the OpenAPI stage's reasons for one
element become one finding, and a rule's finding on an element the OpenAPI stage reported is
dropped (the OpenAPI verdict is the one Microsoft's pipeline applies first).
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.findings import Finding

OPENAPI_CODE = "OpenApiInvalid"


def one_finding_per_element(findings: Iterable[Finding], rule_codes: frozenset[str]) -> list[Finding]:
    """``findings`` with the OpenAPI stage's findings merged per element and the findings of
    ``rule_codes`` dropped where the OpenAPI stage reported the same element (file and pointer).
    Order otherwise kept; the merged finding stands where its element's first finding stood."""
    findings = list(findings)
    reasons: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        if finding.code == OPENAPI_CODE and finding.pointer:
            reasons.setdefault((finding.file, finding.pointer), []).append(finding)
    result, placed = [], set()
    for finding in findings:
        element = (finding.file, finding.pointer)
        if finding.code == OPENAPI_CODE and element in reasons:
            if element not in placed:
                placed.add(element)
                result.append(_merged(reasons[element]))
        elif finding.code in rule_codes and element in reasons:
            continue
        else:
            result.append(finding)
    return result


def _merged(same_element: list[Finding]) -> Finding:
    first = same_element[0]
    if len(same_element) == 1:
        return first
    messages = list(dict.fromkeys(f.message for f in same_element))
    # The validator's messages repeat the element's path before ': '; say it once.
    prefix = first.message.split(": ", 1)[0] + ": "
    if all(m.startswith(prefix) for m in messages):
        message = prefix + "; ".join(m[len(prefix):] for m in messages)
    else:
        message = "; ".join(messages)
    return first._replace(message=message, omitted=sum(f.omitted for f in same_element))
