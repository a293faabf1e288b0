"""Hand-written fixtures for the hard eval cases (run once by hand; output committed under eval/hand/fixtures/).

Every id carries an `h` so it never collides with the generator's data. Dates sit around the suites' anchor,
2026-11-20. Policies: see products (warranty_months, return_window_days).
"""
import json, os

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "fixtures")
os.makedirs(out, exist_ok=True)

products = [
    ("H-KET", "Gooseneck kettle, brushed steel", "appliances", 12, 30),
    ("H-BLN", "High-speed blender 1.5L", "appliances", 24, 30),
    ("H-HPH", "Wireless noise-cancelling headphones", "electronics", 12, 14),
    ("H-JKT", "Waterproof hiking jacket, navy", "apparel", 6, 60),
    ("H-BOOT", "Leather chelsea boots", "footwear", 6, 30),
    ("H-LAMP", "Brass desk lamp", "home", 24, 30),
    ("H-TOY", "Wooden train set, 40 pieces", "toys", 3, 30),
    ("H-CUP", "Stoneware mug set of 4", "home", 0, 30),
]
prices = {"H-KET": "79.00", "H-BLN": "149.00", "H-HPH": "199.00", "H-JKT": "140.00", "H-BOOT": "180.00",
          "H-LAMP": "120.00", "H-TOY": "59.00", "H-CUP": "36.00"}
names = {p[0]: p[1] for p in products}

def order(n, name, email, address, placed, delivered, lines, currency="USD", phone=None):
    items = [{"sku": sku, "description": names[sku], "qty": qty, "unit_price": price or prices[sku]}
             for sku, qty, price in lines]
    total = sum(int(round(float(i["unit_price"]) * 100)) * i["qty"] for i in items)
    customer = {"name": name, "email": email, "address": address}
    if phone: customer["phone"] = phone
    o = {"order_id": f"h-ord-{n:02d}", "order_number": f"#H10{n:02d}", "customer": customer,
         "placed_at": placed + "T12:00:00Z", "currency": currency, "total": f"{total // 100}.{total % 100:02d}",
         "lines": items, "status": "delivered" if delivered else "shipped"}
    if delivered: o["delivered_at"] = delivered
    return o

def addr(line1, city, postcode, country="US"):
    return {"line1": line1, "city": city, "postcode": postcode, "country": country}

orders = [
    order(1, "Margaret Abernathy", "peggy.abernathy@hand.example", addr("14 Elm Row", "Portland", "97205"),
          "2026-10-20", "2026-10-23", [("H-KET", 1, None)]),
    order(2, "Margaret Abernathy", "m.abernathy@hand.example", addr("9 Court St", "Salem", "97301"),
          "2026-09-15", "2026-09-18", [("H-LAMP", 1, None)]),
    order(3, "Jonathan Przybylski", "jon.przybylski@hand.example", addr("88 Lake Shore Dr", "Chicago", "60611"),
          "2026-11-01", "2026-11-04", [("H-HPH", 1, None)]),
    order(4, "Jonathan Przybylski", "jon.przybylski@hand.example", addr("88 Lake Shore Dr", "Chicago", "60611"),
          "2026-06-10", "2026-06-13", [("H-HPH", 1, "189.00")]),
    order(5, "Siobhan Featherstonehaugh", "siobhan.f@hand.example", addr("3 Kings Rd", "London", "SW3 4ND", "GB"),
          "2026-10-05", "2026-10-08", [("H-JKT", 1, None)], currency="GBP"),
    order(6, "Ama Oyelaran", "ama.oyelaran@hand.example", addr("19 Rue Sainte-Catherine", "Montreal", "H2X 1K4", "CA"),
          "2026-10-25", "2026-10-29", [("H-BOOT", 1, "210.00"), ("H-JKT", 1, "160.00")], currency="CAD"),
    order(7, "Tomás Quispe", "tomas.quispe@hand.example", addr("250 Mission St", "San Francisco", "94105"),
          "2026-08-01", "2026-08-04", [("H-BLN", 1, None)]),
    order(8, "Haruto Nakagawa-Lund", "haruto.nl@hand.example", addr("1200 Pine St", "Seattle", "98101"),
          "2025-09-01", "2025-09-05", [("H-KET", 1, None)]),
    order(9, "Beatrix Villeneuve", "bea.villeneuve@hand.example", addr("40 Beacon St", "Boston", "02108"),
          "2026-11-02", "2026-11-05", [("H-TOY", 1, None), ("H-CUP", 1, None)]),
    order(10, "Beatrix Villeneuve", "bea.villeneuve@hand.example", addr("40 Beacon St", "Boston", "02108"),
          "2026-07-20", "2026-07-24", [("H-LAMP", 1, None)]),
    order(11, "Chidi Okonkwo-Baptiste", "chidi.ob@hand.example", addr("75 Peachtree St", "Atlanta", "30303"),
          "2026-10-10", "2026-10-14", [("H-BLN", 1, None), ("H-HPH", 1, None)]),
    order(12, "Ingrid Haraldsdottir", "ingrid.h@hand.example", addr("500 Nicollet Mall", "Minneapolis", "55401"),
          "2026-04-02", "2026-04-06", [("H-JKT", 1, None)]),
    order(13, "Rafael Dominguez-Whitlock", "rafa.dw@hand.example", addr("1100 E 6th St", "Austin", "78702"),
          "2026-11-08", "2026-11-11", [("H-BOOT", 1, None)]),
    order(14, "Katarzyna Wisniewska", "kasia.w@hand.example", addr("2200 N Clark St", "Chicago", "60614"),
          "2026-10-28", "2026-10-31", [("H-LAMP", 2, None)]),
    order(15, "Dmitri Aleksandrov-Pike", "dmitri.ap@hand.example", addr("3000 Larimer St", "Denver", "80205"),
          "2026-09-25", None, [("H-BLN", 1, None)]),
]

suppliers = [
    {"supplier_id": "sup-h1", "name": "Harbour & Finch Trading Co.", "aliases": ["Harbour and Finch", "H&F Trading"]},
    {"supplier_id": "sup-h2", "name": "Gebrüder Albrecht KG", "aliases": ["Albrecht KG", "Gebr. Albrecht"]},
    {"supplier_id": "sup-h3", "name": "Tamarind Textiles Pvt. Ltd.", "aliases": ["Tamarind Textiles"]},
    {"supplier_id": "sup-h4", "name": "Polar Peak Supply Inc.", "aliases": ["Polar Peak"]},
]

def po(number, supplier, currency, issued, lines):
    items = [{"sku": sku, "description": names[sku], "qty": qty, "unit_price": price} for sku, qty, price in lines]
    total = sum(int(round(float(i["unit_price"]) * 100)) * i["qty"] for i in items)
    return {"po_number": number, "supplier": supplier, "currency": currency, "total": f"{total // 100}.{total % 100:02d}",
            "issued_at": issued, "lines": items}

purchase_orders = [
    po("PO-9101", "Harbour & Finch Trading Co.", "USD", "2026-10-01", [("H-KET", 40, "42.00"), ("H-LAMP", 20, "61.50")]),
    po("PO-9102", "Gebrüder Albrecht KG", "EUR", "2026-10-05", [("H-BLN", 30, "68.00")]),
    po("PO-9103", "Tamarind Textiles Pvt. Ltd.", "GBP", "2026-10-12", [("H-JKT", 50, "38.00")]),
    po("PO-9104", "Polar Peak Supply Inc.", "CAD", "2026-10-20", [("H-BOOT", 24, "95.00")]),
    po("PO-9105", "Harbour & Finch Trading Co.", "USD", "2026-10-25", [("H-TOY", 60, "22.50")]),
]

invoices = [
    {"supplier": "Harbour & Finch Trading Co.", "invoice_number": "HF-2026-0311", "invoice_date": "2026-10-18", "total": "1680.00"},
    {"supplier": "Gebrüder Albrecht KG", "invoice_number": "RE-4471", "invoice_date": "2026-10-20", "total": "2040.00"},
    {"supplier": "Tamarind Textiles Pvt. Ltd.", "invoice_number": "TT/26/118", "invoice_date": "2026-10-22", "total": "950.00"},
]

def write(name, rows):
    with open(os.path.join(out, name), "w") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")

write("products.jsonl", [{"sku": s, "description": d, "category": c, "warranty_months": w, "return_window_days": r}
                         for s, d, c, w, r in products])
write("orders.jsonl", orders)
write("suppliers.jsonl", suppliers)
write("purchase_orders.jsonl", purchase_orders)
write("invoices.jsonl", invoices)
