#!/usr/bin/env bash
# Run the whole test suite offscreen; start a throwaway PostgreSQL when the server programs exist.
# With CI=true a PostgreSQL that cannot start is a failure, not a skip.
set -u
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
py=.venv/bin/python
pgdir=""
if [ -z "${PARALLAX_TEST_PG_URL:-}" ]; then
  pgdir=$(mktemp -d /tmp/parallax-pg.XXXXXX)
  chmod 755 "$pgdir"
  if url=$(tools/test-postgres.sh start "$pgdir"); then
    export PARALLAX_TEST_PG_URL=$url
    echo "PostgreSQL test server: $url"
  else
    echo "No PostgreSQL test server: PostgreSQL tests will be skipped (they fail when CI=true)."
    rm -rf "$pgdir"; pgdir=""
  fi
fi
status=0
$py -m pytest "$@" || status=$?
[ -n "$pgdir" ] && tools/test-postgres.sh stop "$pgdir"
exit $status
