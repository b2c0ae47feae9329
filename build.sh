#!/usr/bin/env bash
# The test command, and the regeneration command after a spec or template edit: builds, tests and installs
# every project of the repository in dependency order, then shows that the Java API check bites and prints
# what changed (spec changes against openapi/released/ with their verdicts, the Java API diff, the generated
# files added, removed or changed since the last build).
#
#   ./build.sh                       what CI runs (.ci/run calls exactly this)
#   ./build.sh -o -Dmaven.repo.local=/some/m2     extra arguments go to every mvn call
#
# Each project is its own Maven build on purpose: the contract suite and the CLI use the client by
# coordinates from the local repository, so the build also proves the published jars work on their own.
# To add a project, add one line to PROJECTS.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

PROJECTS=(
  openapi/pom.xml         # kling-api-spec: the spec as YAML and JSON, an artifact of its own
  testing/pom.xml         # kling-java-testing: the lifecycle double (tests of the client use it)
  pom.xml                 # kling-java: lint the spec, generate, unit tests + spec gate, japicmp, jar
  contract-tests/pom.xml  # the contract suite against Prism (full + smoke); installs its test-jar for the CLI
  cli/pom.xml             # the kling command line: cli/target/kling.jar
)

bash openapi/what-changed.sh snapshot
for project in "${PROJECTS[@]}"; do
  echo "=== ${project}"
  mvn -B -ntp "$@" -f "${project}" install
done
bash openapi/what-changed.sh report "$@"
