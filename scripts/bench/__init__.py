"""Benchmark of the seed -> site pipeline and the MkDocs build around it.

    make bench                           # 10, 100 and 1,000 seeds
    make bench BENCH_ARGS="--sizes 10,100"  # a quick run
    .venv/bin/python -m bench --sizes 10    # without make, from the project folder

Not a test: it prints figures and a PASS / MISSED line per target (with the
margin), writes everything to build/bench.json and exits 0 even when a target
is missed (1 only when something could not be measured at all, e.g. a build
failed). Everything is built in temporary folders; the working tree's docs/
and site/ are never touched.

How things are measured
-----------------------
* Corpora: seed i is real seed i % 5 with its header (front matter, chrome,
  title line) kept and its paragraphs rotated and partly shuffled by
  random.Random(i), two sentences swapped in from another seed, a unique
  marker sentence, and every seed with (i // 5) % 5 == 0 converted to the
  other script with OpenCC (s2twp / tw2sp), so both scripts occur in every
  corpus. A metadata.yml gives each seed a unique title. Seed i is the same
  in every corpus size and the same bytes on every run (the corpus SHA-256
  is recorded).
* Stages: the pipeline's own stage list (pipeline.stages.STAGES), called
  directly in this process, stage by stage over all seeds (stage-major, as
  the pipeline's write step needs all articles anyway), reported in groups:
    ingest     = read, detect script
    clean      = front matter, region, clean, metadata, structure
    link_terms = link terms
    convert    = variants
    checks     = fidelity + conserve.check (part of every build; listed so
                 the stages add up to the pipeline)
    write      = write.pages + write.sync (into an empty temporary docs dir)
  Wall time: time.perf_counter in a pass without tracemalloc. Memory: a
  second, identical pass under tracemalloc; per stage the peak of traced
  Python memory (everything the pipeline holds at that moment, inputs of
  earlier stages included) and the part allocated during the stage. Lazy
  set-up (data files, OpenCC, automata) is warmed up on the real seeds
  first, so it is not charged to the first corpus.
* Cold / no-change: pipeline.build.build(seeds, docs, reports, cache) with an
  empty cache folder, then again with the same folders and unchanged seeds.
  Their CPU seconds include the build's worker processes (forked from the
  benchmark's process, so their time is its children's).
* MkDocs: `python -m mkdocs build --strict -d <tmp>` in a throwaway project
  copy (tests/conftest.py's make_project idea) with SEEDS_DIR=<corpus>, the
  pipeline cache emptied first (a fresh build). Each build runs in a fresh
  wrapper process that reports wall time and the child's peak RSS
  (resource.getrusage(RUSAGE_CHILDREN).ru_maxrss).
* Floors: raw OpenCC, running the configuration the convert stage runs
  (the project's tables, data/conversion/), converting the same text the
  stage converts (variants.article_texts: every text node and text metadata
  field of each seed, joined into one string per seed; best of 3 for both
  sides of the ratio, the stage's memoised word bounds forgotten before each
  run, as a build converts a text once); OpenCC's own s2twp / tw2sp on the
  same text is recorded beside it. And plain MkDocs: the project's config
  without the reader plugin and with an explicit nav, building the docs
  folder the pipeline already filled.
* Serve: `mkdocs serve --dirty` (what `make serve` runs) in the project
  copy; one Simplified seed gets a new sentence appended, and the time is
  from the write until its page, polled every 0.1 s, shows the sentence.
* Noise: wall times are what the targets use; CPU seconds (process time,
  children's rusage) are recorded alongside, and --repeat N takes the best
  of N for the cold / no-change pipeline runs and the MkDocs builds.
* Search index: per variant, its bytes by part (fields, word separators,
  markup, page kinds, sentences repeated across entries) against the
  variant's article text (titles and sections of its article pages without
  markup or separators), and the bytes fetched before a first result: the
  index's first stage (search/search_index.json, what Material fetches),
  Material's search worker, lunr.stemmer.support and lunr.zh (what the
  worker loads for `lang: zh`) and the page's query script, plain and
  gzip-compressed (brotli too when the module is installed); beside it the
  whole index (search/search_index.full.json), which follows, and the same
  download had the first result waited for the whole index.
* Units: MB = 1,000,000 bytes, KB = 1,000 bytes. Page weight counts the
  (gzip-compressed) body bytes the server sent per path, headers excluded.
"""
from __future__ import annotations

import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SEEDS = ROOT / "seeds"
OUTPUT = ROOT / "build" / "bench.json"
HOST = "127.0.0.1"
MB = 1_000_000
KB = 1_000


class BenchError(RuntimeError):
    """Something that could not be measured at all (a build failed)."""


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)
