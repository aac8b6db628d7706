#!/usr/bin/env bash
# Packs FairCollective's NuGet packages and proves them: the libraries FairCollective, FairCollective.Experiments, FairCollective.Reporting
# and FairCollective.Testing (the contract checks plug-ins' tests call),
# and the tool FairCollective.Tool (a pointer package plus one package per platform). Checks that each package is
# under 30 MB and holds what it should, then installs the tool for this machine from the packed folder alone (a
# private NuGet config and package cache: no registry, no stale cached copy) and runs it.
#   bash pack.sh          packs into out/packages (emptied first)
#   bash pack.sh DIR      packs into DIR (emptied first)
set -euo pipefail
cd "$(dirname "$0")"

out=${1:-out/packages}
limit=$((30 * 1024 * 1024))
tool_rids="linux-x64 linux-arm64 osx-arm64 win-x64"

fail() {
  echo "pack.sh: error: $*" >&2
  exit 1
}

command -v dotnet >/dev/null 2>&1 || fail "the .NET 10 SDK is required (dotnet is not on PATH)"
command -v unzip >/dev/null 2>&1 || fail "unzip is required to inspect the packages (Debian: apt-get install unzip)"

version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
[ -n "$version" ] || fail "no <Version> in Directory.Build.props"

rm -rf "$out"
mkdir -p "$out"
out=$(cd "$out" && pwd)
dotnet pack FairCollective.sln -c Release -o "$out" -v quiet -nologo
ls -la "$out"

# Every package: present, small, with readme, licence and changelog at its root.
expected="FairCollective FairCollective.Experiments FairCollective.Reporting FairCollective.Testing FairCollective.Tool"
for rid in $tool_rids; do expected="$expected FairCollective.Tool.$rid"; done
for id in $expected; do
  pkg="$out/$id.$version.nupkg"
  [ -f "$pkg" ] || fail "$id.$version.nupkg was not produced"
  size=$(wc -c <"$pkg")
  [ "$size" -lt "$limit" ] || fail "$id.$version.nupkg is $size bytes, over the 30 MB limit"
  files=$(unzip -Z1 "$pkg")
  for f in README.md LICENSE CHANGELOG.md; do
    grep -qx "$f" <<<"$files" || fail "$id.$version.nupkg lacks $f"
  done
done

# Libraries: the assembly with its XML docs; the core one also the bundled data's notes.
for id in FairCollective FairCollective.Experiments FairCollective.Reporting FairCollective.Testing; do
  files=$(unzip -Z1 "$out/$id.$version.nupkg")
  for f in "lib/net10.0/$id.dll" "lib/net10.0/$id.xml"; do
    grep -qx "$f" <<<"$files" || fail "$id.$version.nupkg lacks $f"
  done
done
grep -qx data/SOURCE.md <<<"$(unzip -Z1 "$out/FairCollective.$version.nupkg")" || fail "FairCollective.$version.nupkg lacks data/SOURCE.md"

# Tool packages: each carries only its own platform's natives (no runtimes/ folder of every platform), the docs
# and the data notes beside the tool.
for rid in $tool_rids; do
  pkg="$out/FairCollective.Tool.$rid.$version.nupkg"
  files=$(unzip -Z1 "$pkg")
  root="tools/net10.0/$rid"
  for f in "$root/FairCollective.Cli.dll" "$root/docs/experiment-spec.md" "$root/docs/experiments/collective-size.yaml" \
    "$root/data/SOURCE.md"; do
    grep -qx "$f" <<<"$files" || fail "FairCollective.Tool.$rid.$version.nupkg lacks $f"
  done
  if grep -q '/runtimes/' <<<"$files"; then
    fail "FairCollective.Tool.$rid.$version.nupkg carries other platforms' natives under runtimes/"
  fi
done

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) here=linux-x64 ;;
  Linux-aarch64 | Linux-arm64) here=linux-arm64 ;;
  Darwin-arm64) here=osx-arm64 ;;
  *) here="" ;;
esac
if [ -z "$here" ]; then
  echo "pack.sh: packages checked; this platform ($(uname -s) $(uname -m)) has no tool package, so the install is not tried"
  exit 0
fi

# Install from the packed folder alone, into a throwaway tool path and package cache.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="packed" value="$out" />
  </packageSources>
</configuration>
EOF
export NUGET_PACKAGES="$work/nuget-cache"
dotnet tool install --tool-path "$work/tool" --configfile "$work/nuget.config" --version "$version" FairCollective.Tool
tool="$work/tool/faircollective"

run() {
  echo "+ faircollective $*" >&2
  "$tool" "$@"
}
shown=$(run --version)
[[ "$shown" == "$version"* ]] || fail "faircollective --version prints '$shown', not $version"
run datasets list >"$work/datasets.txt" || fail "faircollective datasets list failed"
grep -q compas "$work/datasets.txt" || fail "faircollective datasets list does not list the bundled compas"
run docs | tee "$work/docs.txt"
grep -q "^Documentation: .*/tools/net10.0/$here/docs$" "$work/docs.txt" || fail "faircollective docs does not find docs/ beside the installed tool"
run reproduce toy --quick -o "$work/toy" >/dev/null
for f in index.html summary.md results.sqlite; do
  [ -s "$work/toy/$f" ] || fail "faircollective reproduce toy --quick wrote no $f"
done
echo "pack.sh: $(echo "$expected" | wc -w) packages under 30 MB in $out; FairCollective.Tool.$here installs and runs (datasets list, docs, reproduce toy)"
