"""Size of imported specs against the connector's JSON, beside the exact-rebuild share (figures,
not a test): lines of the imported spec / lines of apiDefinition.swagger.json + apiProperties.json.

    .venv/bin/python bench/import_size.py ../shared/corpus
"""

from __future__ import annotations

import sys

from generator.importer.roundtrip import run


def main(paths: list[str]) -> None:
    summary = run(paths)
    print(f"connectors: {len(summary.outcomes)}  parseable: {summary.parseable}  exact: "
          f"{summary.count('exact')} ({100 * summary.exact_share:.1f} %)  in {summary.seconds:.0f} s "
          f"on {summary.jobs} process(es)")
    print("spec lines / JSON lines: " + "  ".join(
        f"{label} {100 * summary.size_percentile(share):.1f} %"
        for label, share in (("p10", 0.1), ("p25", 0.25), ("median", 0.5), ("p75", 0.75), ("p90", 0.9),
                             ("max", 1.0))))
    layouts = sorted(o.layout_lines for o in summary.outcomes if o.layout_lines)
    if layouts:
        print(f"specs with a layout: section: {len(layouts)} of {summary.count('exact')} exact; its lines: "
              f"median {layouts[len(layouts) // 2]}, p90 {layouts[int(0.9 * len(layouts))]}, max {layouts[-1]}")
    empties = [o.empty_lists for o in summary.outcomes if o.status == "exact"]
    print(f"operations' empty lists left in the spec: {sum(empties)}, in {sum(1 for n in empties if n)} specs")
    largest = sorted((o for o in summary.outcomes if o.size_share is not None), key=lambda o: o.size_share)
    for outcome in largest[-3:]:
        print(f"  largest share: {outcome.folder.name}: {100 * outcome.size_share:.1f} %")


if __name__ == "__main__":
    main(sys.argv[1:] or ["../shared/corpus"])
