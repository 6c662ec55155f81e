#!/usr/bin/env bash
# SIP load bench. A SIPp UAC calls through the switch (and/or a transaction-stateful Kamailio) to a SIPp UAS.
#
# Call rate (default): one step per call rate, each step a fixed number of calls (rate x --seconds, or --calls);
# one table row per target and step shows calls attempted, succeeded and failed, the call rate SIPp reached, the
# mean setup time, SIPp's retransmissions, the datagrams the kernel dropped on the proxy's and the UAS's sockets, and
# the proxy's memory and CPU. A step passes when fewer than 0.1 % of its calls failed
# ((attempted - succeeded) / attempted < 0.001), every planned call was attempted, and SIPp reached at least 95 % of
# the asked rate. At the end, each target's highest sustained call rate is its highest step that passed with every
# step below it, and its "clean" rate the highest such step with under 0.1 % retransmitted calls and dropped datagrams.
# --compare runs the switch and Kamailio step by step, interleaved, so both figures come from one run.
#
# Concurrency (--hold N): N calls are opened at --hold-rate and held until all are up, the proxy's RSS is read at 0
# and at N calls, then the calls end by themselves and the script checks that all of them completed.
#
# Every SIPp run is bounded by SIPp's -timeout and by timeout(1); so is every wait.
set -euo pipefail

bench_dir=$(cd "$(dirname "$0")" && pwd)
scenarios="$bench_dir/../tests/Softswitch.Interop.Tests/Scenarios"

target=${SWITCH:-127.0.0.1:5060}
uas_port=${UAS_PORT:-5090}
proxy_pid=${SWITCH_PID:-}
rates=${RATES:-50 100 200 400 800 1200 1600 2400 3200}
step_seconds=${STEP_SECONDS:-10}
calls=${CALLS_PER_STEP:-}
hold_ms=${HOLD_MS:-0}
callee=${CALLEE:-15550002222}
caller=${CALLER:-15550001111}
warmup=${WARMUP_CALLS:-200}
max_failed_steps=${MAX_FAILED_STEPS:-2}
transport=udp
mode=switch # switch | kamailio | compare
kamailio_port=${KAMAILIO_PORT:-5070}
kamailio_shm_mb=${KAMAILIO_SHM_MB:-2048}
hold_calls=0
hold_rate=${HOLD_RATE:-500}
hold_seconds=${HOLD_SECONDS:-30}
sipp_buffer=${SIPP_BUFFER:-1048576}
max_fail_ratio=0.001
min_rate_ratio=0.95

usage() {
  cat <<EOF
Usage: $0 [options]
  --target HOST:PORT   the switch (default \$SWITCH or 127.0.0.1:5060)
  --uas-port PORT      the SIPp UAS the switch routes to (default \$UAS_PORT or 5090); SIPp also uses
                       PORT+1 to PORT+4 and PORT+10 to PORT+14 on 127.0.0.1 (control and media ports)
  --pid PID            the switch's process, for its RSS and CPU (default \$SWITCH_PID)
  --rates "R1 R2 ..."  calls per second, one step each (default \$RATES or "$rates")
  --seconds S          length of a step: rate x S calls (default \$STEP_SECONDS or 10)
  --calls N            a fixed number of calls per step instead (default \$CALLS_PER_STEP)
  --hold-ms N          talk time of each call (default \$HOLD_MS or 0)
  --callee NUMBER      number dialled (default \$CALLEE or 15550002222)
  --warmup N           calls at 50 cps before the first step or hold, not reported (default \$WARMUP_CALLS or 200)
  --max-failed-steps N a target stops stepping after N failed steps in a row (default \$MAX_FAILED_STEPS or 2)
  --tcp                SIP over TCP instead of UDP
  --kamailio           target a transaction-stateful Kamailio on 127.0.0.1:\$KAMAILIO_PORT (default 5070) instead
                       of the switch, started here with bench/kamailio-stateful.cfg (binary: \$KAMAILIO or kamailio)
  --kamailio-port PORT Kamailio's port (default \$KAMAILIO_PORT or 5070)
  --compare            both: every step runs against the switch, then against Kamailio; one summary for both
  --hold N             concurrency instead of call rate: hold N calls open and report the RSS at 0 and N calls
  --hold-rate R        calls per second while opening them (default \$HOLD_RATE or 500)
  --hold-seconds S     how long all N calls stay up together (default \$HOLD_SECONDS or 30)
EOF
}

while [ $# -gt 0 ]; do
  case $1 in
    --target) target=$2; shift 2 ;;
    --uas-port) uas_port=$2; shift 2 ;;
    --pid) proxy_pid=$2; shift 2 ;;
    --rates) rates=$2; shift 2 ;;
    --seconds) step_seconds=$2; shift 2 ;;
    --calls) calls=$2; shift 2 ;;
    --hold-ms) hold_ms=$2; shift 2 ;;
    --callee) callee=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --max-failed-steps) max_failed_steps=$2; shift 2 ;;
    --tcp) transport=tcp; shift ;;
    --kamailio) mode=kamailio; shift ;;
    --kamailio-port) kamailio_port=$2; shift 2 ;;
    --compare) mode=compare; shift ;;
    --hold) hold_calls=$2; shift 2 ;;
    --hold-rate) hold_rate=$2; shift 2 ;;
    --hold-seconds) hold_seconds=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

command -v sipp >/dev/null || { echo "SIPp is missing: apt-get install sip-tester" >&2; exit 2; }
sipp_transport=$([ "$transport" = tcp ] && echo t1 || echo u1)
work=$(mktemp -d /tmp/sip-load.XXXXXX)
# SIPp names its -trace_counts files after the scenario file: copies here keep them out of the repository. The UAS
# is the bench's own uas-answer.xml, which also answers INVITE retransmissions (see the file).
cp "$scenarios/uac-call-bye.xml" "$bench_dir/uas-answer.xml" "$work/"
uas_pid="" kamailio_pid=""

# SIPp holds a socket per call on TCP and needs headroom for many calls: raise the open-file limit where allowed.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

# reap PID: waits for PID to exit, killing it after 5 s.
reap() {
  (sleep 5; kill -9 "$1" 2>/dev/null) &
  local watchdog=$!
  wait "$1" 2>/dev/null || true
  kill "$watchdog" 2>/dev/null || true
  wait "$watchdog" 2>/dev/null || true
}

stop_uas() {
  if [ -n "$uas_pid" ]; then
    # SIPp's remote control: 'q' over UDP to its control port ends it once its calls are done.
    printf q >"/dev/udp/127.0.0.1/$((uas_port + 1))" 2>/dev/null || true
    reap "$uas_pid"
    uas_pid=""
  fi
}

stop_kamailio() {
  if [ -n "$kamailio_pid" ]; then
    kill "$kamailio_pid" 2>/dev/null || true
    reap "$kamailio_pid"
    kamailio_pid=""
  fi
}

stop() {
  stop_uas
  stop_kamailio
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

# ensure_free PORT WHAT: exits when something already listens on 127.0.0.1:PORT (UDP or TCP), such as a leftover
# Kamailio or SIPp, which would otherwise answer in place of the one started here.
ensure_free() {
  if [ -n "$(ss -ulnH "sport = :$1")$(ss -tlnH "sport = :$1")" ]; then
    echo "port $1 ($2) is already in use:" >&2
    ss -ulnpH "sport = :$1" >&2
    ss -tlnpH "sport = :$1" >&2
    exit 2
  fi
}

start_kamailio() {
  ensure_free "$kamailio_port" Kamailio
  local kamailio_bin=${KAMAILIO:-$(command -v kamailio || true)}
  if [ -z "$kamailio_bin" ]; then
    echo "Kamailio is missing: apt-get install kamailio (or set KAMAILIO to its binary)" >&2
    exit 2
  fi
  mkdir -p "$work/kamailio"
  local modules=()
  [ -n "${KAMAILIO_MODULES:-}" ] && modules=(-L "$KAMAILIO_MODULES")
  "$kamailio_bin" -DD -E -f "$bench_dir/kamailio-stateful.cfg" "${modules[@]}" -m "$kamailio_shm_mb" \
    -A 'UAS_HOST="127.0.0.1"' -A "UAS_PORT=$uas_port" \
    -l "udp:127.0.0.1:$kamailio_port" -l "tcp:127.0.0.1:$kamailio_port" \
    -Y "$work/kamailio" -P "$work/kamailio/kamailio.pid" >"$work/kamailio.log" 2>&1 &
  kamailio_pid=$!
  if ! wait_bound "$kamailio_port"; then
    echo "Kamailio did not start; its log:" >&2
    tail -20 "$work/kamailio.log" >&2
    exit 1
  fi
}

# start_uas SECONDS: the SIPp UAS answering every call, for at most SECONDS.
start_uas() {
  ensure_free "$uas_port" "SIPp UAS"
  (cd "$work" && exec sipp -sf uas-answer.xml -t "$sipp_transport" -i 127.0.0.1 -bind_local -p "$uas_port" \
    -ci 127.0.0.1 -cp $((uas_port + 1)) -mi 127.0.0.1 -mp $((uas_port + 2)) -nostdin -buff_size "$sipp_buffer" \
    -timeout "${1}s" -trace_stat -stf "$work/uas.csv" -fd 1 -trace_counts \
    -trace_err -error_file "$work/uas-errors.log" >"$work/uas.out" 2>&1) &
  uas_pid=$!
  wait_bound "$uas_port"
}

# run_uac NAME TARGET CALLS RATE HOLD_MS [LIMIT]: one bounded SIPp UAC run; statistics in $work/NAME.csv.
run_uac() {
  local name=$1 to=$2 n=$3 r=$4 d=$5 limit=${6:-}
  local bound=$((n / r + d / 1000 + 30))
  local extra=()
  [ -n "$limit" ] && extra=(-l "$limit")
  (cd "$work" && exec timeout --kill-after=5 $((bound + 10)) \
    sipp "$to" -sf uac-call-bye.xml -t "$sipp_transport" -i 127.0.0.1 -bind_local \
    -p $((uas_port + 10)) -ci 127.0.0.1 -cp $((uas_port + 11)) -mi 127.0.0.1 -mp $((uas_port + 12)) \
    -m "$n" -r "$r" -d "$d" "${extra[@]}" -s "$callee" -key caller "$caller" -nostdin -buff_size "$sipp_buffer" \
    -timeout "${bound}s" -trace_stat -stf "$work/$name.csv" -fd 1 \
    -trace_err -error_file "$work/$name-errors.log" >"$work/$name.out" 2>&1) || true
}

# column FILE NAME: NAME's value in the last row of a SIPp CSV (-trace_stat or -trace_counts).
column() {
  awk -F';' -v name="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i } END { print (c ? $c : "") }' "$1"
}

# column_like FILE SUFFIX: the last row's value of the first column whose name ends in SUFFIX (e.g. _ACK_Recv).
column_like() {
  awk -F';' -v suffix="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if (!c && substr($i, length($i) - length(suffix) + 1) == suffix) c = i }
    END { print (c ? $c + 0 : 0) }' "$1" 2>/dev/null || echo 0
}

# reached_rate FILE CALLS: calls per second SIPp reached while creating CALLS calls, from its once-a-second
# statistics rows, interpolating the moment the CALLS-th call was created.
reached_rate() {
  awk -F';' -v n="$2" '
    function epoch(field,  parts) { split(field, parts, "\t"); return parts[3] }
    NR == 1 { for (i = 1; i <= NF; i++) { if ($i == "TotalCallCreated") c = i } next }
    {
      if (!start) start = epoch($1)
      t = epoch($3); created = $c
      if (created >= n && !done) {
        at = (created > prev_created) ? prev_t + (t - prev_t) * (n - prev_created) / (created - prev_created) : t
        done = 1
      }
      prev_t = t; prev_created = created
    }
    END { if (done && at > start) printf "%.1f", n / (at - start); else print 0 }' "$1"
}

# usage_of PID: "MEMORY_KB CPU_TICKS" over the process and its children (Kamailio forks workers). A single process
# counts its VmRSS; a process tree the sum of its proportional set sizes (Pss), so shared memory counts once.
usage_of() {
  local pids=("$1") p mem=0 ticks=0 field=VmRSS file=status
  mapfile -t -O 1 pids < <(pgrep -P "$1" || true)
  if [ "${#pids[@]}" -gt 1 ]; then field=Pss file=smaps_rollup; fi
  for p in "${pids[@]}"; do
    [ -r "/proc/$p/stat" ] || continue
    mem=$((mem + $(awk -v f="$field:" '$1 == f { v = $2 } END { print v + 0 }' "/proc/$p/$file" 2>/dev/null || echo 0)))
    ticks=$((ticks + $(awk '{ v = $14 + $15 } END { print v + 0 }' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$mem $ticks"
}

# udp_drops PORT: datagrams the kernel dropped on the UDP socket(s) bound to 127.0.0.1:PORT (full receive buffer),
# from the last column of /proc/net/udp; 0 when nothing is bound there.
udp_drops() {
  awk -v port="$(printf '%04X' "$1")" 'NR > 1 && $2 == "0100007F:" port { d += $NF } END { print d + 0 }' /proc/net/udp
}

# settle PID: after a step, wait (at most 60 s) until PID and its children use less than 5 % of a core over a second,
# so that a proxy's leftover work (transactions ending, timers, garbage collection) does not run into the next step.
settle() {
  local t0 t1
  [ -n "$1" ] || { sleep 2; return 0; }
  for _ in $(seq 60); do
    read -r _ t0 <<<"$(usage_of "$1")"
    sleep 1
    read -r _ t1 <<<"$(usage_of "$1")"
    [ $(((t1 - t0) * 100)) -lt $((5 * clock_ticks)) ] && return 0
  done
}

mb() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }
load_average() { cut -d' ' -f1-3 /proc/loadavg; }
clock_ticks=$(getconf CLK_TCK)

# The targets of this run: label, SIP address, PID.
labels=() addresses=() pids=()
if [ "$mode" != kamailio ]; then
  labels+=(switch); addresses+=("$target"); pids+=("$proxy_pid")
fi
if [ "$mode" != switch ]; then
  start_kamailio
  labels+=(kamailio); addresses+=("127.0.0.1:$kamailio_port"); pids+=("$kamailio_pid")
fi

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(load_average) at the start"
for i in "${!labels[@]}"; do
  echo "${labels[$i]}: ${addresses[$i]} ($transport$([ "${labels[$i]}" = kamailio ] && echo ', Kamailio transaction-stateful, 2 workers')), pid ${pids[$i]:-unknown}"
done
echo "UAS 127.0.0.1:$uas_port; SIPp logs and statistics in $work"

warm_up() {
  local i
  [ "$warmup" -gt 0 ] || return 0
  for i in "${!labels[@]}"; do
    run_uac "warmup-${labels[$i]}" "${addresses[$i]}" "$warmup" 50 0
    local ok
    ok=$(column "$work/warmup-${labels[$i]}.csv" 'SuccessfulCall(C)' 2>/dev/null || echo 0)
    echo "warm-up ${labels[$i]}: ${ok:-0}/$warmup calls succeeded"
    settle "${pids[$i]}"
  done
}

# ---------------------------------------------------------------------------------------------------------------
# Concurrency: --hold N
# ---------------------------------------------------------------------------------------------------------------
run_hold() {
  local label=$1 to=$2 pid=$3
  local ramp=$(((hold_calls + hold_rate - 1) / hold_rate))
  # Call k answers at about k / rate and hangs up d_ms later: all N calls are up together from about ramp to d_ms.
  local d_ms=$(((ramp + 30 + hold_seconds) * 1000))
  local counts="$work/uas-answer_${uas_pid}_counts.csv"
  local up_at="" acks=0 deadline rss0 rss_up peak=0 rss_end mem

  sleep 2 # the UAS dumps its counts once a second: let them catch up with earlier calls
  read -r rss0 _ <<<"$(usage_of "$pid")"
  echo
  echo "$label: holding $hold_calls calls, opened at $hold_rate cps; each lasts $((d_ms / 1000)) s; load average $(load_average)"
  local acks_before byes_before
  acks_before=$(column_like "$counts" _ACK_Recv)
  byes_before=$(column_like "$counts" _BYE_Recv)
  local started=$SECONDS
  (run_uac "hold-$label" "$to" "$hold_calls" "$hold_rate" "$d_ms" "$hold_calls") &
  local uac=$!

  # Wait until the UAS has had the ACK of every call (its counts are dumped once a second), at most until the first
  # call would hang up.
  deadline=$((started + d_ms / 1000 - 5))
  while [ "$SECONDS" -lt "$deadline" ] && kill -0 "$uac" 2>/dev/null; do
    acks=$(($(column_like "$counts" _ACK_Recv) - acks_before))
    read -r mem _ <<<"$(usage_of "$pid")"
    [ "$mem" -gt "$peak" ] && peak=$mem
    if [ "$acks" -ge "$hold_calls" ]; then up_at=$((SECONDS - started)); break; fi
    sleep 1
  done
  if [ -z "$up_at" ]; then
    echo "$label: only $acks of $hold_calls calls were up after $((SECONDS - started)) s" >&2
  else
    # Let the switch settle with all calls up, then read its RSS a few times.
    sleep $((hold_seconds / 2 < 10 ? hold_seconds / 2 : 10))
    local s
    rss_up=0
    for s in 1 2 3; do
      read -r mem _ <<<"$(usage_of "$pid")"
      [ "$mem" -gt "$rss_up" ] && rss_up=$mem
      sleep 1
    done
    [ "$rss_up" -gt "$peak" ] && peak=$rss_up
  fi

  # The calls end by themselves (BYE after d_ms); wait for the UAC to finish, and the UAS to dump its counts.
  wait "$uac" 2>/dev/null || true
  sleep 5
  read -r rss_end _ <<<"$(usage_of "$pid")"
  local stats="$work/hold-$label.csv"
  local attempted succeeded byes
  attempted=$(column "$stats" TotalCallCreated 2>/dev/null || echo 0)
  succeeded=$(column "$stats" 'SuccessfulCall(C)' 2>/dev/null || echo 0)
  byes=$(($(column_like "$counts" _BYE_Recv) - byes_before))
  printf '%-9s %8s %8s %9s %8s %10s %11s %11s %11s %11s\n' target calls up "up after" "BYEs" completed "RSS 0 MB" "RSS N MB" \
    "peak MB" "after MB"
  printf '%-9s %8s %8s %8ss %8s %10s %11s %11s %11s %11s\n' "$label" "${attempted:-0}" "$acks" "${up_at:--}" "$byes" \
    "${succeeded:-0}" \
    "$(mb "$rss0")" "$([ -n "$up_at" ] && mb "$rss_up" || echo -)" "$(mb "$peak")" "$(mb "$rss_end")"
  if [ -n "$up_at" ]; then
    echo "$label: $(awk -v a="$rss0" -v b="$rss_up" -v n="$hold_calls" 'BEGIN { printf "%.1f KB per held call ((RSS N - RSS 0) / N)", (b - a) / n }')"
  fi
  if [ "$succeeded" = "$hold_calls" ] && [ "$byes" -eq "$hold_calls" ] && [ -n "$up_at" ]; then
    echo "$label: all $hold_calls calls were up at once and all completed (INVITE, 200, ACK, BYE, 200)"
    return 0
  fi
  echo "$label: FAILED: $succeeded of $hold_calls calls completed, the UAS had $byes BYEs; SIPp errors in $work/hold-$label-errors.log" >&2
  return 1
}

if [ "$hold_calls" -gt 0 ]; then
  hold_total=$((2 * (hold_calls / hold_rate) + hold_seconds + 120))
  start_uas $((${#labels[@]} * (hold_total + 60) + warmup / 50 * ${#labels[@]} + 60))
  warm_up
  status=0
  for i in "${!labels[@]}"; do
    [ -n "${pids[$i]}" ] || { echo "${labels[$i]}: --hold needs its PID (--pid)" >&2; exit 2; }
    run_hold "${labels[$i]}" "${addresses[$i]}" "${pids[$i]}" || status=1
  done
  echo "load average $(load_average) at the end"
  exit "$status"
fi

# ---------------------------------------------------------------------------------------------------------------
# Call rate steps
# ---------------------------------------------------------------------------------------------------------------
calls_at() { if [ -n "$calls" ]; then echo "$calls"; else echo $(($1 * step_seconds)); fi; }

total_seconds=60
for rate in $rates; do
  total_seconds=$((total_seconds + ${#labels[@]} * ($(calls_at "$rate") / rate + hold_ms / 1000 + 50)))
done
start_uas $((total_seconds + warmup / 50 * ${#labels[@]}))
warm_up

declare -A best best_row first_failure failed_in_a_row passed_later clean unclean
printf '\n%-9s %6s %9s %9s %7s %9s %8s %9s %8s %6s %7s %8s %7s  %s\n' target rate attempted succeeded failed "cps made" seconds \
  "setup ms" retrans drops "UAS dr" "RSS MB" "CPU %" result
for rate in $rates; do
  for i in "${!labels[@]}"; do
    label=${labels[$i]} pid=${pids[$i]}
    [ "${failed_in_a_row[$label]:-0}" -lt "$max_failed_steps" ] || continue
    n=$(calls_at "$rate")
    name="uac-$label-$rate"
    before=$([ -n "$pid" ] && usage_of "$pid" || echo "0 0")
    port=${addresses[$i]##*:}
    drops_before=$(udp_drops "$port") uas_drops_before=$(udp_drops "$uas_port")
    started=$(date +%s.%N)
    run_uac "$name" "${addresses[$i]}" "$n" "$rate" "$hold_ms"
    elapsed=$(awk -v from="$started" -v to="$(date +%s.%N)" 'BEGIN { printf "%.2f", to - from }')
    drops=$(($(udp_drops "$port") - drops_before)) uas_drops=$(($(udp_drops "$uas_port") - uas_drops_before))
    [ "$transport" = udp ] || drops=- uas_drops=-
    stats="$work/$name.csv"
    if [ ! -s "$stats" ]; then
      echo "$label rate $rate: SIPp wrote no statistics; see $work/$name.out" >&2
      failed_in_a_row[$label]=$((${failed_in_a_row[$label]:-0} + 1))
      continue
    fi
    attempted=$(column "$stats" TotalCallCreated)
    attempted=${attempted:-0}
    succeeded=$(column "$stats" 'SuccessfulCall(C)')
    succeeded=${succeeded:-0}
    failed=$((attempted - succeeded))
    made=$(reached_rate "$stats" "$n")
    retrans=$(column "$stats" 'Retransmissions(C)')
    # ResponseTime1(C) is the mean INVITE-to-200 time as hh:mm:ss:microseconds.
    setup_ms=$(column "$stats" 'ResponseTime1(C)' | awk -F: '{ printf "%.1f", (($1 * 60 + $2) * 60 + $3) * 1000 + $4 / 1000 }')
    mem_mb=- cpu=-
    if [ -n "$pid" ]; then
      read -r mem ticks_after <<<"$(usage_of "$pid")"
      mem_mb=$(mb "$mem")
      cpu=$(awk -v used=$((ticks_after - ${before#* })) -v hz="$clock_ticks" -v s="$elapsed" 'BEGIN { printf "%.1f", used * 100 / hz / s }')
    fi
    if [ "$attempted" -eq "$n" ] && awk -v f="$failed" -v a="$attempted" -v m="$made" -v r="$rate" \
      -v fr="$max_fail_ratio" -v rr="$min_rate_ratio" 'BEGIN { exit !(a > 0 && f / a < fr && m >= r * rr) }'; then
      result=pass
      failed_in_a_row[$label]=0
      # Clean: passed with fewer than 0.1 % of the calls retransmitted by SIPp and as few datagrams dropped by the
      # kernel on the target's socket, at this step and every lower one.
      if [ -z "${unclean[$label]:-}" ] && [ $((${retrans:-0} * 1000)) -lt "$n" ] && [ $((${drops/-/0} * 1000)) -lt "$n" ]; then
        clean[$label]=$rate
      else
        unclean[$label]=1
      fi
      # Sustained: passed, and so did every lower step. A pass above a failed step is noted, not counted.
      if [ -z "${first_failure[$label]:-}" ]; then
        best[$label]=$rate
        best_row[$label]="CPU $cpu %, RSS $mem_mb MB, setup $setup_ms ms, $retrans retransmissions, $drops drops"
      else
        passed_later[$label]="${passed_later[$label]:-}${passed_later[$label]:+, }$rate"
      fi
    else
      result=FAIL
      unclean[$label]=1
      failed_in_a_row[$label]=$((${failed_in_a_row[$label]:-0} + 1))
      [ -n "${first_failure[$label]:-}" ] ||
        first_failure[$label]="$rate cps ($failed of $attempted calls failed, $made cps made; $work/$name-errors.log)"
    fi
    printf '%-9s %6s %9s %9s %7s %9s %8.1f %9s %8s %6s %7s %8s %7s  %s\n' "$label" "$rate" "$attempted" "$succeeded" \
      "$failed" "$made" "$elapsed" "$setup_ms" "${retrans:-0}" "$drops" "$uas_drops" "$mem_mb" "$cpu" "$result"
    settle "$pid"
  done
done

echo
echo "Highest sustained call rate: the highest step that passed with every step below it (< 0.1 % failed calls,"
echo ">= 95 % of the asked rate made, ${calls:+$calls calls per step}${calls:-rate x $step_seconds s of calls per step}):"
for label in "${labels[@]}"; do
  if [ -n "${best[$label]:-}" ]; then
    printf '  %-9s %6s cps   at that step: %s\n' "$label" "${best[$label]}" "${best_row[$label]}"
  else
    printf '  %-9s %6s       no step passed\n' "$label" -
  fi
  [ -z "${first_failure[$label]:-}" ] || printf '  %-9s %6s       first failed step: %s\n' "" "" "${first_failure[$label]}"
  printf '  %-9s %6s       clean (< 0.1 %% of calls retransmitted, < 0.1 %% dropped datagrams) up to: %s cps\n' "" "" \
    "${clean[$label]:--}"
  [ -z "${passed_later[$label]:-}" ] || printf '  %-9s %6s       passed again after it (not counted): %s cps\n' "" "" "${passed_later[$label]}"
done
echo "load average $(load_average) at the end"
echo "SIPp logs and statistics: $work"
