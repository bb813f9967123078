#!/usr/bin/env bash
# Mutation check of the rules that matter most, on demand (not in the test command): Stryker.NET mutates the rule's
# files and runs the service's fast tests against each mutant; a mutant that survives is a change of the rule that no
# test notices. Reports go to tests/<test project>/StrykerOutput/<date>/reports/.
# Usage: tests/mutation.sh [funnel|sla|routing|access]...   (all four when none is named)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
dotnet tool restore >/dev/null

run() { # <test project folder> <project to mutate> <files...>
  local tests="$1" project="$2"; shift 2
  local mutate=()
  for file in "$@"; do mutate+=(-m "**/$file"); done
  echo "[mutation] $project: $*"
  (cd "tests/$tests" && dotnet stryker --project "$project" "${mutate[@]}" --configuration Release \
    --skip-version-check --concurrency "${STRYKER_CONCURRENCY:-1}" -r html -r json -r cleartext -r progress)
}

areas=("$@")
[ ${#areas[@]} -gt 0 ] || areas=(funnel sla routing access)
for area in "${areas[@]}"; do
  case "$area" in
    funnel)  run Crm.Customers.Tests Crm.Customers.csproj Features/Funnel.cs Features/FunnelPlanning.cs ;;
    sla)     run Crm.Complaints.Tests Crm.Complaints.csproj Domain/Sla.cs Domain/BusinessCalendar.cs ;;
    routing) run Crm.Complaints.Tests Crm.Complaints.csproj Domain/Routing.cs ;;
    access)  run Crm.Customers.Tests Crm.BuildingBlocks.csproj Security/CurrentUser.cs
             run Crm.Customers.Tests Crm.Customers.csproj Features/CustomerAccess.cs
             run Crm.Complaints.Tests Crm.Complaints.csproj Features/ComplaintAccess.cs ;;
    *) echo "unknown area $area (funnel, sla, routing, access)" >&2; exit 2 ;;
  esac
done
