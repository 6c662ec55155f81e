#!/usr/bin/env bash
# Fuzzes the switch's datagram ingress (Softswitch.Fuzz) with afl-fuzz for SECONDS (default 600):
# publish, instrument the SIP stack and the switch with sharpfuzz, seed with every message of the test corpora,
# run afl-fuzz niced, and print afl's figures. Findings stay in tests/fuzz/findings/ (crashes/, hangs/, queue/).
# Not part of tests/run.sh: a crash found here becomes a unit test with the crashing bytes (Corpus/Fuzz).
# Replay inputs with the uninstrumented build (instrumented code only runs under afl):
#   dotnet build tests/fuzz/Softswitch.Fuzz -c Release && dotnet tests/fuzz/Softswitch.Fuzz/bin/Release/net10.0/Softswitch.Fuzz.dll FILE...
set -euo pipefail
seconds=${1:-600}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work="$here/work"
findings="$here/findings"
tools="$here/.tools"

command -v afl-fuzz >/dev/null || { echo "afl-fuzz missing: apt-get install -y afl++" >&2; exit 1; }
[ -x "$tools/sharpfuzz" ] || dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools" >/dev/null

rm -rf "$work" && mkdir -p "$work/seeds"
dotnet publish "$here/Softswitch.Fuzz/Softswitch.Fuzz.csproj" -c Release -o "$work/bin" -nologo -v quiet
for assembly in Softswitch.Sip Softswitch.Switch; do
  "$tools/sharpfuzz" "$work/bin/$assembly.dll"
done

# Seeds: the RFC 4475 messages are stored as wire bytes; the other corpora start with a comment line and use LF.
cp "$root"/tests/Softswitch.Sip.Tests/Corpus/Rfc4475/*.sip "$work/seeds/"
for file in "$root"/tests/Softswitch.Sip.Tests/Corpus/Valid/*.sip "$root"/tests/Softswitch.Sip.Tests/Corpus/Invalid/*.sip; do
  kind=$(basename "$(dirname "$file")")
  tail -n +2 "$file" | sed -e 's/$/\r/' -e 's/<bareLF>/\n/g' > "$work/seeds/$kind-$(basename "$file")"
done

# A crash left by an earlier run is kept: afl-fuzz resumes from findings/ when it exists ("-i -").
input="$work/seeds"
[ -d "$findings/default/queue" ] && input="-"
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_AUTORESUME=1
nice -n 10 afl-fuzz -i "$input" -o "$findings" -t 10000 -m none -V "$seconds" -- dotnet "$work/bin/Softswitch.Fuzz.dll" \
  > "$here/afl.log" 2>&1 || { tail -30 "$here/afl.log"; exit 1; }

stats="$findings/default/fuzzer_stats"
grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|bitmap_cvg)' "$stats"
ls "$findings/default/crashes" "$findings/default/hangs" 2>/dev/null | grep -v README || true
