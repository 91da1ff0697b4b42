#!/usr/bin/env bash
# Builds the server and the web app into another folder than dist/ (e.g. dist-a11y), for parallel work:
#   bash scripts/build-to.sh dist-a11y && SHAHRDEH_DIST=dist-a11y npm run e2e -- e2e/x.e2e.test.ts
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:?usage: build-to.sh DIR}"
npx tsc -p tsconfig.server.json --outDir "$out"
npx vite build --outDir "$out/web" --emptyOutDir
npx tsx scripts/check-budgets.ts "$out/web"
