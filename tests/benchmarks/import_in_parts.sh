#!/usr/bin/env bash
# Issue 17's 1M run: import a corpus_gen corpus a year at a time (the four papers' folders of
# that year), each part a `reader import` of its own (parse, store, then index what is new),
# logging per part the page-text bytes, wall and CPU time, MB/s, library size and the load.
# A year is started once the generator has begun the next one, so the corpus can be written
# and imported at the same time.  Resumable: kill it and run it again; `reader import` skips
# the pages it has and the index goes on from its last committed batch.
#
#   python -m tests.benchmarks.corpus_gen /work/bench/1M/pages 1M &
#   tests/benchmarks/import_in_parts.sh "reader" /work/bench/1M/lib /work/bench/1M/pages log [FROM]
#
# FROM (a year, default 1996) skips the years before it, which a resumed run has imported.
set -u
READER=$1; LIB=$2; PAGES=$3; LOG=$4; FROM=${5:-1996}
for year in $(seq "$FROM" 2025); do
  next=$((year + 1))
  while [ ! -d "$PAGES/rmrb/$next" ] && pgrep -f "corpus_gen $PAGES" >/dev/null; do sleep 20; done
  [ -d "$PAGES/nmgrb/$year" ] || continue
  bytes=$(du -sb "$PAGES"/*/"$year" | awk '{s+=$1} END {print s}')
  start=$(date +%s.%N)
  echo "$(date -u +%T) part $year: $bytes bytes, load $(cut -d' ' -f1 /proc/loadavg)" >> "$LOG"
  /usr/bin/time -f "  %e s wall, %U+%S s CPU, max RSS %M KB" -a -o "$LOG" \
    nice -n 5 $READER --library "$LIB" import "$PAGES"/*/"$year" > /dev/null 2>> "$LOG.err"
  rc=$?
  end=$(date +%s.%N)
  echo "$(date -u +%T) part $year rc=$rc: $(echo "$bytes / ($end - $start) / 1000000" | bc -l |
    cut -c1-5) MB/s; library $(du -sb "$LIB" | cut -f1) bytes; load $(cut -d' ' -f1 /proc/loadavg)" >> "$LOG"
done
echo "$(date -u +%T) done" >> "$LOG"
