#!/usr/bin/env bash
# Turns on every recommended anti-fraud rule for the demo tenant of a running switch, loaded to the sizes of issue 8's
# benchmark, without refusing the bench's own calls (one SIPp caller dials one callee, so the frequency rules run
# monitor-only: they count every call and report, and block nothing):
#   - a black list of 1,000,000 numbers on the demo trunk (the bench's caller is not in it);
#   - a tenant geofence "allow" over a set of 100,000 ranges plus 127.0.0.0/8 (source and SDP of every call checked);
#   - caller/callee frequency, no-answer and distinct-callee rules (monitor-only), and the scanner honeypot;
#   - the demo customer account bound to 127.0.0.1 and blocked from premium and satellite numbers, with limits above
#     the bench's rates.
# Usage: bench/anti-fraud-on.sh API_URL TENANT_KEY   (e.g. http://127.0.0.1:5481 ssk_live_…; the key is in the first-run
# banner). Needs curl and jq. Every request is bounded by curl's --max-time.
set -euo pipefail
api=${1:?API URL}/v1
key=${2:?tenant key}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
call() { curl -sS --fail-with-body --max-time 120 -H "Authorization: Bearer $key" "$@"; }
json() { call -H 'Content-Type: application/json' "$@"; }

trunk=$(call "$api/mapping-gateways" | jq -r '.data[0].id')
account=$(call "$api/mapping-gateways/$trunk" | jq -r .account_id)

# 1,000,000 numbers that are not the bench's caller (SIPp's default user is "sipp").
{ echo number; seq 447000000000 447000999999; } > "$work/numbers.csv"
list=$(json -X POST "$api/number-lists" -d '{"name":"bench black list","kind":"black","match":"caller"}' | jq -r .id)
call -H 'Content-Type: text/csv' --data-binary @"$work/numbers.csv" "$api/number-lists/$list/numbers/import?mode=replace" >/dev/null
call "$api/mapping-gateways/$trunk" \
  | jq --arg list "$list" '{account_id, name, source_addresses, tech_prefix, caller_rewrite_rules, callee_rewrite_rules,
      max_concurrent_calls, max_call_duration_seconds, status, max_calls_per_second,
      number_screening: {number_list_ids: [$list], caller: {}, callee: {forbidden_classes: ["premium_rate", "satellite", "high_risk"]}}}' \
  > "$work/trunk.json"
json -X PUT "$api/mapping-gateways/$trunk" -d @"$work/trunk.json" >/dev/null

# 100,000 /32 ranges in 10.0.0.0/8, and loopback, allowed.
{ echo cidr; echo 127.0.0.0/8; for i in $(seq 0 99999); do echo "10.$((i / 65536)).$((i / 256 % 256)).$((i % 256))/32"; done; } > "$work/ranges.csv"
set=$(json -X POST "$api/ip-range-sets" -d '{"name":"bench allowed"}' | jq -r .id)
call -H 'Content-Type: text/csv' --data-binary @"$work/ranges.csv" "$api/ip-range-sets/$set/ranges/import?mode=replace" >/dev/null
json -X POST "$api/geofences" -d "{\"scope\":\"tenant\",\"ip_range_set_id\":\"$set\",\"mode\":\"allow\"}" >/dev/null

for rule in \
  '{"name":"caller burst","kind":"caller_frequency","warning_level":20,"blocking_level":30,"window_seconds":60,"expire_seconds":3600,"monitor_only":true}' \
  '{"name":"IRSF callee","kind":"callee_frequency","blocking_level":20,"window_seconds":60,"expire_seconds":3600,"monitor_only":true}' \
  '{"name":"wangiri","kind":"no_answer","blocking_level":5,"window_seconds":300,"min_answered_seconds":5,"expire_seconds":3600,"monitor_only":true}' \
  '{"name":"test calls","kind":"distinct_callees","blocking_level":20,"window_seconds":600,"expire_seconds":3600,"count_by":"caller","monitor_only":true}' \
  '{"name":"honeypot","kind":"scanner_destinations","blocking_level":1,"window_seconds":60,"expire_seconds":604800}'; do
  json -X POST "$api/fraud-rules" -d "$rule" >/dev/null
done

call "$api/accounts/$account" \
  | jq '{name, credit_limit, status, notes, rate_table_id, access_ips: ["127.0.0.1"], max_concurrent_calls: 100000,
      max_calls_per_second: 10000, max_call_duration_seconds, block_premium: true, block_international: false, destinations}' \
  > "$work/account.json"
json -X PUT "$api/accounts/$account" -d @"$work/account.json" >/dev/null
echo "anti-fraud rules on for trunk $trunk (list $list, range set $set); the switch applies them within 2 s"
