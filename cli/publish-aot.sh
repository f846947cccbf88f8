#!/usr/bin/env bash
# Publishes glaciertrail as a NativeAOT binary for linux-x64 and fails if the build printed any
# warning (trim, AOT or compiler): the tool must stay reflection-free. Usage: cli/publish-aot.sh [OUT]
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2
out="${1:-artifacts/glaciertrail-aot}"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet publish cli -c Release -r linux-x64 -p:PublishAot=true -p:CppCompilerAndLinker=gcc -o "$out" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
if [ "$status" -ne 0 ]; then
  echo "publish-aot: dotnet publish failed ($status)" >&2
  exit 1
fi

# "0 Warning(s)" is the summary line of a clean build, not a warning.
if grep -i 'warning' "$log" | grep -vqiE '^\s*0 Warning\(s\)'; then
  echo "publish-aot: the publish printed warnings:" >&2
  grep -i 'warning' "$log" | grep -viE '^\s*0 Warning\(s\)' >&2
  exit 1
fi

if [ ! -x "$out/GlacierTrail.Cli" ]; then
  echo "publish-aot: no native binary at $out/GlacierTrail.Cli" >&2
  exit 1
fi

cp "$out/GlacierTrail.Cli" "$out/glaciertrail"
echo "publish-aot: $out/glaciertrail ($(stat -c %s "$out/glaciertrail") bytes), no warnings"
