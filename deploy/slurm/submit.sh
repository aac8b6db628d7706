#!/usr/bin/env bash
# Submits a sweep as a Slurm job array of N shards and its merge step, and (with --wait) waits for both:
#   bash deploy/slurm/submit.sh SPEC N OUTDIR [--wait]
# The array job runs deploy/slurm/sweep.sbatch (task i = shard i of N); the merge job runs deploy/slurm/merge.sbatch
# once every task has succeeded (afterok), writing OUTDIR/merged.sqlite and OUTDIR/report/. Job logs go to OUTDIR.
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: $0 SPEC N OUTDIR [--wait]" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
spec=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
n=$2
mkdir -p "$3"
out=$(cd "$3" && pwd)
wait=${4:-}
array=$(sbatch --parsable --array=1-"$n" --chdir="$out" "$here/sweep.sbatch" "$spec" "$out")
array=${array%%;*}
echo "submitted the sweep as job array $array (shards 1-$n)"
if [ "$wait" = --wait ]; then
  # sbatch --wait returns when the merge job ends, with its exit code.
  sbatch --parsable --wait --dependency=afterok:"$array" --kill-on-invalid-dep=yes --chdir="$out" "$here/merge.sbatch" "$out" >/dev/null
  echo "merged: $out/merged.sqlite, report: $out/report/index.html"
else
  merge=$(sbatch --parsable --dependency=afterok:"$array" --kill-on-invalid-dep=yes --chdir="$out" "$here/merge.sbatch" "$out")
  echo "submitted the merge step as job ${merge%%;*} (runs once every shard succeeded); watch with: squeue"
fi
