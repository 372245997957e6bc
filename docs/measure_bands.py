#!/usr/bin/env python3
"""Measures the human reference bands of data/bands.tsv on the development set.

    python3 docs/measure_bands.py [../shared/eval/dev.jsonl]

Needs the Python package (pip install ./python). Prints, per language, the 10th, 50th and
90th percentiles of MATTR (WS102's value), the shrunk sentence-length CV (WS401's value),
concrete details per 100 words (WS302's value) and articles per 100 words (WS411's value), over human texts of 50+ words whose detected
language matches their label.
"""

import sys

import json, collections, statistics
import workslop
rows=[json.loads(l) for l in open(sys.argv[1] if len(sys.argv) > 1 else '../shared/eval/dev.jsonl')]
rows=[r for r in rows if r['label']=='human']
scorer=workslop.Scorer()
reports=scorer.score_many([r['text'] for r in rows], format="text")
by=collections.defaultdict(lambda: collections.defaultdict(list))
for r,rep in zip(rows,reports):
    if rep.words < 50 or rep.lang != r['lang']: continue
    for name in ('flat-vocabulary','uniform-rhythm','low-specificity','article-density'):
        s=rep.signals[name]
        if s.skipped is None: by[rep.lang][name].append(s.value)
def q(v,p): v=sorted(v); return v[min(len(v)-1,int(p*len(v)))]
for lang in sorted(by):
    out=[lang]
    for name in ('flat-vocabulary','uniform-rhythm','low-specificity','article-density'):
        v=by[lang][name]
        out.append(f"{name}: n={len(v)} p10={q(v,.1):.3f} p50={q(v,.5):.3f} p90={q(v,.9):.3f}" if len(v)>=20 else f"{name}: n={len(v)}")
    print(' | '.join(out))
