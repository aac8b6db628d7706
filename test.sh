#!/usr/bin/env bash
# Runs the test suite on a fresh machine: installs what the tests need where it is missing (Debian's chromium, for
# the report's browser test; slurm-wlm and munge, for the job-array test on a single-node Slurm cluster), then runs `dotnet test FairCollective.sln -c Release` with any arguments passed on, and
# ends with one line "tests: N passed, N failed, N skipped".
#   bash test.sh                      everything
#   bash test.sh --filter Reporting   arguments go to dotnet test
#   bash test.sh --dry-run [args]     print what would be installed and run; change nothing
set -euo pipefail
cd "$(dirname "$0")"

dry_run=0
if [ "${1:-}" = "--dry-run" ]; then
  dry_run=1
  shift
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

missing="the report's browser test needs Chromium, which is not installed"
if [ "${FAIRCOLLECTIVE_SKIP_BROWSER:-}" = 1 ]; then
  echo "test.sh: FAIRCOLLECTIVE_SKIP_BROWSER=1: the browser test is skipped, Chromium is not needed"
elif have_chromium; then
  :
elif [ -n "${FAIRCOLLECTIVE_CHROMIUM:-}" ]; then
  echo "error: FAIRCOLLECTIVE_CHROMIUM=$FAIRCOLLECTIVE_CHROMIUM does not exist; point it at a Chromium binary or unset it" >&2
  exit 1
elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "test.sh: $missing; installing Debian's chromium package"
  export DEBIAN_FRONTEND=noninteractive
  if ! { run apt-get update -qq && run apt-get install -y -qq chromium >/dev/null; }; then
    echo "error: $missing and 'apt-get install chromium' failed (see above); install it, or set FAIRCOLLECTIVE_SKIP_BROWSER=1 to skip that test" >&2
    exit 1
  fi
  if [ "$dry_run" = 0 ] && ! have_chromium; then
    echo "error: $missing and the chromium package did not provide /usr/bin/chromium; set FAIRCOLLECTIVE_CHROMIUM to a Chromium binary" >&2
    exit 1
  fi
else
  echo "error: $missing and this script can install it only as root with apt-get; install Debian's 'chromium' package" \
    "(sudo apt-get install chromium), set FAIRCOLLECTIVE_CHROMIUM to a Chromium binary, or set FAIRCOLLECTIVE_SKIP_BROWSER=1 to skip that test" >&2
  exit 1
fi

# The Slurm test starts munged, slurmctld and slurmd itself (deploy/slurm/single-node.sh); it needs the packages.
have_slurm() {
  for tool in munged slurmctld slurmd sbatch; do
    [ -x "/usr/sbin/$tool" ] || [ -x "/usr/bin/$tool" ] || return 1
  done
}
missing="the Slurm job-array test needs Debian's slurm-wlm and munge packages, which are not installed"
if [ "${FAIRCOLLECTIVE_SKIP_SLURM:-}" = 1 ]; then
  echo "test.sh: FAIRCOLLECTIVE_SKIP_SLURM=1: the Slurm test is skipped, Slurm is not needed"
elif [ "$(id -u)" != 0 ]; then
  echo "error: the Slurm job-array test starts munged, slurmctld and slurmd as root (deploy/slurm/single-node.sh); run the tests as root," \
    "or set FAIRCOLLECTIVE_SKIP_SLURM=1 to skip that test" >&2
  exit 1
elif have_slurm; then
  :
elif command -v apt-get >/dev/null 2>&1; then
  echo "test.sh: $missing; installing them"
  export DEBIAN_FRONTEND=noninteractive
  if ! { run apt-get update -qq && run apt-get install -y -qq slurm-wlm munge >/dev/null; }; then
    echo "error: $missing and 'apt-get install slurm-wlm munge' failed (see above); install them, or set FAIRCOLLECTIVE_SKIP_SLURM=1 to skip that test" >&2
    exit 1
  fi
else
  echo "error: $missing and this script installs them only with apt-get; install slurm-wlm and munge, or set FAIRCOLLECTIVE_SKIP_SLURM=1 to skip that test" >&2
  exit 1
fi

if [ "$dry_run" = 1 ]; then
  run dotnet test FairCollective.sln -c Release "$@"
  exit 0
fi

# The suite, its output also kept for one plain summary line at the end: the test runner prints one summary per test
# assembly ("Passed!  - Failed:     0, Passed:   312, Skipped:     1, ..."), summed here.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
echo "+ dotnet test FairCollective.sln -c Release $*" >&2
set +e
dotnet test FairCollective.sln -c Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
counts=$(grep -oE 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" \
  | awk -F'[^0-9]+' '{ f += $2; p += $3; s += $4; n++ } END { if (n) print p, f, s }')
if [ -n "$counts" ]; then
  read -r passed failed skipped <<<"$counts"
  echo "tests: $passed passed, $failed failed, $skipped skipped"
else
  echo "tests: no test summary in the output (exit code $status)"
fi
exit "$status"
