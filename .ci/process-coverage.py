#!/usr/bin/env python3
"""Prints the process coverage of our process models, merged over every test class's report
of camunda-process-test-coverage, and fails when a model is below the minimum.

usage: process-coverage.py REPORT_DIR MINIMUM   (e.g. target/process-test-coverage 0.90)
"""
import glob
import json
import sys

MODELS = ("CommuneIssueEscalation", "EscalationLevel", "MonthlyReport", "CalendarRecount")

report_dir, minimum = sys.argv[1], float(sys.argv[2])
covered = {model: set() for model in MODELS}
totals = {}
for path in glob.glob(f"{report_dir}/**/report.json", recursive=True):
    with open(path, encoding="utf-8") as report_file:
        report = json.load(report_file)
    for model in report["models"]:
        totals[model["key"]] = model["totalElementCount"]
    for suite in report["suites"]:
        for run in suite["runs"]:
            for event in run["events"]:
                if event["modelKey"] in covered:
                    covered[event["modelKey"]].add(event["definitionKey"])

failed = False
for model in MODELS:
    if model not in totals:
        print(f"{model}: no coverage report found under {report_dir}")
        failed = True
        continue
    ratio = len(covered[model]) / totals[model]
    print(f"{model}: {len(covered[model])} of {totals[model]} flow nodes and sequence flows"
          f" walked by tests ({ratio:.1%}; minimum {minimum:.0%})")
    failed |= ratio < minimum
sys.exit(1 if failed else 0)
