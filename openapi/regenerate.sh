#!/usr/bin/env bash
# One regeneration command, after editing openapi/kling-api.yaml or a template in src/main/openapi-templates/:
#
#   bash openapi/regenerate.sh [maven options, e.g. -o or -Dkling.prism.backend=process]
#
# 1. builds the spec artifact (YAML and JSON) and the client: lint, regenerate, the golden-file template
#    tests and every unit test, including the spec breaking-change gate against openapi/released/, then the
#    Java API check (japicmp) in verify; 2. shows the Java API check bites (a baseline with one more public
#    method must fail it); 3. runs the contract suite; 4. prints what changed: spec changes against the
#    released baseline, Java API changes, and the generated files added, removed or changed since the last
#    build. Any failure stops it with a non-zero exit. CI runs it (.ci/run).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
MVN=(mvn -B -ntp "$@")
OUT=target/regenerate
GENERATED=target/generated-sources/openapi/src/main/java

# Keep the last build's generated sources (mvn install regenerates them) to say what changed.
rm -rf "$OUT.previous" && mkdir -p "$OUT.previous"
[ -d "$GENERATED" ] && cp -r "$GENERATED" "$OUT.previous/java"

echo "::: regenerate: build (spec artifact, client, unit and golden tests, spec gate, Java API check)"
"${MVN[@]}" install -f openapi/pom.xml
"${MVN[@]}" install
rm -rf "$OUT" && mkdir -p "$OUT" && mv "$OUT.previous" "$OUT/previous"
cp target/japicmp/java-api.diff "$OUT/java-api.diff"

echo "::: regenerate: the Java API check must fail on a baseline with one more public method"
if "${MVN[@]}" -o -q japicmp:cmp@java-api \
    -Dkling.api.baseline.jar=target/japicmp-fixture/kling-java-baseline-with-extra-method.jar > "$OUT/japicmp-bite.log" 2>&1; then
  echo "regenerate: the Java API check passed a removed public method (see $OUT/japicmp-bite.log)" >&2
  exit 1
fi
grep -q 'removedSinceTheBaseline():METHOD_REMOVED' "$OUT/japicmp-bite.log" \
  || { echo "regenerate: the Java API check failed for another reason (see $OUT/japicmp-bite.log)" >&2; exit 1; }
echo "::: regenerate: it did (KlingClient.removedSinceTheBaseline(): METHOD_REMOVED)"

echo "::: regenerate: contract suite"
"${MVN[@]}" -f contract-tests/pom.xml verify

echo
echo "=== What changed ==="
cat target/spec-compat/report.txt 2>/dev/null || echo "Spec: no report (were the tests skipped?)"
echo "Java API against the baseline jar (target/japicmp/java-api.md):"
sed 's/^/  /' "$OUT/java-api.diff"; echo
if [ -d "$OUT/previous/java" ]; then
  changes=$(diff -rq "$OUT/previous/java" "$GENERATED" | sed -E \
    -e "s|^Files $OUT/previous/java/(.*) and .* differ$|changed \1|" \
    -e "s|^Only in $GENERATED/?(.*): (.*)$|added   \1/\2|" \
    -e "s|^Only in $OUT/previous/java/?(.*): (.*)$|removed \1/\2|" -e 's#^(added  |removed) /#\1 #' || true)
  echo "Generated sources since the last build: ${changes:-none changed}" | sed '2,$s/^/  /'
else
  echo "Generated sources since the last build: no earlier build to compare with"
fi
