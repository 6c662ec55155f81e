#!/usr/bin/env bash
# SIP load bench: a SIPp caller (sipp -sn uac) calls through the switch and/or Kamailio (bench/kamailio-anchor.cfg)
# to a SIPp callee (sipp -sn uas).
#
# Call rate (default): one step per call rate, each step rate x --seconds calls of --hold-ms each. A step passes when
#   failed calls <= 0.1 % of the step's calls, retransmissions (caller plus callee SIPp) <= 0.5 % of its calls, and
#   SIPp made >= 95 % of the asked rate. A target's result is its highest step that passed with every step below it.
#   --compare interleaves the switch and Kamailio step by step, so both results (and their ratio) come from one run.
# Concurrency (--hold N): N calls are opened and held up together; the target's RSS at 0 and at N calls gives KB per
#   held call.
#
# The script starts only Kamailio and SIPp; the switch is started by the user (bench/README.md). Every SIPp run and
# every wait is bounded by timeout(1) or a bounded loop.
set -euo pipefail

bench_dir=$(cd "$(dirname "$0")" && pwd)

target=${SWITCH:-127.0.0.1:5060}
uas_port=${UAS_PORT:-5080}
kamailio_uas_port=${KAMAILIO_UAS_PORT:-}
sipp_ports=${SIPP_PORTS:-15000}
proxy_pid=${SWITCH_PID:-}
rates=${RATES:-100 250 500 750 1000 1500 2000 3000 4000 5000 6000 8000}
step_seconds=${STEP_SECONDS:-20}
hold_ms=${HOLD_MS:-1000}
callee=${CALLEE:-15550002222}
warmup=${WARMUP_CALLS:-200}
max_failed_steps=${MAX_FAILED_STEPS:-2}
transport=udp
mode=switch # switch | kamailio | compare
kamailio_variant=dialog # dialog | plain
hold_calls=0
hold_rate=${HOLD_RATE:-500}
hold_seconds=${HOLD_SECONDS:-30}
sipp_buffer=${SIPP_BUFFER:-1048576}
# Kamailio's address is fixed by kamailio-anchor.cfg (listen=udp:127.0.0.1:5070).
kamailio_address=127.0.0.1:5070
max_fail_ratio=0.001
max_retrans_ratio=0.005
min_rate_ratio=0.95

usage() {
  cat <<EOF
Usage: $0 [options]
  --target HOST:PORT   the switch (default \$SWITCH or 127.0.0.1:5060)
  --pid PID            the switch's process, for its RSS and CPU (default \$SWITCH_PID; needed by --hold)
  --uas-port PORT      the SIPp UAS the switch routes to (default \$UAS_PORT or 5080, the demo tenant's vendor)
  --kamailio-uas-port PORT
                       the UAS Kamailio relays to (default: the same UAS); a different port starts a second UAS
  --sipp-ports BASE    SIPp's other ports: BASE and BASE+1 the UASes' control, BASE+10.. and BASE+20.. their media,
                       BASE+30 the UAC's SIP port, BASE+31 its control, BASE+40.. its media (default 15000)
  --rates "R1 R2 ..."  calls per second, one step each (default "$rates")
  --seconds S          length of a step: rate x S calls (default \$STEP_SECONDS or 20)
  --hold-ms N          talk time of each call (default \$HOLD_MS or 1000)
  --callee NUMBER      number dialled (default \$CALLEE or 15550002222)
  --warmup N           calls at 50 cps per target before the steps or the hold, not reported (default 200)
  --max-failed-steps N a target stops stepping after N failed steps in a row (default 2)
  --tcp                SIP over TCP to the switch (Kamailio's configuration is UDP only)
  --kamailio           Kamailio alone (with dialog + pike + htable: -A WITH_DIALOG)
  --compare            the switch and Kamailio, step by step, in one run
  --kamailio-plain     Kamailio as a plain transaction-stateful proxy (without -A WITH_DIALOG)
  --hold N             concurrency instead of call rate: hold N calls, report KB per held call
  --hold-rate R        calls per second while opening them (default \$HOLD_RATE or 500)
  --hold-seconds S     how long all N calls stay up together, at least (default \$HOLD_SECONDS or 30)
EOF
}

while [ $# -gt 0 ]; do
  case $1 in
    --target) target=$2; shift 2 ;;
    --pid) proxy_pid=$2; shift 2 ;;
    --uas-port) uas_port=$2; shift 2 ;;
    --kamailio-uas-port) kamailio_uas_port=$2; shift 2 ;;
    --sipp-ports) sipp_ports=$2; shift 2 ;;
    --rates) rates=$2; shift 2 ;;
    --seconds) step_seconds=$2; shift 2 ;;
    --hold-ms) hold_ms=$2; shift 2 ;;
    --callee) callee=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --max-failed-steps) max_failed_steps=$2; shift 2 ;;
    --tcp) transport=tcp; shift ;;
    --kamailio) mode=kamailio; shift ;;
    --compare) mode=compare; shift ;;
    --kamailio-plain) kamailio_variant=plain; shift ;;
    --hold) hold_calls=$2; shift 2 ;;
    --hold-rate) hold_rate=$2; shift 2 ;;
    --hold-seconds) hold_seconds=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done
kamailio_uas_port=${kamailio_uas_port:-$uas_port}
if [ "$transport" = tcp ] && [ "$mode" != switch ]; then
  echo "--tcp: kamailio-anchor.cfg listens on UDP only; measure the switch alone over TCP" >&2
  exit 2
fi

# install_packages PACKAGE...: apt-get install, as tests/run.sh does, with sudo when not root.
install_packages() {
  local sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd=sudo
  echo "installing: $*"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "$@" >/dev/null
}
command -v sipp >/dev/null || install_packages sip-tester
if [ "$mode" != switch ] && [ -z "${KAMAILIO:-}" ] && ! command -v kamailio >/dev/null; then
  install_packages kamailio
fi

sipp_transport=$([ "$transport" = tcp ] && echo t1 || echo u1)
work=$(mktemp -d /tmp/sip-load.XXXXXX)
uas_pids=() kamailio_runner="" kamailio_pid=""

# SIPp holds a socket per call on TCP: raise the open-file limit where allowed.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

# reap PID: waits for PID to exit; TERM after 5 s (timeout(1) passes it on to its command), KILL after 10 s.
reap() {
  (sleep 5; kill "$1" 2>/dev/null; sleep 5; kill -9 "$1" 2>/dev/null) &
  local watchdog=$!
  wait "$1" 2>/dev/null || true
  kill "$watchdog" 2>/dev/null || true
  wait "$watchdog" 2>/dev/null || true
}

stop() {
  local i
  for i in "${!uas_pids[@]}"; do
    # SIPp's remote control: 'q' over UDP to its control port ends it once its calls are done.
    printf q >"/dev/udp/127.0.0.1/$((sipp_ports + i))" 2>/dev/null || true
    reap "${uas_pids[$i]}"
  done
  uas_pids=()
  if [ -n "$kamailio_runner" ]; then
    kill "$kamailio_runner" 2>/dev/null || true
    reap "$kamailio_runner"
    kamailio_runner=""
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

# ensure_free PORT WHAT: exits when something already listens on PORT (UDP or TCP), such as a leftover Kamailio or
# SIPp, which would otherwise answer in place of the one started here.
ensure_free() {
  if [ -n "$(ss -ulnH "sport = :$1")$(ss -tlnH "sport = :$1")" ]; then
    echo "port $1 ($2) is already in use:" >&2
    ss -ulnpH "sport = :$1" >&2
    ss -tlnpH "sport = :$1" >&2
    exit 2
  fi
}

kamailio_listening() { [ -n "$(ss -ulnH "sport = :${kamailio_address##*:}")" ]; }

# start_kamailio SECONDS: Kamailio as /work/shared/bench/README.md starts it, for at most SECONDS. The extra -A
# defines only move the UAS and the control socket (the shared /tmp default would clash between runs); -Y and -P keep
# its runtime files in the work folder.
start_kamailio() {
  ensure_free "${kamailio_address##*:}" Kamailio
  local kamailio_bin=${KAMAILIO:-kamailio} defines=()
  [ "$kamailio_variant" = dialog ] && defines=(-A WITH_DIALOG)
  [ -n "${KAMAILIO_MODULES:-}" ] && defines+=(-L "$KAMAILIO_MODULES")
  mkdir -p "$work/kamailio"
  timeout --kill-after=10 "$1" "$kamailio_bin" -DD -E -f "$bench_dir/kamailio-anchor.cfg" "${defines[@]}" \
    -n 1 -m 1024 -M 16 -x tlsf -X tlsf \
    -A "UAS_DST=\"sip:127.0.0.1:$kamailio_uas_port\"" -A "CTL_SOCK=\"unix:$work/kamailio/ctl\"" \
    -Y "$work/kamailio" -P "$work/kamailio/kamailio.pid" >"$work/kamailio.log" 2>&1 &
  kamailio_runner=$!
  # shm_force_alloc pre-faults the 1 GB of shared memory before Kamailio binds its socket: allow it 20 s.
  for _ in $(seq 100); do
    [ -s "$work/kamailio/kamailio.pid" ] && kamailio_listening && break
    kill -0 "$kamailio_runner" 2>/dev/null || break
    sleep 0.2
  done
  if [ ! -s "$work/kamailio/kamailio.pid" ] || ! kamailio_listening; then
    echo "Kamailio did not start within 20 s; its log:" >&2
    tail -20 "$work/kamailio.log" >&2
    exit 1
  fi
  kamailio_pid=$(cat "$work/kamailio/kamailio.pid")
}

# start_uas INDEX PORT SECONDS: SIPp's built-in UAS answering every call on PORT, for at most SECONDS; statistics in
# $work/uasINDEX/ (SIPp writes its -trace_counts file, named after the scenario, in its working directory).
start_uas() {
  ensure_free "$2" "SIPp UAS"
  mkdir -p "$work/uas$1"
  (cd "$work/uas$1" && exec timeout --kill-after=5 "$3" sipp -sn uas -t "$sipp_transport" -i 127.0.0.1 -bind_local \
    -p "$2" -ci 127.0.0.1 -cp $((sipp_ports + $1)) -mi 127.0.0.1 -mp $((sipp_ports + 10 * ($1 + 1))) -nostdin \
    -buff_size "$sipp_buffer" -timeout "$(($3 - 5))s" -trace_stat -stf "$work/uas$1/stat.csv" -fd 1 -trace_counts \
    -trace_err -error_file "$work/uas$1/errors.log" >"$work/uas$1/out.log" 2>&1) &
  uas_pids[$1]=$!
  wait_bound "$2"
}

# run_uac NAME TARGET CALLS RATE HOLD_MS [LIMIT]: one bounded SIPp UAC run; statistics in $work/NAME.csv.
run_uac() {
  local name=$1 to=$2 n=$3 r=$4 d=$5 limit=${6:-}
  local bound=$((n / r + d / 1000 + 35))
  local extra=()
  [ -n "$limit" ] && extra=(-l "$limit")
  (cd "$work" && exec timeout --kill-after=5 $((bound + 10)) \
    sipp "$to" -sn uac -t "$sipp_transport" -i 127.0.0.1 -bind_local \
    -p $((sipp_ports + 30)) -ci 127.0.0.1 -cp $((sipp_ports + 31)) -mi 127.0.0.1 -mp $((sipp_ports + 40)) \
    -m "$n" -r "$r" -d "$d" "${extra[@]}" -s "$callee" -nostdin -buff_size "$sipp_buffer" \
    -timeout "${bound}s" -trace_stat -stf "$work/$name.csv" -fd 1 \
    -trace_err -error_file "$work/$name-errors.log" >"$work/$name.out" 2>&1) || true
}

# column FILE NAME: NAME's value in the last row of a SIPp CSV (-trace_stat or -trace_counts); 0 when missing.
column() {
  awk -F';' -v name="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i } END { print (c ? $c + 0 : 0) }' \
    "$1" 2>/dev/null || echo 0
}

# column_like FILE SUFFIX: the last row's value of the first column whose name ends in SUFFIX (e.g. _ACK_Recv).
column_like() {
  awk -F';' -v suffix="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if (!c && substr($i, length($i) - length(suffix) + 1) == suffix) c = i }
    END { print (c ? $c + 0 : 0) }' "$1" 2>/dev/null || echo 0
}

# uas_retransmissions INDEX: the UAS's retransmissions so far, read after its next once-a-second dump.
uas_retransmissions() {
  sleep 1.2
  column "$work/uas$1/stat.csv" 'Retransmissions(C)'
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
    END { if (done && at > start) printf "%.1f", n / (at - start); else print 0 }' "$1" 2>/dev/null || echo 0
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

# udp_drops PORT...: datagrams the kernel dropped on the UDP sockets bound to 127.0.0.1:PORT (full receive buffer),
# summed over the ports and over every socket on one (the switch binds several SO_REUSEPORT sockets), from
# /proc/net/udp.
udp_drops() {
  local ports
  ports=$(printf '0100007F:%04X ' "$@")
  awk -v ports="$ports" 'BEGIN { n = split(ports, p, " "); for (i = 1; i <= n; i++) want[p[i]] = 1 }
    NR > 1 && ($2 in want) { d += $NF } END { print d + 0 }' /proc/net/udp
}

# settle PID: after a step, wait (at most 60 s) until PID and its children use less than 5 % of a core over a second,
# so that a target's leftover work (transactions ending, timers, garbage collection) does not run into the next step.
# A target still busy after 60 s is reported and the run goes on (under set -e a failed test here ended the run).
settle() {
  local t0 t1 waited
  [ -n "$1" ] || { sleep 2; return 0; }
  for waited in $(seq 60); do
    read -r _ t0 <<<"$(usage_of "$1")"
    sleep 1
    read -r _ t1 <<<"$(usage_of "$1")"
    if [ $(((t1 - t0) * 100)) -lt $((5 * clock_ticks)) ]; then
      [ "$waited" -le 5 ] || echo "(pid $1 settled after ${waited} s)" >&2
      return 0
    fi
  done
  echo "(pid $1 still used $(((t1 - t0) * 100 / clock_ticks)) % of a core 60 s after the step)" >&2
}

mb() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }
load_average() { cut -d' ' -f1-3 /proc/loadavg; }
clock_ticks=$(getconf CLK_TCK)

# How long the UAS and Kamailio may live: the whole run, generously.
if [ "$hold_calls" -gt 0 ]; then
  run_seconds=$((2 * (2 * (hold_calls / hold_rate) + hold_seconds + 120) + 2 * warmup / 50 + 120))
else
  run_seconds=$((2 * warmup / 50 + 120))
  for rate in $rates; do run_seconds=$((run_seconds + 2 * (step_seconds + hold_ms / 1000 + 100))); done
fi

# The targets of this run: label, SIP address, PID, index of the UAS it routes to.
labels=() addresses=() pids=() uas_of=()
if [ "$mode" != kamailio ]; then
  labels+=(switch); addresses+=("$target"); pids+=("$proxy_pid"); uas_of+=(0)
fi
start_uas 0 "$uas_port" "$run_seconds"
if [ "$mode" != switch ]; then
  start_kamailio "$run_seconds"
  kamailio_uas=0
  if [ "$kamailio_uas_port" != "$uas_port" ]; then start_uas 1 "$kamailio_uas_port" "$run_seconds"; kamailio_uas=1; fi
  labels+=(kamailio); addresses+=("$kamailio_address"); pids+=("$kamailio_pid"); uas_of+=("$kamailio_uas")
fi

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(load_average) at the start"
for i in "${!labels[@]}"; do
  what="$transport, pid ${pids[$i]:-unknown}"
  [ "${labels[$i]}" != kamailio ] ||
    what="$what, kamailio-anchor.cfg $([ "$kamailio_variant" = dialog ] && echo 'WITH_DIALOG (dialog + pike + htable)' || echo plain), 1 worker, 1 GB tlsf"
  echo "${labels[$i]}: ${addresses[$i]} ($what) -> UAS 127.0.0.1:$([ "${uas_of[$i]}" = 1 ] && echo "$kamailio_uas_port" || echo "$uas_port")"
done
echo "SIPp: sipp -sn uac -t $sipp_transport -> sipp -sn uas; logs and statistics in $work"

warm_up() {
  local i
  [ "$warmup" -gt 0 ] || return 0
  for i in "${!labels[@]}"; do
    run_uac "warmup-${labels[$i]}" "${addresses[$i]}" "$warmup" 50 "$hold_ms"
    echo "warm-up ${labels[$i]}: $(column "$work/warmup-${labels[$i]}.csv" 'SuccessfulCall(C)')/$warmup calls succeeded"
    settle "${pids[$i]}"
  done
}

# ---------------------------------------------------------------------------------------------------------------
# Concurrency: --hold N
# ---------------------------------------------------------------------------------------------------------------
uas_counts() { ls "$work/uas$1"/uas_*_counts.csv 2>/dev/null | head -1; }

run_hold() {
  local label=$1 to=$2 pid=$3 uas=$4
  local ramp=$(((hold_calls + hold_rate - 1) / hold_rate))
  # Call k answers at about k / rate and hangs up d_ms later: all N calls are up together from about ramp to d_ms.
  local d_ms=$(((ramp + 30 + hold_seconds) * 1000))
  local up_at="" acks=0 deadline rss0 rss_up=0 peak=0 rss_end mem counts

  sleep 2 # the UAS dumps its counts once a second: let them catch up with earlier calls
  counts=$(uas_counts "$uas")
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
    [ -n "$counts" ] || counts=$(uas_counts "$uas")
    acks=$(($(column_like "$counts" _ACK_Recv) - acks_before))
    read -r mem _ <<<"$(usage_of "$pid")"
    [ "$mem" -gt "$peak" ] && peak=$mem
    if [ "$acks" -ge "$hold_calls" ]; then up_at=$((SECONDS - started)); break; fi
    sleep 1
  done
  if [ -z "$up_at" ]; then
    echo "$label: only $acks of $hold_calls calls were up after $((SECONDS - started)) s" >&2
  else
    # Let the target settle with all calls up, then read its RSS a few times.
    sleep $((hold_seconds / 2 < 10 ? hold_seconds / 2 : 10))
    for _ in 1 2 3; do
      read -r mem _ <<<"$(usage_of "$pid")"
      [ "$mem" -gt "$rss_up" ] && rss_up=$mem
      sleep 1
    done
    [ "$rss_up" -gt "$peak" ] && peak=$rss_up
  fi

  # The calls end by themselves (BYE after d_ms); the UAC runs under timeout(1), so this wait is bounded.
  wait "$uac" 2>/dev/null || true
  sleep 5
  read -r rss_end _ <<<"$(usage_of "$pid")"
  local stats="$work/hold-$label.csv" attempted succeeded byes per_call=-
  attempted=$(column "$stats" TotalCallCreated)
  succeeded=$(column "$stats" 'SuccessfulCall(C)')
  byes=$(($(column_like "$counts" _BYE_Recv) - byes_before))
  [ -z "$up_at" ] || per_call=$(awk -v a="$rss0" -v b="$rss_up" -v n="$hold_calls" 'BEGIN { printf "%.1f", (b - a) / n }')
  printf '%-9s %8s %8s %9s %8s %10s %11s %11s %11s %11s %9s\n' target calls up "up after" BYEs completed "RSS 0 MB" \
    "RSS N MB" "peak MB" "after MB" "KB/call"
  printf '%-9s %8s %8s %8ss %8s %10s %11s %11s %11s %11s %9s\n' "$label" "$attempted" "$acks" "${up_at:--}" "$byes" \
    "$succeeded" "$(mb "$rss0")" "$([ -n "$up_at" ] && mb "$rss_up" || echo -)" "$(mb "$peak")" "$(mb "$rss_end")" \
    "$per_call"
  if [ "$succeeded" = "$hold_calls" ] && [ "$byes" -eq "$hold_calls" ] && [ -n "$up_at" ]; then
    echo "$label: all $hold_calls calls were up at once and all completed; $per_call KB per held call ((RSS N - RSS 0) / N)"
    return 0
  fi
  echo "$label: FAILED: $succeeded of $hold_calls calls completed, the UAS had $byes BYEs; SIPp errors in $work/hold-$label-errors.log" >&2
  return 1
}

if [ "$hold_calls" -gt 0 ]; then
  for i in "${!labels[@]}"; do
    [ -n "${pids[$i]}" ] || { echo "${labels[$i]}: --hold needs its PID (--pid)" >&2; exit 2; }
  done
  warm_up
  status=0
  for i in "${!labels[@]}"; do
    run_hold "${labels[$i]}" "${addresses[$i]}" "${pids[$i]}" "${uas_of[$i]}" || status=1
  done
  echo "load average $(load_average) at the end"
  exit "$status"
fi

# ---------------------------------------------------------------------------------------------------------------
# Call rate steps
# ---------------------------------------------------------------------------------------------------------------
warm_up

declare -A best best_cpu best_ms first_failure failed_in_a_row passed_later
row='%-9s %6s %7s %7s %7s %7s %7s %8s %7s %9s %8s  %s\n'
# shellcheck disable=SC2059
printf "\n$row" target asked made failed retrans drops "sipp dr" "RSS MB" "CPU %" "CPU ms/c" seconds result
for rate in $rates; do
  for i in "${!labels[@]}"; do
    label=${labels[$i]} pid=${pids[$i]} uas=${uas_of[$i]}
    [ "${failed_in_a_row[$label]:-0}" -lt "$max_failed_steps" ] || continue
    n=$((rate * step_seconds))
    name="uac-$label-$rate"
    port=${addresses[$i]##*:}
    uas_port_now=$([ "$uas" = 1 ] && echo "$kamailio_uas_port" || echo "$uas_port")
    uas_retrans_before=$(uas_retransmissions "$uas")
    drops_before=$(udp_drops "$port")
    sipp_drops_before=$(udp_drops "$uas_port_now" $((sipp_ports + 30)))
    before=$([ -n "$pid" ] && usage_of "$pid" || echo "0 0")
    started=$(date +%s.%N)
    run_uac "$name" "${addresses[$i]}" "$n" "$rate" "$hold_ms"
    elapsed=$(awk -v from="$started" -v to="$(date +%s.%N)" 'BEGIN { printf "%.1f", to - from }')
    after=$([ -n "$pid" ] && usage_of "$pid" || echo "0 0")
    drops=$(($(udp_drops "$port") - drops_before))
    sipp_drops=$(($(udp_drops "$uas_port_now" $((sipp_ports + 30))) - sipp_drops_before))
    [ "$transport" = udp ] || drops=- sipp_drops=-
    settle "$pid"
    stats="$work/$name.csv"
    # A call SIPp did not finish, or never started, counts as failed.
    succeeded=$(column "$stats" 'SuccessfulCall(C)')
    failed=$((n - succeeded))
    made=$(reached_rate "$stats" "$n")
    # Retransmissions by both SIPp ends: the caller's over its run, the callee's from before the step until the
    # step has settled (a 200 goes on being retransmitted until its ACK arrives).
    retrans=$(($(column "$stats" 'Retransmissions(C)') + $(uas_retransmissions "$uas") - uas_retrans_before))
    read -r mem ticks_after <<<"$after"
    mem_mb=- cpu=- cpu_ms=-
    if [ -n "$pid" ]; then
      mem_mb=$(mb "$mem")
      used=$((ticks_after - ${before#* }))
      cpu=$(awk -v used="$used" -v hz="$clock_ticks" -v s="$elapsed" 'BEGIN { printf "%.1f", used * 100 / hz / s }')
      cpu_ms=$(awk -v used="$used" -v hz="$clock_ticks" -v n="$n" 'BEGIN { printf "%.3f", used * 1000 / hz / n }')
    fi
    if awk -v f="$failed" -v x="$retrans" -v n="$n" -v m="$made" -v r="$rate" -v fr="$max_fail_ratio" \
      -v xr="$max_retrans_ratio" -v rr="$min_rate_ratio" 'BEGIN { exit !(f <= n * fr && x <= n * xr && m >= r * rr) }'; then
      result=pass
      failed_in_a_row[$label]=0
      # The result: passed, and so did every lower step. A pass above a failed step is noted, not counted.
      if [ -z "${first_failure[$label]:-}" ]; then
        best[$label]=$rate best_cpu[$label]=$cpu best_ms[$label]=$cpu_ms
      else
        passed_later[$label]="${passed_later[$label]:-}${passed_later[$label]:+, }$rate"
      fi
    else
      result=FAIL
      failed_in_a_row[$label]=$((${failed_in_a_row[$label]:-0} + 1))
      [ -n "${first_failure[$label]:-}" ] ||
        first_failure[$label]="$rate cps ($failed of $n calls failed, $retrans retransmissions, $made cps made; $work/$name-errors.log)"
    fi
    # shellcheck disable=SC2059
    printf "$row" "$label" "$rate" "$made" "$failed" "$retrans" "$drops" "$sipp_drops" "$mem_mb" "$cpu" "$cpu_ms" \
      "$elapsed" "$result"
  done
done

echo
echo "Highest passing rate (that step and every lower one passed: failed <= 0.1 % and retransmissions <= 0.5 % of"
echo "the calls, >= 95 % of the asked rate made; $step_seconds s of $hold_ms ms calls per step):"
for label in "${labels[@]}"; do
  if [ -n "${best[$label]:-}" ]; then
    printf '  %-9s %6s cps   CPU %s %% of one core, %s ms CPU per call\n' "$label" "${best[$label]}" "${best_cpu[$label]}" \
      "${best_ms[$label]}"
  else
    printf '  %-9s %6s       no step passed\n' "$label" -
  fi
  [ -z "${first_failure[$label]:-}" ] || printf '  %-9s %6s       first failed step: %s\n' "" "" "${first_failure[$label]}"
  [ -z "${passed_later[$label]:-}" ] || printf '  %-9s %6s       passed again after it (not counted): %s cps\n' "" "" "${passed_later[$label]}"
done
if [ "$mode" = compare ]; then
  if [ -n "${best[switch]:-}" ] && [ -n "${best[kamailio]:-}" ]; then
    awk -v s="${best[switch]}" -v k="${best[kamailio]}" -v sc="${best_ms[switch]}" -v kc="${best_ms[kamailio]}" 'BEGIN {
      printf "switch / Kamailio, same run: %.2fx the call rate", s / k
      if (sc != "-" && kc != "-" && kc > 0) printf ", %.2fx the CPU per call (%s ms against %s ms)", sc / kc, sc, kc
      printf "\n" }'
  else
    echo "switch / Kamailio: no ratio (a target passed no step)"
  fi
fi
echo "load average $(load_average) at the end"
echo "SIPp logs and statistics: $work"
