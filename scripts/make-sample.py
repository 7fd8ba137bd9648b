#!/usr/bin/env python3
"""Writes static/sample-export.csv: a synthetic legacy license-based
reconciliation file (28 documented columns, one row per charge) describing
a fictitious partner's customers as of June 2020. Every name and id in it
is invented. Run from the repository root; the output is committed."""
import csv, uuid, random

random.seed(2020)
HEAD = ("PartnerId,CustomerId,CustomerName,MpnId,ResellerMpnId,OrderId,SubscriptionId,"
        "SyndicationPartnerSubscriptionNumber,OfferId,DurableOfferId,OfferName,SubscriptionStartDate,"
        "SubscriptionEndDate,ChargeStartDate,ChargeEndDate,ChargeType,UnitPrice,Quantity,Amount,"
        "TotalOtherDiscount,Subtotal,Tax,TotalForCustomer,Currency,DomainName,SubscriptionName,"
        "SubscriptionDescription,BillingCycleType").split(",")
PARTNER = "3c5e1f0a-9b1d-4c2e-8f7a-0d6b2a4c9e11"
def gid(): return str(uuid.UUID(int=random.getrandbits(128), version=4))
def d(y, m, day, t="0:00"): return f"{m}/{day}/{y} {t}"

OFFERS = {
    "kaizala": ("Microsoft Kaizala Pro", "B03AD9B6-42E5-4899-9A84-F7666DED99A1", 1.51),
    "e3": ("Office 365 E3", "796B6B5F-613C-4E24-A17C-EBA730D49C02", 20.0),
    "bstd": ("Microsoft 365 Business Standard", "5C9FD4CC-EDCE-44A8-8E91-07DF09744609", 12.5),
    "e1": ("Office 365 E1", "91FD106F-4B2C-4938-95AC-F54F74E9A239", 8.0),
}
# (customer, domain, [(offer, seats, start(y,m,d), nickname)])
CUSTOMERS = [
    ("Contoso Taiwan Ltd.", "contosotw.onmicrosoft.com", [("kaizala", 25, (2019, 9, 1), ""), ("e3", 10, (2019, 11, 1), "")]),
    ("臺北市立松山高級中學", "shsh.tp.edu.tw", [("kaizala", 120, (2019, 8, 15), "")]),
    ("Fabrikam Logistics", "fabrikam-logistics.com.tw", [("kaizala", 450, (2020, 1, 1), "Kaizala - drivers")]),
    ("Northwind Traders", "northwindtraders.onmicrosoft.com", [("kaizala", 40, (2019, 5, 1), "")]),
    ("Tailspin Toys", "tailspintoys.com", [("kaizala", 15, (2019, 7, 20), ""), ("kaizala", 5, (2019, 10, 1), "Kaizala - warehouse")]),
    ("Wingtip Retail Co.", "wingtipretail.com.tw", [("kaizala", 80, (2019, 10, 1), "")]),
    ("Adventure Works Cycles", "adventure-works.com", [("bstd", 30, (2019, 12, 1), "")]),
    ("Litware University", "litware.ac.jp", [("kaizala", 300, (2019, 9, 1), ""), ("e1", 40, (2020, 2, 1), "")]),
]

# Customers a distributor serves through an indirect reseller (CSP
# two-tier): the reseller's MPN ID, in the file's ResellerMpnId column.
RESELLERS = {
    "Fabrikam Logistics": "5123456",
    "Wingtip Retail Co.": "5123456",
    "Tailspin Toys": "5987654",
}

rows = []
for name, domain, subs in CUSTOMERS:
    cid = gid()
    for offer, seats, (y, m, day), nick in subs:
        oname, durable, price = OFFERS[offer]
        order, sub_internal, pc_sub = gid().upper(), gid(), gid()
        start, end = d(y, m, day), d(y + 1, m, day)
        # Two monthly charges before June 2020: a cycle fee and a later one.
        for k, ctype in enumerate(["cycleFee", "cycleFee"]):
            cm, cy = m + k, y
            if cm > 12: cm, cy = cm - 12, cy + 1
            amount = round(price * seats, 2)
            rows.append([PARTNER, cid, name, "4512345", RESELLERS.get(name, ""), order, sub_internal, pc_sub,
                         gid().upper(), durable, oname, start, end,
                         d(cy, cm, 1), d(cy, cm, 28, "23:59"), ctype, f"{price:.2f}", str(seats),
                         f"{amount:.2f}", "0", f"{amount:.2f}", f"{amount*0.05:.2f}",
                         f"{amount*1.05:.2f}", "USD", domain, nick or oname, "", "Monthly"])

with open("static/sample-export.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\r\n")
    w.writerow(HEAD)
    w.writerows(rows)
print(len(rows), "rows")
