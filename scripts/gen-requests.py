#!/usr/bin/env python3
"""Writes N request lines (JSON Lines) of 3-item requests for batch benchmarks: python3 scripts/gen-requests.py N OUT."""
import json, sys

n, out = int(sys.argv[1]), sys.argv[2]
fields = [["BUYER_ID_NUMBER"], ["BUYER_NAME", "SHIPPING_ADDRESS"], ["ORDER_TOTALS"], ["BUYER_FACE_IMAGE"]]
ftzs = [("ZHEJIANG", "NINGBO", "CROSS_BORDER_ECOMMERCE", "CROSS_BORDER_ECOMMERCE_PLATFORM"),
        ("JIANGSU", "SUZHOU", "AUTOMOTIVE_MANUFACTURING", None), ("NONE", None, None, None)]
with open(out, "w") as f:
    for i in range(n):
        ftz, zone, sector, scenario = ftzs[i % 3]
        proc = {"ftz": ftz, "ciio": i % 97 == 0,
                "exportedThisYear": {"individuals": (i * 7919) % 900000, "sensitiveIndividuals": (i % 11) * 3}}
        if zone:
            proc["zone"] = zone
        if sector:
            proc["sector"] = sector
        req = {"requestId": f"B-{i}", "evaluationDate": "2026-11-23", "processor": proc, "dataItems": [
            {"id": f"item-{k}", "fields": fields[(i + k) % 4],
             "personalInformation": {"individuals": 0 if fields[(i + k) % 4][0] == "ORDER_TOTALS" else (i * 31 + k) % 50000},
             "importantData": "NOTIFIED" if i % 101 == 0 and k == 0 else "NONE"} for k in range(3)]}
        if scenario:
            req["scenario"] = scenario
        f.write(json.dumps(req, separators=(",", ":")) + "\n")
