#!/usr/bin/env python3
"""Whole-run benchmark: codes a corpus of news-like articles with `dyad code` and prints
sentences/s, tokens/s, events/s, peak RSS, start-up time and the share of time of each
stage (split, tag, lemma, parse, actors, events, context; from DYAD_STAGE_TIMES=1 and the
--report JSON, measured in a separate one-thread run so that the timed runs are not slowed).

usage: bench/run_bench.py [--dyad build/dyad] [--sentences 20000] [--threads 1 2] [--no-stages]
The corpus is made by repeating the shared dev articles (../shared/eval/dev) under new
doc_ids until it holds the requested number of sentences; nothing is copied into the repo.
"""
import argparse, json, os, resource, subprocess, sys, tempfile, time

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser()
    ap.add_argument("--dyad", default=os.path.join(root, "build", "dyad"))
    ap.add_argument("--articles", default=os.path.join(root, "..", "shared", "eval", "dev", "articles.jsonl"))
    ap.add_argument("--sentences", type=int, default=20000)
    ap.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--no-stages", action="store_true", help="skip the per-stage timing run")
    a = ap.parse_args()
    arts = [json.loads(l) for l in open(a.articles, encoding="utf-8") if l.strip()]
    per_round = 163 if len(arts) == 15 else max(1, sum(t["text"].count(". ") + 1 for t in arts))
    rounds = max(1, -(-a.sentences // per_round))
    corpus = tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8")
    for r in range(rounds):
        for art in arts:
            art = dict(art, doc_id=f"{art['doc_id']}-{r}")
            corpus.write(json.dumps(art, ensure_ascii=False) + "\n")
    corpus.close()
    # start-up: models and dictionaries loaded, one tiny article coded
    t0 = time.perf_counter()
    subprocess.run([a.dyad, "code", "--threads", "1"], input=b'{"doc_id":"x","text":"Iran met Iraq."}\n',
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    startup = time.perf_counter() - t0
    print(f"machine: {os.cpu_count()} cores; corpus: {rounds * len(arts)} articles")
    print(f"start-up (load + code one sentence): {startup:.3f} s")
    base = None
    for th in a.threads:
        t0 = time.perf_counter()
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        p = subprocess.run([a.dyad, "code", "--threads", str(th), corpus.name, "-o", os.devnull,
                            "--report", corpus.name + ".report.json"], stderr=subprocess.PIPE, check=False)
        wall = time.perf_counter() - t0
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        rep = json.load(open(corpus.name + ".report.json"))
        sps = rep["sentences"] / wall
        base = base or sps
        print(f"threads={th}: {rep['sentences']} sentences, {rep['tokens']} tokens, {rep['events']} events "
              f"in {wall:.2f} s -> {sps:,.0f} sentences/s, {rep['tokens']/wall:,.0f} tokens/s, "
              f"{rep['events']/wall:,.0f} events/s; peak RSS {max(rss, before)/1024:.0f} MB; "
              f"speed-up {sps/base:.2f}x")
    if not a.no_stages:
        env = dict(os.environ, DYAD_STAGE_TIMES="1")
        t0 = time.perf_counter()
        subprocess.run([a.dyad, "code", "--threads", "1", corpus.name, "-o", os.devnull,
                        "--report", corpus.name + ".report.json"], stderr=subprocess.DEVNULL, check=False, env=env)
        wall = time.perf_counter() - t0
        rep = json.load(open(corpus.name + ".report.json"))
        stages = rep.get("stage_seconds", {})
        if stages:
            total = sum(stages.values())
            other = max(0.0, wall - total)
            parts = [f"{k} {v / wall:.1%}" for k, v in stages.items()] + [f"other (reading, writing, start-up) {other / wall:.1%}"]
            print("stage share of time (threads=1): " + ", ".join(parts))
            syn = stages.get("tag", 0) + stages.get("lemma", 0) + stages.get("parse", 0)
            if syn > 0:
                print(f"tag+lemma+parse: {syn:.2f} s in all (only sentences with a trigger word are parsed)")
    os.unlink(corpus.name)
    os.unlink(corpus.name + ".report.json")

if __name__ == "__main__":
    main()
