"""Counts undecided cards that duplicate another: the same order, the same exception kind and an item in common
(a SKU, or an order line the request's words name), or items unknown on either side. Used for BENCHMARKS.md:
    python3 scripts/duplicate-cards.py DEMO/triage.sqlite"""
import collections
import json
import re
import sqlite3
import sys

db = sqlite3.connect(sys.argv[1])
lines = collections.defaultdict(list)
for number, sku, description in db.execute(
        "SELECT o.order_number, l.sku, l.description FROM order_lines l JOIN orders o ON o.order_id = l.order_id"):
    lines[number].append((sku, set(re.findall(r"[a-z0-9]{3,}", description.lower()))))


def items(number, payload, text):
    skus = {i["sku"] for i in payload.get("items", []) if isinstance(i, dict) and i.get("sku")}
    words = set(re.findall(r"[a-z0-9]{3,}", (text or "").lower()))
    for item in payload.get("items", []):
        if isinstance(item, dict):
            words |= set(re.findall(r"[a-z0-9]{3,}", str(item.get("description", "")).lower()))
    skus |= {sku for sku, name in lines[number] if len(name & words) >= 2}
    return skus


groups = collections.defaultdict(list)
for card, kind, number, payload, text in db.execute(
        """SELECT c.id, c.kind, c.order_number, e.payload, e.text FROM cards c JOIN exceptions e ON e.id = c.exception_id
           WHERE c.status IN ('open', 'awaiting_confirmation') AND c.order_number IS NOT NULL"""):
    groups[(number, kind)].append((card, items(number, json.loads(payload), text)))
pairs = [(a[0], b[0]) for cards in groups.values() for i, a in enumerate(cards) for b in cards[i + 1:]
         if not a[1] or not b[1] or a[1] & b[1]]
print(f"undecided duplicate pairs (same order, kind and item): {len(pairs)} {pairs[:10]}")
