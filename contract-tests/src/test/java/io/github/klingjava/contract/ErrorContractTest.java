package io.github.klingjava.contract;

import io.github.klingjava.contract.prism.PrismExtension;
import io.github.klingjava.contract.prism.PrismSession;
import io.github.klingjava.contract.report.Matrix;
import io.github.klingjava.contract.report.Rows;
import io.github.klingjava.contract.report.Section;
import io.github.klingjava.contract.spec.ExampleCatalog;
import io.github.klingjava.contract.spec.SpecDocument;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every named error example of every operation, selected with {@code Prefer: code=..., example=...}:
 * the client raises the exception of the example's family, with its status, business code and
 * request id.
 */
@ExtendWith(PrismExtension.class)
@DisplayName("error families")
class ErrorContractTest {

  private final SpecDocument spec = SpecDocument.load();
  private final ExampleCatalog catalog = new ExampleCatalog(spec);
  private final ErrorChecks checks = new ErrorChecks(spec);

  @TestFactory
  @DisplayName("error")
  Stream<DynamicTest> errorExamples(PrismSession prism) {
    Matrix.get().declare(Section.ERROR, catalog.errorKeys());
    return catalog.errorCases().stream().map(c -> DynamicTest.dynamicTest(
        c.operation().operationId() + " " + c.status() + " " + c.name(),
        () -> Rows.run(Section.ERROR, c.operation().operationId(), c.status() + " " + c.name(),
            prism.mockTarget(), c.key(), row -> checks.check(prism, c))));
  }
}
