"""Same input, byte-identical output — across processes. Two builds in one process share the
hash seed, so set or dict-of-set iteration order would look stable there; here each run is its
own interpreter with another PYTHONHASHSEED."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Runs in a fresh interpreter: every command whose output must not depend on the hash seed, on
# inputs rich enough to exercise ordering (all rules' failing examples merged into one swagger).
CHILD = r"""
import hashlib, json, sys
from pathlib import Path
from click.testing import CliRunner
from generator.cli import main
from generator.validate.rule import deep_merge, example_documents, load_all_rules

root, work = Path(sys.argv[1]), Path(".")  # relative: file names in reports are the same in both runs
runner = CliRunner()
outputs = {}

def run(name, *args):
    result = runner.invoke(main, [str(a) for a in args])
    outputs[name] = result.stdout
    outputs[name + " exit"] = result.exit_code

for spec in ("spec/clicksend.yaml", "tests/fixtures/mini.yaml"):
    out = work / Path(spec).stem
    run("build " + spec, "build", root / spec, "-o", out)
    for path in sorted(out.iterdir()):
        outputs[f"{spec} -> {path.name}"] = path.read_bytes().decode("utf-8", "replace")

messy = {}
for rule in load_all_rules().values():
    for example in rule.examples()["failing"]:
        messy = deep_merge(messy, example_documents(example)[0])
(work / "messy.json").write_text(json.dumps(messy, indent=4), "utf-8")
run("validate messy", "validate", work / "messy.json", "--format", "json")
run("validate clicksend", "validate", work / "clicksend", root / "spec/clicksend.yaml", "--format", "sarif")
run("validate messy sarif", "validate", work / "messy.json", "--format", "sarif")
run("import clicksend", "import", work / "clicksend", "-o", work / "imported.yaml")
outputs["imported spec"] = (work / "imported.yaml").read_text("utf-8")
run("rules", "rules")
digests = {name: value if isinstance(value, int) else hashlib.sha256(value.encode()).hexdigest()
           for name, value in outputs.items()}
digests["findings in messy"] = len(json.loads(outputs["validate messy"])["findings"])
print(json.dumps(digests))
"""


def _outputs(tmp_path: Path, seed: str) -> dict:
    work = tmp_path / f"seed-{seed}"
    work.mkdir()
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", CHILD, str(ROOT)], capture_output=True,
                          text=True, env=env, cwd=work)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_outputs_do_not_depend_on_the_hash_seed(tmp_path):
    first, second = _outputs(tmp_path, "1"), _outputs(tmp_path, "2023")
    assert first["findings in messy"] > 150  # enough findings for their order to matter
    assert first["build spec/clicksend.yaml exit"] == first["import clicksend exit"] == 0
    assert len(first) > 12
    different = sorted(name for name in first if first[name] != second.get(name))
    assert different == []
