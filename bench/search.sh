#!/usr/bin/env bash
# Search benchmark (issue 5): 10,000 synthetic documents in several languages in a fresh SQLite
# database; p50/p95 of GET /api/v1/search next to the same queries run directly against the index.
# Usage: bench/search.sh [documents=10000] [rounds=200]   (about two minutes; loopback only)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release -v q -nologo src/JasKnowledge.Web >/dev/null
dotnet build -c Release -v q -nologo bench/SearchBench >/dev/null
dotnet bench/SearchBench/bin/Release/net10.0/SearchBench.dll \
  src/JasKnowledge.Web/bin/Release/net10.0/JasKnowledge.Web.dll content "${1:-10000}" "${2:-200}"
