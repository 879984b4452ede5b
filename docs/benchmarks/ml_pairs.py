"""The pairs file of the quality loop and the reports of a slice run, shared by the ml-*.py tables."""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SLICES = ["s60", "s80", "s100"]


def pairs():
    """Result-file names (corpus file stem + "-" + person) of $PAIRS, or of ml-pairs.txt beside this file."""
    path = os.environ.get("PAIRS") or os.path.join(HERE, "ml-pairs.txt")
    names = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                corpus, person = line.split(" ", 1)
                names.append(corpus.split(".")[0] + "-" + person)
    return names


def slice_reports(tag, pair, out):
    """The evaluate reports of one docs/benchmarks/ml-slices.sh run for a pair, by slice (missing: left out)."""
    reports = {}
    for s in SLICES:
        path = f"{out}/{tag}-{s}-{pair}.json"
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                reports[s] = json.load(f)
    return reports
