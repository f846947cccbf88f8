"""The Glacier records of a CloudTrail tree as NDJSON on stdout: the plain Python way."""
import gzip
import json
import os
import sys

def main(root):
    paths = []
    for folder, _, names in os.walk(root):
        paths.extend(os.path.join(folder, n) for n in names if n.endswith(".json.gz"))
    out = sys.stdout
    for path in sorted(paths):
        with gzip.open(path, "rb") as f:
            log = json.load(f)
        for record in log.get("Records", []):
            if record.get("eventSource") == "glacier.amazonaws.com":
                out.write(json.dumps(record, separators=(",", ":")))
                out.write("\n")

main(sys.argv[1])
