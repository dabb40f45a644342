#!/usr/bin/env bash
# A Spark standalone cluster on loopback, from the Spark jars the build resolved: a master on
# 127.0.0.1:PORT and WORKERS workers of one core and 1 GiB each, for trying
# `officialdom experiment FILE --spark spark://127.0.0.1:PORT` and measuring on one machine.
#   scripts/spark-cluster.sh start [WORKERS] [PORT]   starts it (2 workers, port 7077), prints the master URL
#   scripts/spark-cluster.sh stop                     stops what start started
# Logs, pids and the workers' folders are in out/spark-cluster/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$root/out/spark-cluster"
cp_file="$root/spark/target/spark-classpath.txt"

flags=(-Xmx512m -XX:+IgnoreUnrecognizedVMOptions -Djdk.reflect.useDirectMethodHandle=false)
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  flags+=("--add-opens=java.base/$p=ALL-UNNAMED")
done
flags+=(--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED)

stop() {
  for f in "$dir"/worker-*.pid "$dir"/master.pid; do
    [ -f "$f" ] || continue
    pid="$(cat "$f")"
    # A worker's shutdown hook stops the executors it started.
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$f"
  done
}

case "${1:-}" in
  start)
    workers="${2:-2}"
    port="${3:-7077}"
    [ -f "$cp_file" ] || (cd "$root" && mvn -q -B -ntp -DskipTests package)
    stop
    # SPARK_HOME/jars, what a Spark installation holds: the workers build their executors' class path
    # from it. The lab and its libraries are left out: executors get them from officialdom-spark.jar.
    rm -rf "$dir/home" && mkdir -p "$dir/home/jars"
    tr ':' '\n' < "$cp_file" | grep -Ev '/officialdom-|/tools/jackson/|/org/duckdb/|/org/hipparchus/|/com/networknt/' \
      | while read -r j; do ln -s "$j" "$dir/home/jars/"; done
    export SPARK_HOME="$dir/home" SPARK_LOCAL_IP=127.0.0.1 SPARK_SCALA_VERSION=2.13
    nohup java "${flags[@]}" -cp "$dir/home/jars/*" org.apache.spark.deploy.master.Master \
      --host 127.0.0.1 --port "$port" --webui-port 0 > "$dir/master.log" 2>&1 &
    echo $! > "$dir/master.pid"
    trap 'stop' ERR
    for _ in $(seq 1 300); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.2; done
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "spark-cluster: the master did not start; see $dir/master.log" >&2; stop; exit 1; }
    for i in $(seq 1 "$workers"); do
      mkdir -p "$dir/work-$i"
      nohup java "${flags[@]}" -cp "$dir/home/jars/*" org.apache.spark.deploy.worker.Worker \
        --host 127.0.0.1 --port 0 --webui-port 0 --cores 1 --memory 1g --work-dir "$dir/work-$i" \
        "spark://127.0.0.1:$port" > "$dir/worker-$i.log" 2>&1 &
      echo $! > "$dir/worker-$i.pid"
    done
    for _ in $(seq 1 300); do
      [ "$(grep -c 'Registering worker' "$dir/master.log" || true)" -ge "$workers" ] && break
      sleep 0.2
    done
    [ "$(grep -c 'Registering worker' "$dir/master.log" || true)" -ge "$workers" ] \
      || { echo "spark-cluster: the workers did not register; see $dir/" >&2; stop; exit 1; }
    echo "spark://127.0.0.1:$port"
    ;;
  stop)
    stop
    ;;
  *)
    echo "usage: scripts/spark-cluster.sh start [WORKERS] [PORT] | stop" >&2
    exit 2
    ;;
esac
