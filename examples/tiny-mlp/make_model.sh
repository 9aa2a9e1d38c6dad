#!/usr/bin/env bash
# Regenerates model.onnx and input.npy in this folder with the project's own generator
# (tests/src/test/java/dev/nnc/tests/examples/TinyMlp.java); the test then checks the files.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
mvn -B -q -f "$root/pom.xml" -pl tests -am test -Dtest=TinyMlpExampleTest#committedFilesAreWhatTheGeneratorMakes \
  -Dsurefire.failIfNoSpecifiedTests=false -Dnnc.regenerate=true
echo "wrote $root/examples/tiny-mlp/model.onnx and input.npy"
