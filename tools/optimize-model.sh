#!/usr/bin/env bash
# Regenerates the EF Core compiled models (WalletHelp.Web/Data/CompiledModels) for both providers. Run it after any
# change to an entity, its configuration or ApplicationDbContext/PostgresDbContext (CompiledModelTests fail until then),
# after adding the migrations for that change. No database server is needed.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet ef dbcontext optimize --project WalletHelp.Web --context ApplicationDbContext \
    -o Data/CompiledModels/Sqlite -n WalletHelp.Web.Data.CompiledModels.Sqlite
WalletHelp__Database__Provider=Postgres ConnectionStrings__WalletHelp="Host=localhost;Database=x" \
    dotnet ef dbcontext optimize --no-build --project WalletHelp.Web --context PostgresDbContext \
    -o Data/CompiledModels/Postgres -n WalletHelp.Web.Data.CompiledModels.Postgres
