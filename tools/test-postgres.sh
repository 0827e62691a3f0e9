#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL server for the test suite.
#   tools/test-postgres.sh start DIR   -> prints the server's URL on stdout
#   tools/test-postgres.sh stop DIR
# initdb refuses to run as root, so as root the server runs as the 'postgres' user.
set -eu
action=${1:?start|stop}
dir=${2:?data folder}
bindir=""
for candidate in /usr/lib/postgresql/*/bin; do
  [ -x "$candidate/initdb" ] && bindir=$candidate
done
if [ -z "$bindir" ]; then
  initdb_path=$(command -v initdb 2>/dev/null || true)
  [ -n "$initdb_path" ] && bindir=$(dirname "$initdb_path")
fi
if [ -z "$bindir" ]; then
  echo "PostgreSQL server programs (initdb, pg_ctl) are not installed." >&2
  exit 3
fi
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$action" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    port=$(( 20000 + RANDOM % 20000 ))
    as_owner "$bindir/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 >"$dir/initdb.log" 2>&1
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" \
      start >/dev/null
    echo "$port" > "$dir/port"
    echo "postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    [ -d "$dir/data" ] && as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
