#!/usr/bin/env bash
# The two ends of a regeneration, called by ./build.sh around its Maven builds:
#
#   bash openapi/what-changed.sh snapshot           before: keep the last build's generated sources
#   bash openapi/what-changed.sh report [mvn opts]  after: show the Java API check bites, print what changed
#
# report (1) runs japicmp against a baseline jar with one more public method and requires it to fail with
# METHOD_REMOVED (the check is not silently passing everything); (2) prints every spec change against
# openapi/released/ with its verdict, the Java API diff, and the generated files added, removed or changed
# since the last build. Any failure exits non-zero.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT=target/regenerate
GENERATED=target/generated-sources/openapi/src/main/java

snapshot() {
  rm -rf "$OUT.previous" && mkdir -p "$OUT.previous"
  if [ -d "$GENERATED" ]; then cp -r "$GENERATED" "$OUT.previous/java"; fi
}

bite() { # the Java API check must fail on a baseline with one more public method
  if mvn -B -ntp "$@" -o -q japicmp:cmp@java-api \
      -Dkling.api.baseline.jar=target/japicmp-fixture/kling-java-baseline-with-extra-method.jar \
      > "$OUT/japicmp-bite.log" 2>&1; then
    echo "what-changed: the Java API check passed a removed public method (see $OUT/japicmp-bite.log)" >&2
    exit 1
  fi
  grep -q 'removedSinceTheBaseline():METHOD_REMOVED' "$OUT/japicmp-bite.log" \
    || { echo "what-changed: the Java API check failed for another reason (see $OUT/japicmp-bite.log)" >&2; exit 1; }
  echo "::: the Java API check fails on a removed public method, as it must (KlingClient.removedSinceTheBaseline())"
}

generated_changes() {
  diff -rq "$OUT/previous/java" "$GENERATED" | sed -E \
    -e "s|^Files $OUT/previous/java/(.*) and .* differ$|changed \1|" \
    -e "s|^Only in $GENERATED/?(.*): (.*)$|added   \1/\2|" \
    -e "s|^Only in $OUT/previous/java/?(.*): (.*)$|removed \1/\2|" -e 's#^(added  |removed) /#\1 #' || true
}

report() {
  rm -rf "$OUT" && mkdir -p "$OUT"
  if [ -d "$OUT.previous" ]; then mv "$OUT.previous" "$OUT/previous"; fi
  cp target/japicmp/java-api.diff "$OUT/java-api.diff"
  bite "$@"
  echo
  echo "=== What changed ==="
  cat target/spec-compat/report.txt 2>/dev/null || echo "Spec: no report (were the tests skipped?)"
  echo "Java API against the baseline jar (target/japicmp/java-api.md):"
  sed 's/^/  /' "$OUT/java-api.diff"; echo
  if [ -d "$OUT/previous/java" ]; then
    local changes
    changes=$(generated_changes)
    echo "Generated sources since the last build: ${changes:-none changed}" | sed '2,$s/^/  /'
  else
    echo "Generated sources since the last build: no earlier build to compare with"
  fi
}

case "${1:-}" in
  snapshot) snapshot ;;
  report) shift; report "$@" ;;
  *) echo "usage: bash openapi/what-changed.sh snapshot | report [mvn options]" >&2; exit 2 ;;
esac
