#!/usr/bin/env bash
# Cuts the released baseline: the current spec becomes openapi/released/kling-api.yaml, the document every
# later spec change is checked against (ReleasedSpecCompatibilityTest, run by the test command). Run it when
# a release is cut, once the spec is final:
#
#   bash openapi/cut-baseline.sh
#
# When the newest CHANGELOG.md release is still "unreleased", its "### Spec <version>" heading is set to the
# spec's info.version, so the changelog names the spec that was cut. Right after a cut the check passes:
# the baseline and the current spec are the same document.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

version=$(sed -n 's/^  version: *//p' kling-api.yaml | head -n 1 | tr -d "'\"")
[ -n "$version" ] || { echo "cut-baseline: no info.version in openapi/kling-api.yaml" >&2; exit 1; }

mkdir -p released
cp kling-api.yaml released/kling-api.yaml
echo "cut-baseline: openapi/released/kling-api.yaml is now the spec at info.version ${version}"

changelog=../CHANGELOG.md
newest=$(grep -m 1 '^## ' "$changelog" || true)
if [[ "$newest" == *unreleased* ]]; then
  # Only the first "### Spec" heading, the one of the unreleased entry, is rewritten.
  awk -v v="$version" '!done && /^### Spec / { print "### Spec " v; done = 1; next } { print }' \
    "$changelog" > "$changelog.tmp" && mv "$changelog.tmp" "$changelog"
  echo "cut-baseline: CHANGELOG.md \"${newest#\#\# }\" now records spec ${version}"
elif ! grep -q "^### Spec ${version}\$" "$changelog"; then
  echo "cut-baseline: CHANGELOG.md has no \"### Spec ${version}\" section: add it to the release entry" >&2
  exit 1
fi
