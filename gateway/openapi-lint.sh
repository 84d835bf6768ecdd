#!/usr/bin/env bash
# Lints the gateway's merged OpenAPI document with Spectral and the OWASP API Security ruleset.
# Usage: gateway/openapi-lint.sh [gateway base URL | path to an openapi.json]   (default http://localhost:8080)
# Needs Node.js 18+; Spectral and the ruleset are installed once under gateway/target/spectral.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work="$here/target/spectral"
source=${1:-http://localhost:8080}
mkdir -p "$work"
if [[ -f "$source" ]]; then
  cp "$source" "$work/openapi.json"
else
  curl -fsS "$source/openapi" -o "$work/openapi.json"
fi
cp "$here/src/lint/spectral.yaml" "$work/.spectral.yaml"
cd "$work"
if [[ ! -d node_modules/@stoplight/spectral-owasp-ruleset ]]; then
  npm install --no-audit --no-fund --silent --no-save @stoplight/spectral-cli@6 @stoplight/spectral-owasp-ruleset@2
fi
npx --no-install spectral lint openapi.json --ruleset .spectral.yaml --fail-severity error
