#!/usr/bin/env bash
# Call-state webhooks and the 3xx redirect client on or off for the demo tenant of a running switch, so that
# `bench/sip-load.sh --compare` can be run once with them on and once off (issue 10's CPS benchmark):
#   on:  a webhook sink (bench/webhook-sink.cs: Kestrel on 127.0.0.1:$SINK_PORT, 204 to every POST) and a webhook
#        endpoint to it subscribed to every call event; a SIPp routing server (bench/redirect-302.xml on UDP
#        127.0.0.1:$REDIRECT_PORT) answering every query at once with a 302 to the same number at the bench's vendor
#        ($VENDOR, by default 127.0.0.1:5080: the demo tenant's routing gateway and sip-load.sh's UAS), and a tenant-wide
#        redirect profile asking it (1.5 s timeout, fail-open). Every bench call then costs one routing query more and
#        four webhook POSTs;
#   off: the endpoint and the profile are deleted and the sink and the routing server stopped.
# The switch must allow loopback targets for both: start it with --Softswitch:Webhooks:AllowPrivateTargets=true
# --Softswitch:Redirect:AllowPrivateTargets=true. The switch applies the change within 2 s.
# Usage: bench/redirect-webhooks.sh API_URL TENANT_KEY on|off   (needs curl, jq, sipp and the .NET SDK; every request
# is bounded by --max-time, every wait by a bounded loop, the routing server and the sink by timeout(1)).
set -euo pipefail
bench_dir=$(cd "$(dirname "$0")" && pwd)
api=${1:?API URL}/v1
key=${2:?tenant key}
mode=${3:?on or off}
state=${BENCH_STATE:-/tmp/bench-redirect-webhooks}
sink_port=${SINK_PORT:-5482}
redirect_port=${REDIRECT_PORT:-5085}
vendor=${VENDOR:-127.0.0.1:5080}
# The routing server's control and media ports, clear of sip-load.sh's block (15000-15049 by default).
redirect_control_port=${REDIRECT_CONTROL_PORT:-15100}
lifetime=${LIFETIME_SECONDS:-14400}
call() { curl -sS --fail-with-body --max-time 60 -H "Authorization: Bearer $key" "$@"; }
json() { call -H 'Content-Type: application/json' "$@"; }

# wait_listening FLAG PORT SECONDS: until something listens on PORT (ss FLAG: -ulnH or -tlnH), at most SECONDS.
wait_listening() {
  for _ in $(seq $(($3 * 5))); do
    [ -n "$(ss "$1" "sport = :$2")" ] && return 0
    sleep 0.2
  done
  echo "nothing listens on port $2 after $3 s" >&2
  return 1
}

# stop_group FILE: ends the process group whose leader's id is in FILE (started with setsid), at most 10 s.
stop_group() {
  [ -s "$1" ] || return 0
  local pid
  pid=$(cat "$1")
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 50); do
    kill -0 -- "-$pid" 2>/dev/null || { rm -f "$1"; return 0; }
    sleep 0.2
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$1"
}

case $mode in
  on)
    if [ -e "$state/profile.id" ] || [ -e "$state/endpoint.id" ]; then
      echo "already on (state in $state): run '$0 $1 KEY off' first" >&2
      exit 2
    fi
    for port in "$sink_port" "$redirect_port"; do
      if [ -n "$(ss -ulnH "sport = :$port")$(ss -tlnH "sport = :$port")" ]; then
        echo "port $port is already in use" >&2
        exit 2
      fi
    done
    mkdir -p "$state"

    # The sink: the first run compiles it (up to a minute or two on a busy machine).
    setsid timeout --kill-after=10 "$lifetime" dotnet run "$bench_dir/webhook-sink.cs" -- "$sink_port" >"$state/sink.log" 2>&1 &
    echo $! >"$state/sink.pid"
    wait_listening -tlnH "$sink_port" 300

    # The routing server: no call limit, bounded by timeout(1) and SIPp's own -timeout.
    (cd "$state" && exec setsid timeout --kill-after=5 "$lifetime" sipp -sf "$bench_dir/redirect-302.xml" -key vendor "$vendor" \
      -t u1 -i 127.0.0.1 -bind_local -p "$redirect_port" -ci 127.0.0.1 -cp "$redirect_control_port" \
      -mi 127.0.0.1 -mp $((redirect_control_port + 10)) -buff_size 1048576 -nostdin \
      -timeout "$((lifetime - 5))s" -trace_stat -stf "$state/redirect-stat.csv" -fd 10 \
      -trace_err -error_file "$state/redirect-errors.log" >"$state/redirect.log" 2>&1) &
    echo $! >"$state/redirect.pid"
    wait_listening -ulnH "$redirect_port" 10

    events='["call.initiated","call.ringing","call.answered","call.completed","call.refused"]'
    json -X POST "$api/webhook-endpoints" \
      -d "{\"url\":\"http://127.0.0.1:$sink_port/hooks\",\"event_types\":$events,\"description\":\"bench sink\"}" \
      | jq -r .id >"$state/endpoint.id"
    json -X POST "$api/redirect-profiles" \
      -d "{\"servers\":[{\"uri\":\"sip:127.0.0.1:$redirect_port\",\"timeout_milliseconds\":1500}],\"on_failure\":\"own_routes\",\"description\":\"bench 302 server\"}" \
      | jq -r .id >"$state/profile.id"
    echo "webhooks and redirect on: endpoint $(cat "$state/endpoint.id") -> sink :$sink_port ($state/sink.log)," \
      "profile $(cat "$state/profile.id") -> SIPp 302 server :$redirect_port -> vendor $vendor ($state/redirect-stat.csv)"
    ;;
  off)
    [ -s "$state/endpoint.id" ] && call -X DELETE "$api/webhook-endpoints/$(cat "$state/endpoint.id")" >/dev/null && rm -f "$state/endpoint.id"
    [ -s "$state/profile.id" ] && call -X DELETE "$api/redirect-profiles/$(cat "$state/profile.id")" >/dev/null && rm -f "$state/profile.id"
    stop_group "$state/redirect.pid"
    stop_group "$state/sink.pid"
    tail -1 "$state/sink.log" 2>/dev/null || true
    echo "webhooks and redirect off (logs kept in $state)"
    ;;
  *) echo "mode is on or off" >&2; exit 2 ;;
esac
