#!/usr/bin/env bash
# Adds an EF Core migration named $1 for BOTH database providers, so SQLite's and PostgreSQL's migrations never
# drift apart (tests/AllexPortal.Web.Tests/Data/MigrationsTests fails when either lags behind the model).
#   scripts/add-migration.sh AddTeams
# Works from a clean checkout: no database server is needed, adding a migration only compares models.
# The model is built by the portal's own host (dotnet ef starts Program up to Build()), so everything that shapes
# it at run time — Identity's store options included — shapes the migrations too; the provider and a placeholder
# connection string are passed as host arguments after `--`.
set -euo pipefail
if [ $# -ne 1 ] || [[ ! "$1" =~ ^[A-Z][A-Za-z0-9]*$ ]]; then
  echo "usage: scripts/add-migration.sh <PascalCaseName>" >&2
  exit 64
fi
name=$1
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
project=src/AllexPortal.Web
dotnet build "$project" --configuration Debug --nologo -v quiet

ef() { dotnet ef migrations add "$name" --project "$project" --no-build --configuration Debug "$@"; }

echo "add-migration: SQLite ($project/Data/Migrations/Sqlite)"
ef --context PortalDb --output-dir Data/Migrations/Sqlite \
  -- --Database:Provider=Sqlite "--ConnectionStrings:PortalDb=Data Source=design-time.db"

echo "add-migration: PostgreSQL ($project/Data/Migrations/Postgres)"
ef --context PostgresPortalDb --output-dir Data/Migrations/Postgres \
  -- --Database:Provider=Postgres "--ConnectionStrings:PortalDb=Host=localhost;Database=design_time"

echo "add-migration: added '$name' for SQLite and PostgreSQL; run the MigrationsTests to check both match the model."
