#!/usr/bin/env bash
# Make sure a Docker engine answers on this machine.
#
#   bash .ci/docker-engine.sh
#
# - engine already answering (`docker info`)      -> exit 0 at once
# - no `dockerd` binary                            -> apt-get install docker.io (Debian, as root)
# - no engine answering                            -> start `dockerd` in the background
#                                                     (log: $DOCKERD_LOG, default /tmp/dockerd.log)
#                                                     and wait up to $DOCKER_ENGINE_WAIT_SECONDS (30)
# Exit 0 with the engine up; otherwise exit 1 after printing ONE line starting with
# "docker-engine: FAILED:" on stderr, so the caller can fall back to another backend.
#
# Non-interactive: safe with CI=true and no stdin. A client alone (`docker --version` answering)
# is not an engine: only `docker info` counts.
set -u

LOG="${DOCKERD_LOG:-/tmp/dockerd.log}"
APT_LOG="${DOCKER_APT_LOG:-/tmp/docker-engine-apt.log}"
WAIT_SECONDS="${DOCKER_ENGINE_WAIT_SECONDS:-30}"

say() { echo "docker-engine: $*"; }
fail() { echo "docker-engine: FAILED: $*" >&2; exit 1; }

# Run as root, or through passwordless sudo when that is available.
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    SUDO="sudo -n"
  fi
fi

engine_answers() {
  command -v docker >/dev/null 2>&1 || return 1
  timeout 10 docker info >/dev/null 2>&1 </dev/null
}

server_version() {
  timeout 10 docker version --format '{{.Server.Version}}' 2>/dev/null </dev/null || echo "?"
}

# 1. Fast path: something already answers.
if engine_answers; then
  say "engine up (server $(server_version))"
  exit 0
fi

find_dockerd() { # dockerd lives in /usr/sbin on Debian, which a non-root PATH may lack
  command -v dockerd 2>/dev/null && return 0
  local d
  for d in /usr/sbin/dockerd /usr/bin/dockerd /usr/local/sbin/dockerd /usr/local/bin/dockerd; do
    [ -x "$d" ] && { echo "$d"; return 0; }
  done
  return 1
}

# 2. Install the engine when its daemon is missing (the client alone may be present).
if ! DOCKERD="$(find_dockerd)"; then
  if [ "$(id -u)" -ne 0 ] && [ -z "$SUDO" ]; then
    fail "no dockerd and not root (no passwordless sudo): cannot install docker.io"
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    fail "no dockerd and no apt-get: install a Docker engine by hand"
  fi
  say "dockerd not found: installing docker.io with apt-get (log: $APT_LOG)"
  if ! { $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=180 update \
         && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=180 \
              -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
              --no-install-recommends docker.io; } >"$APT_LOG" 2>&1 </dev/null; then
    fail "apt-get install docker.io failed: $(grep -E '^(E:|dpkg: error)' "$APT_LOG" | tail -n 1) (log: $APT_LOG)"
  fi
  DOCKERD="$(find_dockerd)" || fail "docker.io installed but no dockerd binary was found (log: $APT_LOG)"
  # The package's own init script may have started the engine already.
  if engine_answers; then
    say "engine up after install (server $(server_version))"
    exit 0
  fi
fi
command -v docker >/dev/null 2>&1 || fail "dockerd present but no docker client on PATH"

# 3. Start the daemon unless one is already running (then only wait for it).
STARTED_PID=""
LOG_SKIP=$(( $( { [ -f "$LOG" ] && wc -l <"$LOG"; } || echo 0) + 1 ))   # only this run's log lines count
if pgrep -x dockerd >/dev/null 2>&1; then
  say "dockerd is running but not answering yet: waiting up to ${WAIT_SECONDS}s"
else
  say "starting dockerd in the background (log: $LOG)"
  # setsid + nohup: the daemon outlives this script and the caller's shell.
  $SUDO setsid nohup "$DOCKERD" >>"$LOG" 2>&1 </dev/null &
  STARTED_PID=$!
fi

last_error() {
  local line
  line="$(tail -n +"$LOG_SKIP" "$LOG" 2>/dev/null | grep -iE 'level=(fatal|error)|failed to start' | tail -n 1 | cut -c1-300)"
  if [ -z "$line" ]; then
    line="docker info: $(timeout 10 docker info 2>&1 >/dev/null </dev/null | grep -v '^ *$' | tail -n 1 | cut -c1-300)"
  fi
  echo "$line"
}

deadline=$(( $(date +%s) + WAIT_SECONDS ))
while [ "$(date +%s)" -lt "$deadline" ]; do
  if engine_answers; then
    say "engine up (server $(server_version))"
    exit 0
  fi
  if [ -n "$STARTED_PID" ] && ! kill -0 "$STARTED_PID" 2>/dev/null; then
    fail "dockerd exited at start: $(last_error) (log: $LOG)"
  fi
  sleep 0.5
done
if [ -n "$STARTED_PID" ]; then
  $SUDO kill "$STARTED_PID" 2>/dev/null || true   # do not leave a half-started daemon behind
fi
fail "no Docker engine answered within ${WAIT_SECONDS}s: $(last_error) (log: $LOG)"
