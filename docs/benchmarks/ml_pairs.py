"""The pairs file of the quality loop, shared by docs/benchmarks/ml-table.py and ml-slices-table.py."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))


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
