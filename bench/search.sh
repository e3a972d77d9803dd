#!/usr/bin/env bash
# Search benchmark (issues 5 and 18): the portal with the shipped content, then with 10,000 and with
# 100,000 synthetic documents in several languages (fresh SQLite database each time). For each: the
# time to build the Lucene index from the search outbox and its size on disk; p50/p95 of
# GET /api/v1/search next to the same queries run directly against the index files; and wrk
# (-t2 -c16) on the search API, the search page and the cached /nl page in the same run.
# Usage: bench/search.sh [sizes="0 10000 100000"] [rounds=200] [wrk-seconds=10]
# (0 = the shipped content only; about ten minutes on 2 cores; loopback only; installs wrk when missing)
source "$(dirname "$0")/lib.sh"
need wrk
sizes="${1:-0 10000 100000}"
dotnet build -c Release -v q -nologo src/JasKnowledge.Web >/dev/null
dotnet build -c Release -v q -nologo bench/SearchBench >/dev/null
for documents in $sizes; do
  echo
  echo "## $documents synthetic documents (plus the shipped content)"
  dotnet bench/SearchBench/bin/Release/net10.0/SearchBench.dll \
    src/JasKnowledge.Web/bin/Release/net10.0/JasKnowledge.Web.dll content "$documents" "${2:-200}" "${3:-10}"
done
