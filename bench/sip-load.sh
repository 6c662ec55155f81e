#!/usr/bin/env bash
# SIP load steps: a SIPp UAC calls through the switch (or, with --kamailio, a stateless Kamailio) to a SIPp UAS, at
# each call rate in turn, and one table row per rate shows calls attempted, succeeded and failed, the mean setup
# time, and the proxy's memory and CPU when its PID is known. Every SIPp run and the whole script are time-bounded.
set -euo pipefail

bench_dir=$(cd "$(dirname "$0")" && pwd)
scenarios="$bench_dir/../tests/Softswitch.Interop.Tests/Scenarios"

target=${SWITCH:-127.0.0.1:5060}
uas_port=${UAS_PORT:-5090}
proxy_pid=${SWITCH_PID:-}
rates=${RATES:-50 100 200 400}
calls=${CALLS_PER_STEP:-1000}
hold_ms=${HOLD_MS:-0}
callee=${CALLEE:-15550002222}
caller=${CALLER:-15550001111}
transport=udp
kamailio=false
kamailio_port=${KAMAILIO_PORT:-5070}

usage() {
  cat <<EOF
Usage: $0 [options]
  --target HOST:PORT   the switch (default \$SWITCH or 127.0.0.1:5060)
  --uas-port PORT      the SIPp UAS the switch routes to (default \$UAS_PORT or 5090); SIPp also uses
                       PORT+1 to PORT+4 and PORT+10 to PORT+14 on 127.0.0.1
  --pid PID            the switch's process, for its RSS and CPU (default \$SWITCH_PID)
  --rates "R1 R2 ..."  calls per second, one step each (default \$RATES or "50 100 200 400")
  --calls N            calls per step (default \$CALLS_PER_STEP or 1000)
  --hold-ms N          talk time of each call (default \$HOLD_MS or 0)
  --callee NUMBER      number dialled (default \$CALLEE or 15550002222)
  --tcp                SIP over TCP instead of UDP
  --kamailio           target a stateless Kamailio on 127.0.0.1:\$KAMAILIO_PORT (default 5070) forwarding to
                       the same UAS, started here with bench/kamailio-stateless.cfg (binary: \$KAMAILIO or kamailio)
EOF
}

while [ $# -gt 0 ]; do
  case $1 in
    --target) target=$2; shift 2 ;;
    --uas-port) uas_port=$2; shift 2 ;;
    --pid) proxy_pid=$2; shift 2 ;;
    --rates) rates=$2; shift 2 ;;
    --calls) calls=$2; shift 2 ;;
    --hold-ms) hold_ms=$2; shift 2 ;;
    --callee) callee=$2; shift 2 ;;
    --tcp) transport=tcp; shift ;;
    --kamailio) kamailio=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

command -v sipp >/dev/null || { echo "SIPp is missing: apt-get install sip-tester" >&2; exit 2; }
sipp_transport=$([ "$transport" = tcp ] && echo t1 || echo u1)
work=$(mktemp -d /tmp/sip-load.XXXXXX)
uas_pid="" kamailio_pid=""

# reap PID: waits for PID to exit, killing it after 5 s.
reap() {
  (sleep 5; kill -9 "$1" 2>/dev/null) &
  local watchdog=$!
  wait "$1" 2>/dev/null || true
  kill "$watchdog" 2>/dev/null || true
}

stop() {
  if [ -n "$uas_pid" ]; then
    # SIPp's remote control: 'q' over UDP to its control port ends it once its calls are done.
    printf q >"/dev/udp/127.0.0.1/$((uas_port + 1))" 2>/dev/null || true
    reap "$uas_pid"
  fi
  if [ -n "$kamailio_pid" ]; then
    kill "$kamailio_pid" 2>/dev/null || true
    reap "$kamailio_pid"
  fi
}
trap stop EXIT

# wait_bound PORT: until something listens on 127.0.0.1:PORT with our transport, at most 5 s.
wait_bound() {
  local flag=$([ "$transport" = tcp ] && echo -tlnH || echo -ulnH)
  for _ in $(seq 50); do
    [ -n "$(ss "$flag" "sport = :$1")" ] && return 0
    sleep 0.1
  done
  echo "nothing listens on port $1 after 5 s" >&2
  return 1
}

if $kamailio; then
  kamailio_bin=${KAMAILIO:-$(command -v kamailio || true)}
  if [ -z "$kamailio_bin" ]; then
    echo "Kamailio is missing: apt-get install kamailio (or set KAMAILIO to its binary)" >&2
    exit 2
  fi
  mkdir -p "$work/kamailio"
  modules=()
  [ -n "${KAMAILIO_MODULES:-}" ] && modules=(-L "$KAMAILIO_MODULES")
  "$kamailio_bin" -DD -E -f "$bench_dir/kamailio-stateless.cfg" "${modules[@]}" \
    -A 'UAS_HOST="127.0.0.1"' -A "UAS_PORT=$uas_port" \
    -l "udp:127.0.0.1:$kamailio_port" -l "tcp:127.0.0.1:$kamailio_port" \
    -Y "$work/kamailio" -P "$work/kamailio/kamailio.pid" >"$work/kamailio.log" 2>&1 &
  kamailio_pid=$!
  proxy_pid=$kamailio_pid
  target=127.0.0.1:$kamailio_port
  wait_bound "$kamailio_port"
fi

total_calls=0
total_seconds=0
for rate in $rates; do
  total_calls=$((total_calls + calls))
  total_seconds=$((total_seconds + calls / rate + hold_ms / 1000 + 40))
done

sipp -sf "$scenarios/uas-answer.xml" -t "$sipp_transport" -i 127.0.0.1 -bind_local -p "$uas_port" \
  -ci 127.0.0.1 -cp $((uas_port + 1)) -mi 127.0.0.1 -mp $((uas_port + 2)) -m "$total_calls" -nostdin \
  -timeout "${total_seconds}s" -trace_stat -stf "$work/uas.csv" -trace_err -error_file "$work/uas-errors.log" \
  >"$work/uas.out" 2>&1 &
uas_pid=$!
wait_bound "$uas_port"

# column FILE NAME: NAME's value in the last row of a SIPp -trace_stat CSV.
column() {
  awk -F';' -v name="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i } END { print $c }' "$1"
}

# usage_of PID: "RSS_KB CPU_TICKS" summed over the process and its children (Kamailio forks workers).
usage_of() {
  local rss=0 ticks=0 p
  for p in "$1" $(pgrep -P "$1" || true); do
    [ -r "/proc/$p/stat" ] || continue
    rss=$((rss + $(awk '/^VmRSS:/ { print $2 }' "/proc/$p/status")))
    ticks=$((ticks + $(awk '{ print $14 + $15 }' "/proc/$p/stat")))
  done
  echo "$rss $ticks"
}

clock_ticks=$(getconf CLK_TCK)
echo "target $target ($transport$($kamailio && echo ', Kamailio stateless')), UAS 127.0.0.1:$uas_port, $calls calls per step, hold ${hold_ms} ms"
printf '%8s %10s %10s %8s %10s %12s %10s %8s\n' rate attempted succeeded failed seconds "setup (ms)" "RSS (MB)" "CPU %"

for rate in $rates; do
  step_seconds=$((calls / rate + hold_ms / 1000 + 30))
  before=$([ -n "$proxy_pid" ] && usage_of "$proxy_pid" || echo "0 0")
  started=$(date +%s.%N)
  timeout --kill-after=5 $((step_seconds + 10)) \
    sipp "$target" -sf "$scenarios/uac-call-bye.xml" -t "$sipp_transport" -i 127.0.0.1 -bind_local \
    -p $((uas_port + 10)) -ci 127.0.0.1 -cp $((uas_port + 11)) -mi 127.0.0.1 -mp $((uas_port + 12)) \
    -m "$calls" -r "$rate" -d "$hold_ms" -s "$callee" -key caller "$caller" -nostdin \
    -timeout "${step_seconds}s" -trace_stat -stf "$work/uac-$rate.csv" \
    -trace_err -error_file "$work/uac-$rate-errors.log" >"$work/uac-$rate.out" 2>&1 || true
  elapsed=$(awk -v from="$started" -v to="$(date +%s.%N)" 'BEGIN { printf "%.2f", to - from }')
  stats="$work/uac-$rate.csv"
  if [ ! -s "$stats" ]; then
    echo "rate $rate: SIPp wrote no statistics; see $work/uac-$rate.out" >&2
    continue
  fi
  # ResponseTime1(C) is the mean INVITE-to-200 time as hh:mm:ss:microseconds.
  setup_ms=$(column "$stats" 'ResponseTime1(C)' | awk -F: '{ printf "%.1f", (($1 * 60 + $2) * 60 + $3) * 1000 + $4 / 1000 }')
  rss_mb=- cpu=-
  if [ -n "$proxy_pid" ]; then
    read -r rss ticks_after <<<"$(usage_of "$proxy_pid")"
    rss_mb=$(awk -v kb="$rss" 'BEGIN { printf "%.1f", kb / 1024 }')
    cpu=$(awk -v used=$((ticks_after - ${before#* })) -v hz="$clock_ticks" -v s="$elapsed" 'BEGIN { printf "%.1f", used * 100 / hz / s }')
  fi
  printf '%8s %10s %10s %8s %10.1f %12s %10s %8s\n' "$rate" "$(column "$stats" TotalCallCreated)" \
    "$(column "$stats" 'SuccessfulCall(C)')" "$(column "$stats" 'FailedCall(C)')" "$elapsed" "$setup_ms" "$rss_mb" "$cpu"
  sleep 2
done

echo "SIPp logs and statistics: $work"
