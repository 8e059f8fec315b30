#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster: with-postgres.sh COMMAND [ARG…]
#
# Installs the server from Debian's packages when initdb/pg_ctl are missing (apt-get, as root), creates a
# cluster in a new temporary folder with initdb, starts it with pg_ctl on 127.0.0.1 at a free port (its unix
# socket in the same folder, so nothing outside it is touched), runs COMMAND with
#   KYCUONG_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:PORT/postgres?sslmode=disable
# and always stops the server and removes the folder, whatever COMMAND does. Exits with COMMAND's status.
#
# PostgreSQL refuses to run as root: as root, the server runs as the `postgres` system user that Debian's
# package creates (or `kycuong-pg`, made here, when the binaries came without it), and the folder is
# theirs; COMMAND still runs as the caller.
#
# The cluster trades durability for speed (fsync off): it lives for one test run and a test never needs it
# to survive a crash of the machine. Set KYCUONG_PG_KEEP=1 to keep the folder (and its log) for a post-mortem.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 COMMAND [ARG…]" >&2
  exit 64
fi

find_bin() {
  local dir found=""
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && found="$dir"
  done
  if [ -z "$found" ] && command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    found="$(dirname "$(readlink -f "$(command -v initdb)")")"
  fi
  echo "$found"
}

PGBIN="$(find_bin)"
if [ -z "$PGBIN" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "with-postgres: PostgreSQL's server (initdb, pg_ctl) is not installed; as root this script installs" >&2
    echo "  it (apt-get install postgresql); or install it yourself and run again." >&2
    exit 1
  fi
  echo "with-postgres: installing PostgreSQL from Debian's packages (initdb and pg_ctl are missing)…"
  # No default cluster: this script makes its own, and nothing should listen on 5432 because of it.
  mkdir -p /etc/postgresql-common
  if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
    echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o Dpkg::Options::=--force-confold \
    --no-install-recommends postgresql >/dev/null
  PGBIN="$(find_bin)"
  if [ -z "$PGBIN" ]; then
    echo "with-postgres: installed postgresql, but found no initdb in /usr/lib/postgresql/*/bin" >&2
    exit 1
  fi
fi

# Who runs the server.
RUNAS=()
if [ "$(id -u)" -eq 0 ]; then
  SERVER_USER=postgres
  if ! id -u "$SERVER_USER" >/dev/null 2>&1; then
    SERVER_USER=kycuong-pg
    id -u "$SERVER_USER" >/dev/null 2>&1 ||
      useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$SERVER_USER"
  fi
  RUNAS=(runuser -u "$SERVER_USER" --)
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/kycuong-pg.XXXXXX")"
[ "${#RUNAS[@]}" -gt 0 ] && chown "$SERVER_USER" "$WORK"
chmod 700 "$WORK"
DATA="$WORK/data"
SOCKETS="$WORK/sockets"
LOG="$WORK/server.log"
"${RUNAS[@]}" mkdir "$SOCKETS"

stop() {
  local status=$?
  if [ -f "$DATA/postmaster.pid" ]; then
    "${RUNAS[@]}" "$PGBIN/pg_ctl" stop -D "$DATA" -m fast -w -t 30 >/dev/null 2>&1 ||
      "${RUNAS[@]}" "$PGBIN/pg_ctl" stop -D "$DATA" -m immediate -w >/dev/null 2>&1 || true
  fi
  if [ "${KYCUONG_PG_KEEP:-0}" = 1 ]; then
    echo "with-postgres: kept $WORK"
  else
    rm -rf "$WORK"
  fi
  exit "$status"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"${RUNAS[@]}" "$PGBIN/initdb" -D "$DATA" --username=postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
  >"$WORK/initdb.log" 2>&1 || {
  cat "$WORK/initdb.log" >&2
  exit 1
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# A port found free can be taken before the server binds it: try a few.
started=0
for _ in 1 2 3 4 5; do
  PORT="$(free_port)"
  if "${RUNAS[@]}" "$PGBIN/pg_ctl" start -D "$DATA" -l "$LOG" -w -t 60 -o \
    "-c listen_addresses=127.0.0.1 -p $PORT -k $SOCKETS -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50" \
    >/dev/null 2>&1; then
    started=1
    break
  fi
done
if [ "$started" -ne 1 ]; then
  echo "with-postgres: the server did not start; its log:" >&2
  cat "$LOG" >&2 || true
  exit 1
fi

export KYCUONG_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres?sslmode=disable"
echo "with-postgres: PostgreSQL $("$PGBIN/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$PORT (cluster in $WORK)"
set +e
"$@"
status=$?
set -e
exit "$status"
