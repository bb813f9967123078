#!/usr/bin/env bash
# Mutation check of the rules that matter most, on demand (not in the test command): Stryker.NET mutates the rule's
# files and runs the service's fast tests against each mutant; a mutant that survives is a change of the rule that no
# test notices. Reports go to tests/<test project>/StrykerOutput/<date>/reports/.
# Usage: tests/mutation.sh [funnel|sla|routing|access]...   (all four when none is named)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
dotnet tool restore >/dev/null

# Each area runs against the test classes of its rule (a mutant is tested against every test covering it, and the whole
# API suite covers the SLA clock, which would take hours on two cores); STRYKER_ALL_TESTS=1 uses the whole project.
run() { # <test project folder> <test classes, |-separated> <project to mutate> <files...>
  local tests="$1" classes="$2" project="$3"; shift 3
  local mutate=() filter=()
  for file in "$@"; do mutate+=(-m "**/$file"); done
  if [ -z "${STRYKER_ALL_TESTS:-}" ]; then
    filter=(--test-case-filter "$(echo "$classes" | sed -E 's/([^|]+)/FullyQualifiedName~\1/g')")
  fi
  echo "[mutation] $project: $* (tests: ${STRYKER_ALL_TESTS:+all of }$tests${STRYKER_ALL_TESTS:- $classes})"
  (cd "tests/$tests" && dotnet stryker --project "$project" "${mutate[@]}" "${filter[@]}" --configuration Release \
    --skip-version-check --concurrency "${STRYKER_CONCURRENCY:-2}" -r html -r json -r cleartext)
}

areas=("$@")
[ ${#areas[@]} -gt 0 ] || areas=(funnel sla routing access)
for area in "${areas[@]}"; do
  case "$area" in
    funnel)  run Crm.Customers.Tests "FunnelTests" Crm.Customers.csproj Features/Funnel.cs Features/FunnelPlanning.cs ;;
    sla)     run Crm.Complaints.Tests "ReopenSlaTests|EscalationTests" Crm.Complaints.csproj Domain/Sla.cs
             run Crm.Complaints.Tests "BusinessCalendarTests" Crm.BuildingBlocks.csproj Calendars/BusinessCalendar.cs ;;
    routing) run Crm.Complaints.Tests "RoutingRuleSetTests|RoutingApiTests" Crm.Complaints.csproj Domain/Routing.cs ;;
    access)  run Crm.Customers.Tests "AccessTests" Crm.BuildingBlocks.csproj Security/CurrentUser.cs
             run Crm.Customers.Tests "AccessTests" Crm.Customers.csproj Features/CustomerAccess.cs
             run Crm.Complaints.Tests "AccessAndReportTests|ReportScopingTests" Crm.Complaints.csproj Features/ComplaintAccess.cs ;;
    *) echo "unknown area $area (funnel, sla, routing, access)" >&2; exit 2 ;;
  esac
done
