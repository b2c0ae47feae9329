package io.github.klingjava.contract;

import io.github.klingjava.contract.constraints.Constraint;
import io.github.klingjava.contract.constraints.ConstraintCatalog;
import io.github.klingjava.contract.prism.PrismExtension;
import io.github.klingjava.contract.prism.PrismSession;
import io.github.klingjava.contract.report.Rows;
import io.github.klingjava.contract.report.Section;
import io.github.klingjava.contract.spec.ExampleCatalog;
import io.github.klingjava.contract.spec.SpecDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The smoke subset, for the second backend: the first named example of every operation, the first
 * constraint of every kind and the first error example of every status, with the same checks as the
 * full suite. The full run excludes this class (it runs every case already).
 */
@Tag("smoke")
@ExtendWith(PrismExtension.class)
@DisplayName("smoke")
class SmokeContractTest {

  private final SpecDocument spec = SpecDocument.load();
  private final ExampleCatalog catalog = new ExampleCatalog(spec);

  @TestFactory
  @DisplayName("smoke")
  Stream<DynamicTest> subset(PrismSession prism) {
    List<DynamicTest> tests = new ArrayList<>();
    Map<String, ExampleCatalog.OkCase> examples = new LinkedHashMap<>();
    catalog.okCases().forEach(c -> examples.putIfAbsent(c.operation().operationId(), c));
    examples.values().forEach(c -> tests.add(DynamicTest.dynamicTest("example " + c.operation().operationId()
        + " " + c.name(), () -> Rows.run(Section.EXAMPLE, c.operation().operationId(), c.name(),
            prism.mockTarget(), c.key(), row -> {
              String deviation = ExampleChecks.check(prism, c);
              if (deviation != null) {
                row.knownDeviation(deviation);
              }
            }))));
    Map<Constraint.Kind, Constraint> constraints = new LinkedHashMap<>();
    new ConstraintCatalog(spec).constraints().forEach(c -> constraints.putIfAbsent(c.kind(), c));
    constraints.values().forEach(c -> tests.add(DynamicTest.dynamicTest("constraint "
        + c.operation().operationId() + " " + c.caseName(), () -> Rows.run(Section.CONSTRAINT,
            c.operation().operationId(), c.caseName(), prism.mockTarget(), c.key(), row -> {
              String deviation = c.kind() == Constraint.Kind.PARAMETER ? ParameterChecks.check(prism, c)
                  : ConstraintChecks.check(prism, c);
              if (deviation != null) {
                row.knownDeviation(deviation);
              }
            }))));
    ErrorChecks errors = new ErrorChecks(spec);
    Map<Integer, ExampleCatalog.ErrorCase> byStatus = new LinkedHashMap<>();
    catalog.errorCases().forEach(c -> byStatus.putIfAbsent(c.status(), c));
    byStatus.values().forEach(c -> tests.add(DynamicTest.dynamicTest("error " + c.operation().operationId()
        + " " + c.status() + " " + c.name(), () -> Rows.run(Section.ERROR, c.operation().operationId(),
            c.status() + " " + c.name(), prism.mockTarget(), c.key(), row -> errors.check(prism, c)))));
    return tests.stream();
  }
}
