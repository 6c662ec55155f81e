#!/usr/bin/env bash
# The test command (README): installs the Debian tools the tests need, builds with warnings as errors, runs every
# test project, checks both providers' migrations against the model, generates the SQL Server script, packs the SDK, and ends
# with one line CI can read: "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"
passed=0 failed=0 skipped=0
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

step() { printf '\n==> %s\n' "$*"; }
check() { # check NAME COMMAND...: a non-test check that counts as one result
  local name=$1; shift
  if "$@" >"$results/$name.log" 2>&1; then passed=$((passed + 1)); echo "ok   $name"
  else failed=$((failed + 1)); echo "FAIL $name (log: $results/$name.log)"; tail -20 "$results/$name.log"; fi
}

# Each test project lists the Debian packages it drives in debian-packages.txt (one per line).
step "Debian packages"
wanted=$(cat tests/*/debian-packages.txt 2>/dev/null | sed 's/#.*//' | xargs -r -n1 | sort -u | xargs)
missing=""
for package in $wanted; do dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"; done
if [ -n "$missing" ]; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  echo "installing:$missing"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq $missing >/dev/null
else
  echo "present: ${wanted:-none needed}"
fi

step "Build"
dotnet tool restore >/dev/null || exit 1
if ! dotnet build Softswitch.sln -c Release -nologo -v quiet; then
  echo "0 passed, 1 failed"; exit 1
fi

step "Tests"
for project in tests/*.Tests/*.csproj; do
  name=$(basename "$project" .csproj)
  binary="tests/$name/bin/Release/net10.0/$name"
  xml="$results/$name.xml"
  "$binary" -noColor -result-xml "$xml" | grep -vE '^\s*$'
  if [ ! -f "$xml" ]; then failed=$((failed + 1)); echo "FAIL $name produced no results"; continue; fi
  sum() { grep -o "<assembly [^>]*" "$xml" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' | awk '{ s += $1 } END { print s + 0 }'; }
  passed=$((passed + $(sum passed))); failed=$((failed + $(sum failed) + $(sum errors))); skipped=$((skipped + $(sum skipped)))
done

step "Migrations"
for provider in Sqlite SqlServer; do
  check "migrations-$provider-up-to-date" dotnet ef migrations has-pending-model-changes \
    --project "api/Softswitch.Data.$provider" --startup-project "api/Softswitch.Data.$provider" --configuration Release --no-build
done
check "sqlserver-idempotent-script" dotnet ef migrations script --idempotent \
  --project api/Softswitch.Data.SqlServer --startup-project api/Softswitch.Data.SqlServer --configuration Release --no-build \
  -o "$root/artifacts/softswitch-sqlserver.sql"

step "SDK package"
check "sdk-pack" dotnet pack sdk/Softswitch.Sdk -c Release --no-build -nologo -o "$root/artifacts/packages"

echo
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ]
