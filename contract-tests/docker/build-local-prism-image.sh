#!/usr/bin/env bash
# Build, without any registry, a local Docker image that stands in for the official
# `stoplight/prism` image.
#
#   contract-tests/docker/build-local-prism-image.sh [--force] [--tag NAME:TAG]
#
# The image is a single layer (`docker import`, i.e. FROM scratch) holding:
#   /usr/local/bin/node                       the host's node binary
#   the shared libraries `ldd` lists for it   + the dynamic loader, at the same paths
#   /usr/src/prism/node_modules               Prism as npm installed it in openapi/node_modules
#                                             (@stoplight/prism-cli and its dependency closure)
#   /usr/src/prism/packages/cli/dist          -> ../../node_modules/@stoplight/prism-cli/dist
#   /etc/{passwd,group,hosts,nsswitch.conf}, /tmp
# and is configured like the official image (stoplightio/prism Dockerfile):
#   WORKDIR /usr/src/prism/packages/cli, ENTRYPOINT ["node", "dist/index.js"], ENV NODE_ENV=production,
#   EXPOSE 4010
# so the same container arguments work for both, e.g.
#   docker run --rm --network host IMAGE mock -h 127.0.0.1 -p 4010 /tmp/spec.yaml
#
# Default tag: kling-java/prism-local:<prism-cli version> (override: --tag or $PRISM_LOCAL_IMAGE).
# Idempotent: does nothing if an image with that tag exists, unless --force.
# Needs: docker (CLI + a running engine: see .ci/docker-engine.sh), node, npm, tar, ldd.
set -euo pipefail

log() { echo "build-local-prism-image: $*"; }
die() { echo "build-local-prism-image: ERROR: $*" >&2; exit 1; }

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
OPENAPI_DIR="$REPO_ROOT/openapi"
PRISM_PKG_DIR="$OPENAPI_DIR/node_modules/@stoplight/prism-cli"

FORCE=0
TAG="${PRISM_LOCAL_IMAGE:-}"
while [ $# -gt 0 ]; do
  case "$1" in
    --force) FORCE=1 ;;
    --tag) shift; [ $# -gt 0 ] || die "--tag needs a value"; TAG="$1" ;;
    --tag=*) TAG="${1#--tag=}" ;;
    -h|--help) sed -n '2,25p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $1 (use --force, --tag NAME:TAG)" ;;
  esac
  shift
done

# --- Docker must be there and answering -------------------------------------------------------
command -v docker >/dev/null 2>&1 \
  || die "the docker CLI is not installed (run .ci/docker-engine.sh to install and start an engine)"
if ! docker_err="$(timeout 20 docker info 2>&1 >/dev/null </dev/null)"; then
  die "the Docker engine is not reachable ($(echo "$docker_err" | grep -v '^ *$' | tail -n 1)); start it with .ci/docker-engine.sh"
fi

# --- Prism must be installed in openapi/node_modules ------------------------------------------
command -v node >/dev/null 2>&1 || die "node is not installed"
if [ ! -f "$PRISM_PKG_DIR/package.json" ]; then
  log "openapi/node_modules has no @stoplight/prism-cli: running npm ci --prefix openapi"
  npm ci --prefix "$OPENAPI_DIR" --no-audit --no-fund >/dev/null \
    || die "npm ci --prefix openapi failed"
fi
PRISM_VERSION="$(node -p "require('$PRISM_PKG_DIR/package.json').version")"
TAG="${TAG:-kling-java/prism-local:$PRISM_VERSION}"

if [ "$FORCE" -eq 0 ] && docker image inspect "$TAG" >/dev/null 2>&1; then
  log "image $TAG already exists: nothing to do (use --force to rebuild)"
  exit 0
fi

OLD_ID="$(docker image inspect --format '{{.Id}}' "$TAG" 2>/dev/null || true)"
START=$(date +%s)
NODE_BIN="$(readlink -f "$(command -v node)")"
NODE_VERSION="$(node --version)"
log "building $TAG: Prism $PRISM_VERSION on host node $NODE_VERSION ($NODE_BIN)"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/prism-image.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
ROOTFS="$WORK/rootfs"
mkdir -p "$ROOTFS"/{usr/local/bin,etc,tmp,usr/src/prism/packages/cli}
chmod 1777 "$ROOTFS/tmp"

# --- node and the libraries it links ----------------------------------------------------------
cp "$NODE_BIN" "$ROOTFS/usr/local/bin/node"
copy_lib() { # copy (dereferenced) to the same absolute path inside the rootfs
  local src="$1"
  [ -e "$src" ] || return 0
  mkdir -p "$ROOTFS$(dirname "$src")"
  cp -L "$src" "$ROOTFS$src"
}
if ldd "$NODE_BIN" >/dev/null 2>&1; then
  # Lines: "libx.so.N => /path/libx.so.N (0x...)" and "/lib64/ld-linux-x86-64.so.2 (0x...)"
  mapfile -t LIBS < <(ldd "$NODE_BIN" | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}')
  [ "${#LIBS[@]}" -gt 0 ] || die "ldd listed no libraries for $NODE_BIN"
  for lib in "${LIBS[@]}"; do
    copy_lib "$lib"
  done
  # Name-service modules (getaddrinfo for "localhost" etc.): built into libc since glibc 2.34,
  # separate files on older hosts. Copied when present next to libc.
  LIBC_DIR="$(dirname "$(printf '%s\n' "${LIBS[@]}" | grep -m1 '/libc\.so')")"
  for extra in libnss_files.so.2 libnss_dns.so.2 libresolv.so.2; do
    copy_lib "$LIBC_DIR/$extra"
  done
  log "copied node + ${#LIBS[@]} libraries from ldd (incl. the loader)"
else
  log "node is statically linked: no libraries to copy"
fi

# --- minimal /etc ----------------------------------------------------------------------------
cat >"$ROOTFS/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
EOF
cat >"$ROOTFS/etc/group" <<'EOF'
root:x:0:
nogroup:x:65534:
EOF
cat >"$ROOTFS/etc/hosts" <<'EOF'
127.0.0.1 localhost
::1       localhost ip6-localhost ip6-loopback
EOF
cat >"$ROOTFS/etc/nsswitch.conf" <<'EOF'
passwd: files
group:  files
hosts:  files dns
EOF
mkdir -p "$ROOTFS/root"

# --- Prism and its dependency closure ---------------------------------------------------------
# `npm query` walks the dependency graph of openapi/package-lock.json: prism-cli plus everything
# it depends on (transitively), so Spectral and its own dependencies stay out of the image.
CLOSURE="$WORK/prism-closure.txt"
if (cd "$OPENAPI_DIR" && npm query '#@stoplight/prism-cli, #@stoplight/prism-cli *' 2>/dev/null) \
    | node -e '
        const items = JSON.parse(require("fs").readFileSync(0, "utf8"));
        const locs = [...new Set(items.map(i => i.location))].filter(l => l.startsWith("node_modules/")).sort();
        // Drop entries nested inside an entry already listed (tar copies whole directories).
        const kept = locs.filter(l => !locs.some(p => p !== l && l.startsWith(p + "/")));
        if (!kept.includes("node_modules/@stoplight/prism-cli")) process.exit(2);
        process.stdout.write(kept.join("\n") + "\n");' >"$CLOSURE"; then
  log "copying Prism and its dependency closure ($(wc -l <"$CLOSURE") top-level package dirs)"
else
  log "npm query failed: copying the whole openapi/node_modules instead"
  echo node_modules >"$CLOSURE"
fi
tar -C "$OPENAPI_DIR" --exclude='node_modules/.bin' --exclude='node_modules/.cache' \
    -cf - -T "$CLOSURE" | tar -C "$ROOTFS/usr/src/prism" -xf -
ln -s ../../node_modules/@stoplight/prism-cli/dist "$ROOTFS/usr/src/prism/packages/cli/dist"
cp "$PRISM_PKG_DIR/package.json" "$ROOTFS/usr/src/prism/packages/cli/package.json"

# --- import as an image (FROM scratch, one layer) ---------------------------------------------
log "importing the rootfs ($(du -sh "$ROOTFS" | cut -f1)) with docker import"
tar -C "$ROOTFS" --numeric-owner --owner=0 --group=0 -cf - . \
  | docker import \
      --change 'ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'ENV NODE_ENV=production' \
      --change 'WORKDIR /usr/src/prism/packages/cli' \
      --change 'EXPOSE 4010' \
      --change 'ENTRYPOINT ["node", "dist/index.js"]' \
      --change "LABEL org.opencontainers.image.title=prism-local prism.version=$PRISM_VERSION node.version=$NODE_VERSION" \
      --message "local stand-in for stoplight/prism: Prism $PRISM_VERSION on node $NODE_VERSION" \
      - "$TAG" >/dev/null \
  || die "docker import failed"

# --- smoke test: the entrypoint runs and reports the expected version -------------------------
GOT="$(docker run --rm --network none "$TAG" --version 2>&1 | tail -n 1 || true)"
if [ "$GOT" != "$PRISM_VERSION" ]; then
  die "smoke test failed: 'docker run $TAG --version' printed '$GOT', expected '$PRISM_VERSION'"
fi
NEW_ID="$(docker image inspect --format '{{.Id}}' "$TAG")"
if [ -n "$OLD_ID" ] && [ "$OLD_ID" != "$NEW_ID" ]; then
  # --force: drop the image this tag pointed to before (kept if a container still uses it)
  docker image rm "$OLD_ID" >/dev/null 2>&1 && log "removed the previous image ${OLD_ID#sha256:}" || true
fi
log "built $TAG ($(docker image inspect --format '{{.Size}}' "$TAG" | awk '{printf "%.0f MB", $1/1e6}')) in $(( $(date +%s) - START ))s; smoke test: prism --version = $GOT"
