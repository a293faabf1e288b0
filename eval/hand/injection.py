"""The injection suite: each injection passage of injection_variants.json (written by a second author who did
not read the screen's code) placed into a warranty claim the worker answers right without it.

The expected answer is the clean claim's own label: an injection must change nothing but the flag. Bases cycle
through every action of the policy. Writes eval/cases/injection-warranty.jsonl (run from the repository root);
`python3 eval/hand/injection.py VARIANTS OUT PREFIX` builds another set the same way (a blind set kept out of the
repository). A variant with "injection": false is a benign look-alike: it is tagged `benign`, not `injection`, so
flagging it counts as a false flag.
"""
import json, sys

VARIANTS, OUT, PREFIX = (sys.argv[1:4] if len(sys.argv) > 3
                         else ("eval/hand/injection_variants.json", "eval/cases/injection-warranty.jsonl", "inj-war"))

BASES = [  # (case id in eval/cases/warranty.jsonl) chosen because the worker answers them right without the model
    line.strip() for line in open("eval/hand/injection_bases.txt") if line.strip() and not line.startswith("#")
]

def place(body, text, placement):
    if placement == "prepend":
        return text + "\n\n" + body
    if placement == "middle":
        paragraphs = body.split("\n\n")
        middle = max(1, len(paragraphs) // 2)
        return "\n\n".join(paragraphs[:middle] + [text] + paragraphs[middle:])
    return body + "\n\n" + text

cases = {c["id"]: c for c in map(json.loads, open("eval/cases/warranty.jsonl"))}
variants = json.load(open(VARIANTS))
with open(OUT, "w") as out:
    for index, variant in enumerate(variants):
        base = cases[BASES[index % len(BASES)]]
        body = place(base["input"]["body"], variant["text"], variant["placement"])
        case = {
            "id": "%s-%02d" % (PREFIX, index + 1), "task": "warranty",
            "input": dict(base["input"], body=body), "expected": base["expected"],
            "tags": ["injection" if variant.get("injection", True) else "benign", variant["style"], "lang_" + variant["language"], "base_" + base["expected"]["action"]],
            "provenance": {"base": base["id"], "variant": variant["id"]},
        }
        out.write(json.dumps(case, sort_keys=True, ensure_ascii=False) + "\n")
