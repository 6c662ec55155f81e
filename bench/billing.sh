#!/usr/bin/env bash
# Rating and anti-overdraft for the demo customer of a running switch, for call-rate comparisons (issue 9):
#   on:  the account keeps its seeded rate table (prefix 1 at 0.01 a minute) and gets 1,000,000,000 of credit through a
#        ledger top-up, so every bench call is priced, reserves money and posts its charge, and none is refused;
#   off: the account loses its rate table: calls are neither rated nor limited by money.
# Usage: bench/billing.sh API_URL TENANT_KEY on|off   (needs curl and jq; every request bounded by --max-time)
set -euo pipefail
api=${1:?API URL}/v1
key=${2:?tenant key}
mode=${3:?on or off}
call() { curl -sS --fail-with-body --max-time 60 -H "Authorization: Bearer $key" "$@"; }
json() { call -H 'Content-Type: application/json' "$@"; }

trunk=$(call "$api/mapping-gateways" | jq -r '.data[0].id')
account=$(call "$api/mapping-gateways/$trunk" | jq -r .account_id)
table=$(call "$api/rate-tables" | jq -r '.data[0].id')
case $mode in
  on)
    json -X POST "$api/accounts/$account/transactions" -d '{"kind":"top_up","amount":1000000000,"reference":"bench"}' >/dev/null
    rate_table="\"$table\"" ;;
  off) rate_table=null ;;
  *) echo "mode is on or off" >&2; exit 2 ;;
esac
call "$api/accounts/$account" \
  | jq --argjson table "$rate_table" '{name, credit_limit, status, notes, access_ips, max_concurrent_calls, max_calls_per_second,
      max_call_duration_seconds, destinations, block_international, block_premium, low_balance_threshold, rate_table_id: $table}' \
  | json -X PUT "$api/accounts/$account" -d @- >/dev/null
echo "billing $mode for account $account (rate table $table); the switch applies it within 2 s"
