#!/usr/bin/env bash
# npm run test:containers: builds every target of docker/Dockerfile and runs the
# stack in containers (docker/test/containers/*.containers.ts). Needs a Docker engine;
# without one it says so and exits 0 (skipped). Prints how long each step took.
#
#   LOGCLASS_CONTAINER_TARGETS="gateway"   build only these (the others must exist)
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! docker info >/dev/null 2>&1; then
  echo "container tests SKIPPED: no Docker engine answers (docker info failed)."
  echo "  To run them (Debian, as root): apt-get install -y docker.io mmdebstrap; dockerd >/var/log/dockerd.log 2>&1 &"
  echo "  then: npm run test:containers"
  exit 0
fi

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f s", b - a }'; }
t0=$(now)
timings=()

# The base image (pulled, present, or a local stand-in) and the build-only base.
eval "$(bash tools/containers/node-base.sh)"
t1=$(now); timings+=("base images: $(secs "$t0" "$t1")")

# BuildKit builds only the stages a target needs, two at once on two cores; the
# classic builder walks every stage before the target. BuildKit comes with the
# engine, but a docker client of 23+ needs the buildx plugin to use it: try the
# client on the PATH, then Debian's (docker.io ships a 20.10 client that has it built in).
builder=()
probe_dir=$(mktemp -d)
printf 'FROM scratch\nLABEL org.logclass.probe=1\n' >"$probe_dir/Dockerfile"
for client in docker /usr/bin/docker; do
  if command -v "$client" >/dev/null && DOCKER_BUILDKIT=1 "$client" build -q "$probe_dir" >/dev/null 2>&1; then
    builder=(env DOCKER_BUILDKIT=1 "$client" build --progress=plain)
    break
  fi
done
rm -rf "$probe_dir"
if [ ${#builder[@]} -eq 0 ]; then builder=(env DOCKER_BUILDKIT=0 docker build); echo "test-containers: BuildKit not available, using the classic builder"; fi

# embedding first: it needs both the build and prod-deps stages (BuildKit runs them
# side by side); the others then come from the cache in seconds.
read -r -a targets <<<"${LOGCLASS_CONTAINER_TARGETS:-embedding gateway regex llm models}"
for target in "${targets[@]}"; do
  ts=$(now)
  "${builder[@]}" --network host --build-arg "BUILD_NODE_IMAGE=$BUILD_NODE_IMAGE" \
    -f docker/Dockerfile --target "$target" -t "logclass/$target:local" . 2>&1 | sed -u "s/^/[$target] /" | grep --line-buffered -vE '^\[[a-z]+\] #[0-9]+ sha256:' || { echo "build of $target failed" >&2; exit 1; }
  timings+=("build $target: $(secs "$ts" "$(now)")")
done
docker image prune -f >/dev/null 2>&1 || true
t2=$(now)

rc=0
LOGCLASS_TEST_IMAGE_PREFIX=logclass/ LOGCLASS_TEST_IMAGE_TAG=local npx jest -c docker/containers.jest.config.cjs --ci || rc=$?
t3=$(now)
timings+=("stack tests: $(secs "$t2" "$t3")" "total: $(secs "$t0" "$t3")")
docker image ls --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E '^(logclass/|node:)' | sed 's/^/test-containers: image /'
printf 'test-containers: %s\n' "${timings[@]}"
exit "$rc"
