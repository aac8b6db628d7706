#!/usr/bin/env bash
# Runs the test suite on a fresh machine: installs what the tests need where it is missing and it can (as root with
# apt-get: Debian's chromium, for the report's browser test; slurm-wlm and munge, for the job-array test on a
# single-node Slurm cluster; where it cannot, it says so and the test that needs them fails saying why), then runs
# `dotnet test FairCollective.sln -c Release` with any arguments passed on, and ends with one line
# "tests: N passed, N failed, N skipped".
#   bash test.sh                      everything
#   bash test.sh --filter Reporting   arguments go to dotnet test
#   bash test.sh --fast [args]        the unit tests only (Kind=Unit, see tests/FairCollective.Tests/TestKind.cs):
#                                     installs nothing; for development, not for CI
#   bash test.sh --dry-run [args]     print what would be installed and run; change nothing
# One kind alone: bash test.sh --filter Kind=Browser (Unit, Integration, Statistical, Browser, Cluster, Crash).
set -euo pipefail
cd "$(dirname "$0")"

dry_run=0
fast=0
while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) dry_run=1 ;;
    --fast) fast=1 ;;
    *) break ;;
  esac
  shift
done
if [ "$fast" = 1 ]; then
  # The units need neither Chromium nor Slurm. A second --filter would replace the kind's, so it is refused.
  for arg in "$@"; do
    if [ "$arg" = "--filter" ]; then
      echo "test.sh: --fast is --filter Kind=Unit and takes no --filter of its own; use bash test.sh --filter \"Kind=Unit&...\"" >&2
      exit 2
    fi
  done
  set -- --filter "Kind=Unit" "$@"
fi

# Prints a command (to stderr, like set -x, so redirecting the command's output keeps it), then runs it unless this
# is a dry run.
run() {
  echo "+ $*" >&2
  if [ "$dry_run" = 0 ]; then "$@"; fi
}

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK is required (dotnet is not on PATH; see https://dot.net)" >&2
  exit 1
fi

# Installs Debian packages a test needs, as root with apt-get (the package lists are updated once). Where it cannot,
# it says so and the suite still runs: the test that needs them then fails saying what is missing (or is skipped with
# its FAIRCOLLECTIVE_SKIP_* variable), so this script never stops before the tests.
updated=0
install() {
  local what=$1
  shift
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: note: $what; this script installs it only as root with apt-get (apt-get install $*), so that test will fail saying so" >&2
    return 0
  fi
  echo "test.sh: $what; installing Debian's $*"
  export DEBIAN_FRONTEND=noninteractive
  if [ "$updated" = 0 ]; then run apt-get update -qq || true; updated=1; fi
  run apt-get install -y -qq "$@" >/dev/null || echo "test.sh: note: 'apt-get install $*' failed (see above); that test will fail saying what is missing" >&2
}

# Looks where the browser test looks (HeadlessChromium.Locate): $FAIRCOLLECTIVE_CHROMIUM only when set, else
# /usr/bin/chromium, else chromium, chromium-browser or google-chrome on PATH.
have_chromium() {
  if [ -n "${FAIRCOLLECTIVE_CHROMIUM:-}" ]; then
    [ -f "$FAIRCOLLECTIVE_CHROMIUM" ]
    return
  fi
  [ -f /usr/bin/chromium ] || command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
    || command -v google-chrome >/dev/null 2>&1
}

if [ "$fast" = 1 ]; then
  :
elif [ "${FAIRCOLLECTIVE_SKIP_BROWSER:-}" = 1 ]; then
  echo "test.sh: FAIRCOLLECTIVE_SKIP_BROWSER=1: the browser test is skipped, Chromium is not needed"
elif have_chromium; then
  :
elif [ -n "${FAIRCOLLECTIVE_CHROMIUM:-}" ]; then
  echo "test.sh: note: FAIRCOLLECTIVE_CHROMIUM=$FAIRCOLLECTIVE_CHROMIUM does not exist, so the browser test will fail; point it at a Chromium binary or unset it" >&2
else
  install "the report's browser test needs Chromium, which is not installed" chromium
fi

# The Slurm test starts munged, slurmctld and slurmd itself, as root (deploy/slurm/single-node.sh); it needs the packages.
have_slurm() {
  for tool in munged slurmctld slurmd sbatch; do
    [ -x "/usr/sbin/$tool" ] || [ -x "/usr/bin/$tool" ] || return 1
  done
}
if [ "$fast" = 1 ]; then
  :
elif [ "${FAIRCOLLECTIVE_SKIP_SLURM:-}" = 1 ]; then
  echo "test.sh: FAIRCOLLECTIVE_SKIP_SLURM=1: the Slurm test is skipped, Slurm is not needed"
elif ! have_slurm; then
  install "the Slurm job-array test needs slurm-wlm and munge, which are not installed" slurm-wlm munge
fi
if [ "$fast" = 0 ] && [ "${FAIRCOLLECTIVE_SKIP_SLURM:-}" != 1 ] && [ "$(id -u)" != 0 ]; then
  echo "test.sh: note: the Slurm job-array test starts its daemons as root, so as $(id -un) it will fail saying so (FAIRCOLLECTIVE_SKIP_SLURM=1 skips it)" >&2
fi

if [ "$dry_run" = 1 ]; then
  run dotnet test FairCollective.sln -c Release "$@"
  exit 0
fi

# The suite, its output also kept for one plain summary line at the end: the test runner prints one summary per test
# assembly ("Passed!  - Failed:     0, Passed:   312, Skipped:     1, ..."), summed here.
log=$(mktemp)
results=$(mktemp -d)
trap 'rm -rf "$log" "$results"' EXIT
echo "+ dotnet test FairCollective.sln -c Release $*" >&2
set +e
# A TRX log beside the console's: the console marks a skipped test "[SKIP]" without its reason; the log keeps it.
dotnet test FairCollective.sln -c Release --logger trx --results-directory "$results" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# Every skipped test with the reason it gave (the shared data file it needs, a FAIRCOLLECTIVE_SKIP_* variable, ...).
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  awk '/<UnitTestResult / && /outcome="NotExecuted"/ { match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11); want = 1; next }
       want && /<Message>/ { sub(/.*<Message>/, ""); sub(/<\/Message>.*/, ""); print "skipped: " name ": " $0; want = 0 }' "$trx" \
    | sed -e 's/&quot;/"/g' -e "s/&apos;/'/g" -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g'
done
counts=$(grep -oE 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" \
  | awk -F'[^0-9]+' '{ f += $2; p += $3; s += $4; n++ } END { if (n) print p, f, s }')
if [ -n "$counts" ]; then
  read -r passed failed skipped <<<"$counts"
  echo "tests: $passed passed, $failed failed, $skipped skipped"
else
  echo "tests: no test summary in the output (exit code $status)"
fi
exit "$status"
