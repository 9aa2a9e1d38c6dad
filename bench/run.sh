#!/usr/bin/env bash
# Benchmarks nnc against ONNX Runtime on this machine and prints the markdown table of
# docs/benchmarks.md. Extra arguments go to JMH, e.g. `bench/run.sh -p model=mnist8` or
# `bench/run.sh -wi 1 -i 2` for a quick look. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/target
mkdir -p "$out"
if ! mvn -B -ntp -q -Pbench -pl bench -am package -DskipTests > "$out/build.log" 2>&1; then
    cat "$out/build.log" >&2
    exit 1
fi
cp="$out/classes:$(cat "$out/classpath.txt")"
echo "running JMH (about 10 s per model, engine and thread count; full log in $out/jmh.log)" >&2
if ! java -cp "$cp" org.openjdk.jmh.Main 'dev\.nnc\.bench\.(Cpu|Interpreter|Ort)Bench' \
        -foe true -rf json -rff "$out/jmh.json" "$@" > "$out/jmh.log" 2>&1; then
    tail -n 30 "$out/jmh.log" >&2
    exit 1
fi
# The conditions of the run, for the record beside the table.
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | xargs)), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
echo "- java: $(java -version 2>&1 | head -n 1)"
echo
java -cp "$cp" dev.nnc.bench.ResultTable "$out/jmh.json"
