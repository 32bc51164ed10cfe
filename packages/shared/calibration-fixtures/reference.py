#!/usr/bin/env python3
"""Reference values for ferbench's calibration statistics, computed independently of the TypeScript code.

numpy and scikit-learn are not installed where ferbench is built (and there is no internet beyond npm), so this
is a plain Python 3 implementation written from the definitions in the issue, in exact rational arithmetic
(fractions.Fraction of each given double) wherever the definition is rational; only NLL uses math.log.
Bins: a linear scan for the first m with conf <= m/M (the double m/M), conf 0 in the first bin.
AURC: Python's stable sorted() by conf descending. Run: python3 reference.py (rewrites the *.json beside it).
"""
import json
import math
import os
import random
from fractions import Fraction as F

HERE = os.path.dirname(os.path.abspath(__file__))


def top(p):
    best = 0
    for k in range(1, len(p)):
        if p[k] > p[best]:
            best = k
    return best


def reference(classes, items, bins, threshold):
    n = len(items)
    conf = [F(max(it["p"])) for it in items]
    right = [1 if top(it["p"]) == classes.index(it["gold"]) else 0 for it in items]
    table = []
    for m in range(1, bins + 1):
        table.append({"lower": (m - 1) / bins, "upper": m / bins, "members": []})
    for i, it in enumerate(items):
        c = max(it["p"])
        chosen = bins
        for m in range(1, bins + 1):
            if c <= m / bins:
                chosen = m
                break
        table[chosen - 1]["members"].append(i)
    reliability = []
    ece = F(0)
    gaps = []
    for b in table:
        members = b["members"]
        if not members:
            reliability.append({"lower": b["lower"], "upper": b["upper"], "n": 0, "confidence": None, "accuracy": None})
            continue
        mc = sum(conf[i] for i in members) / len(members)
        ma = F(sum(right[i] for i in members), len(members))
        gap = abs(ma - mc)
        ece += F(len(members), n) * gap
        gaps.append(gap)
        reliability.append({"lower": b["lower"], "upper": b["upper"], "n": len(members), "confidence": float(mc), "accuracy": float(ma)})
    brier = F(0)
    for it in items:
        g = classes.index(it["gold"])
        brier += sum((F(pk) - (1 if k == g else 0)) ** 2 for k, pk in enumerate(it["p"]))
    order = sorted(range(n), key=lambda i: -conf[i])
    aurc = F(0)
    wrong = 0
    for j, i in enumerate(order, start=1):
        wrong += 1 - right[i]
        aurc += F(wrong, j)
    kept = [i for i in range(n) if conf[i] >= F(threshold)]
    return {
        "n": n,
        "accuracy": float(F(sum(right), n)),
        "ece": float(ece),
        "mce": float(max(gaps)),
        "brier": float(brier / n),
        "nll": math.fsum([-math.log(max(it["p"][classes.index(it["gold"])], 1e-12)) for it in items]) / n,
        "aurc": float(aurc / n),
        "selective": {
            "threshold": threshold,
            "coverage": float(F(len(kept), n)),
            "accuracy": float(F(sum(right[i] for i in kept), len(kept))) if kept else None,
        },
        "reliability": reliability,
    }


def hand():
    """Ties in conf (right and wrong at the same conf), ties inside a vector, zeros, conf on bin edges and at τ."""
    classes = ["neutral", "happiness", "sadness"]
    rows = [
        ([0.7, 0.2, 0.1], "neutral"),      # conf exactly τ = 0.7, right
        ([0.2, 0.7, 0.1], "neutral"),      # conf 0.7 tied with the first, wrong
        ([0.4, 0.4, 0.2], "happiness"),    # tie inside: prediction is the first (neutral), wrong
        ([0.4, 0.4, 0.2], "neutral"),      # same vector, right
        ([1.0, 0.0, 0.0], "neutral"),      # conf 1, zeros
        ([0.0, 0.0, 1.0], "happiness"),    # confidently wrong, p_gold = 0: NLL floor
        ([0.6, 0.0, 0.4], "sadness"),      # conf on the edge 0.6 = 3/5
        ([0.5, 0.25, 0.25], "neutral"),
        ([0.34, 0.33, 0.33], "sadness"),
        ([0.0, 0.0, 0.0], "sadness"),      # all zero: conf 0, first bin, prediction neutral
        ([0.2, 0.2, 0.6], "sadness"),
        ([0.1, 0.8, 0.1], "happiness"),
    ]
    return classes, [{"p": p, "gold": g} for p, g in rows]


def seeded(seed, count, classes, step):
    """Random vectors rounded to multiples of `step` (many ties in conf), some with zeros; gold drawn with skill."""
    rng = random.Random(seed)
    items = []
    k = len(classes)
    for _ in range(count):
        units = [0] * k
        total = int(round(1 / step))
        for _ in range(total):
            units[min(k - 1, int(rng.random() ** 2 * k))] += 1
        rng.shuffle(units)
        p = [u * step for u in units]
        gold = top(p) if rng.random() < 0.6 else rng.randrange(k)
        items.append({"p": p, "gold": classes[gold]})
    return items


def write(name, classes, items, bins, threshold):
    body = {"classes": classes, "items": items, "bins": bins, "threshold": threshold, "expected": reference(classes, items, bins, threshold)}
    with open(os.path.join(HERE, name + ".json"), "w") as f:
        json.dump(body, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    c, i = hand()
    write("hand-ties-zeros", c, i, 5, 0.7)
    write("hand-ties-zeros-15", c, i, 15, 0.7)
    seven = ["neutral", "happiness", "sadness", "surprise", "fear", "disgust", "anger"]
    write("seeded-7-classes", seven, seeded(12, 300, seven, 0.05), 10, 0.5)
    write("seeded-7-classes-default", seven, seeded(7, 120, seven, 0.125), 15, 0.7)
