"""The checks added for issue 15 (policy templates, secrets) report no error on merged
connectors known to work, except the listed ones, each a real defect."""

import json
from pathlib import Path

import pytest

from generator.findings import Severity
from generator.validate.rule import load_all_rules, run_rules

NEW_CHECKS = ("PolicyTemplateNotKnown", "PolicyTemplateParameterMissing",
              "PolicyTemplateParameterValueNotValid", "PolicyTemplateOperationNotFound",
              "PolicyTemplateConnectionParameterNotFound", "PolicyTemplateHasCredential",
              "SecretParameterHasValue")

#: (connector folder, code): real defects in merged connectors, with the reason.
EXCEPTIONS = {
    # dynamichosturl refers to @connectionParameters('jupyrestinstance'); the connector defines
    # no connection parameters at all.
    ("Jupyrest", "PolicyTemplateConnectionParameterNotFound"),
    # the 'password' query parameter has the literal default 'evapps'.
    ("easyvistaselfhelp", "SecretParameterHasValue"),
}


def _load(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return None


def test_new_checks_report_no_error_on_merged_connectors(corpus_path):
    rules = [load_all_rules()[code] for code in NEW_CHECKS]
    unexpected, seen = [], set()
    folders = sorted(p.parent for p in corpus_path.rglob("apiDefinition.swagger.json"))
    assert len(folders) > 500
    for folder in folders:
        swagger = _load(folder / "apiDefinition.swagger.json")
        properties = _load(folder / "apiProperties.json")
        if not isinstance(swagger, dict):
            continue
        for finding in run_rules(swagger, properties if isinstance(properties, dict) else None, rules):
            if finding.severity is not Severity.ERROR:
                continue
            if (folder.name, finding.code) in EXCEPTIONS:
                seen.add((folder.name, finding.code))
            else:
                unexpected.append(f"{folder.name}: {finding.code} {finding.pointer}")
    assert unexpected == []
    assert seen == EXCEPTIONS, "an exception no longer applies: remove it"


@pytest.mark.parametrize("code", NEW_CHECKS)
def test_new_checks_are_listed_rules(code):
    assert code in load_all_rules()
