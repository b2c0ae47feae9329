package io.github.klingjava.contract;

import io.github.klingjava.contract.constraints.Constraint;
import io.github.klingjava.contract.constraints.ConstraintCatalog;
import io.github.klingjava.contract.prism.PrismExtension;
import io.github.klingjava.contract.prism.PrismSession;
import io.github.klingjava.contract.report.Matrix;
import io.github.klingjava.contract.report.Rows;
import io.github.klingjava.contract.report.Section;
import io.github.klingjava.contract.spec.SpecDocument;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/** One negative test per declared constraint, generated from the request schemas and parameters. */
@ExtendWith(PrismExtension.class)
@DisplayName("declared constraints")
class ConstraintContractTest {

  private final List<Constraint> constraints = new ConstraintCatalog(SpecDocument.load()).constraints();

  @TestFactory
  @DisplayName("constraint")
  Stream<DynamicTest> constraints(PrismSession prism) {
    Matrix.get().declare(Section.CONSTRAINT, constraints.stream().map(Constraint::key).toList());
    return constraints.stream().map(c -> DynamicTest.dynamicTest(
        c.operation().operationId() + " " + c.caseName(),
        () -> Rows.run(Section.CONSTRAINT, c.operation().operationId(), c.caseName(), prism.mockTarget(),
            c.key(), row -> {
              String deviation = c.kind() == Constraint.Kind.PARAMETER ? ParameterChecks.check(prism, c)
                  : ConstraintChecks.check(prism, c);
              if (deviation != null) {
                row.knownDeviation(deviation);
              }
            })));
  }
}
