#!/usr/bin/env bash
# Run the test suite offscreen; start a throwaway PostgreSQL when the server programs exist.
# With CI=true a PostgreSQL that cannot start is a failure, not a skip.
#   tools/run-tests.sh [ARGS]        every test (pytest ARGS passed on)
#   tools/run-tests.sh fast [ARGS]   all but the tests marked slow
#   tools/run-tests.sh slow [ARGS]   only the tests marked slow (reliability)
# Every run is shuffled (pytest-randomly prints its seed); "--randomly-seed=N" repeats an
# order and "-p no:randomly" runs in file order.
set -u
cd "$(dirname "$0")/.."
select=()
case "${1:-}" in
  fast) select=(-m "not slow"); shift ;;
  slow) select=(-m slow); shift ;;
esac
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
$py -m pytest "${select[@]}" "$@" || status=$?
[ -n "$pgdir" ] && tools/test-postgres.sh stop "$pgdir"
exit $status
