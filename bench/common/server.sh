# Sourced by bench/update/run and bench/sse/run: builds spoc-server and one benchmark driver, and
# starts/stops the server on a fresh data folder. Expects BENCH (the name used in messages) and
# DRIVER (the CMake target of the driver) to be set, and the repository root as the cwd.
# Build folder: $SPOC_BENCH_BUILD (default build/bench; any configured native build folder works,
# e.g. build/native), built with nice -n 10 and $SPOC_BENCH_JOBS jobs (default 1).
BUILD=${SPOC_BENCH_BUILD:-build/bench}
SERVER=$BUILD/spoc-server
DRIVER_BIN=$BUILD/$DRIVER

build_bench() {
  if [ ! -f "$BUILD/CMakeCache.txt" ]; then
    echo "== configuring $BUILD (Release)"
    cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release > /dev/null
  fi
  echo "== building spoc-server and $DRIVER in $BUILD"
  nice -n 10 cmake --build "$BUILD" -j "${SPOC_BENCH_JOBS:-1}" --target spoc-server "$DRIVER" > "$WORK/build.log" 2>&1 ||
    { cat "$WORK/build.log" >&2; echo "$BENCH: build failed" >&2; exit 1; }
}

PORT=${SPOC_BENCH_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
BASE="http://127.0.0.1:$PORT"
PID=
stop_server() {
  if [ -n "$PID" ]; then kill -TERM "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=; fi
}
start_server() {  # extra server flags; keeps $WORK/data
  "$SERVER" --host 127.0.0.1 --port "$PORT" --data "$WORK/data" --assets assets "$@" >> "$WORK/server.log" 2>&1 &
  PID=$!
  local up=
  for _ in $(seq 300); do
    curl -sf "$BASE/api/v1/health" > /dev/null && { up=1; break; }
    kill -0 "$PID" 2>/dev/null || break
    sleep 0.1
  done
  if [ -z "$up" ] || ! kill -0 "$PID" 2>/dev/null; then
    echo "$BENCH: server did not start on port $PORT (set SPOC_BENCH_PORT?):" >&2
    cat "$WORK/server.log" >&2
    exit 1
  fi
}
