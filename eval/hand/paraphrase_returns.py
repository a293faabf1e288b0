#!/usr/bin/env python3
"""Rewrites the facts of ../shared/realdata's structured return requests in six wordings that neither the real
suite nor the demo generator uses (a letter, a forwarded mail with a From header, a chat message, a shop note about
a call, a formal complaint, a terse form), as a check that the return matcher reads facts, not one file's phrasing.

    python3 eval/hand/paraphrase_returns.py OUT_DIR      # writes OUT_DIR/paraphrased.json and its cases
    triage eval run --no-llm --suite OUT_DIR/paraphrased.json

Not a gate (its text is ours); the figures it gave are in BENCHMARKS.md.
"""
import json
import os
import random
import sys

REAL = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "realdata")


def items_text(items, style):
    parts = []
    for item in items:
        qty, name = item.get("qty"), item["description"]
        if qty is None:
            parts.append(name if style % 2 else "the " + name)
        else:
            parts.append([f"{qty}x {name}", f"{name} (qty {qty})", f"{qty} {name}", f"{name} x {qty}"][style])
    return " and ".join(parts) if len(parts) < 3 else ", ".join(parts[:-1]) + " and " + parts[-1]


def text(facts, style, rng):
    name, amount = facts["customer_name"], facts.get("refund_amount")
    note = facts.get("note") or ""
    month = note.split("purchased in ")[1].split(";")[0] if "purchased in" in note else None
    city = (facts.get("address") or {}).get("city")
    goods = items_text(facts["items"], rng.randrange(4))
    money = f" The refund should be ${amount}." if amount else ""
    place = f" I live in {city}." if city else ""
    return [
        f"Hello team,\n\nI'd like to return {goods} that I bought{f' back in {month}' if month else ''}.{money}{place}\n\nBest,\n{name}",
        f"From: {name} <customer@example.com>\nSubject: Return\n\nPlease take back {goods}{f' ordered {month}' if month else ''}.{money}",
        f"Hi there, my name is {name}.{place} I want to send back {goods}.{money} Thanks!",
        f"{name} rang the store: returning {goods}{f' from {month}' if month else ''}.{f' Paid {amount}.' if amount else ''}",
        f"Dear Sir/Madam, I am writing about {goods}{f' purchased in {month}' if month else ''}, which I no longer need.{money} Sincerely, {name}",
        f"Return request for {goods}.{money}{place}\nRegards, {name}",
    ][style]


def main(out):
    rng = random.Random(7)
    os.makedirs(os.path.join(out, "cases"), exist_ok=True)
    source = os.path.join(REAL, "cases", "dev-superstore-returns-structured.jsonl")
    with open(source) as cases, open(os.path.join(out, "cases", "paraphrased.jsonl"), "w") as written:
        for line in cases:
            case = json.loads(line)
            style = rng.randrange(6)
            record = {"id": case["id"], "task": "return_match",
                      "input": {"text": text(case["input"], style, rng), "received_at": case["input"]["received_at"]},
                      "expected": case["expected"], "tags": ["paraphrased", f"style{style}"]}
            written.write(json.dumps(record) + "\n")
    fixtures = os.path.abspath(os.path.join(REAL, "fixtures", "dev-superstore"))
    manifest = {"name": "paraphrased-returns-text", "task": "return_match", "cases": "cases/paraphrased.jsonl",
                "fixtures": {"orders": os.path.join(fixtures, "orders.jsonl"),
                             "products": os.path.join(fixtures, "products.jsonl")}}
    with open(os.path.join(out, "paraphrased.json"), "w") as handle:
        json.dump(manifest, handle, indent=1)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/paraphrased")
