package io.github.klingjava.contract;

import io.github.klingjava.contract.client.Models;
import io.github.klingjava.contract.prism.PrismExtension;
import io.github.klingjava.contract.prism.PrismSession;
import io.github.klingjava.contract.report.Matrix;
import io.github.klingjava.contract.report.Rows;
import io.github.klingjava.contract.report.Section;
import io.github.klingjava.contract.spec.DeclaredFields;
import io.github.klingjava.contract.spec.ExampleCatalog;
import io.github.klingjava.contract.spec.SpecDocument;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/** One test per named example of the spec, generated from the document on every run. */
@ExtendWith(PrismExtension.class)
@DisplayName("named examples")
class ExampleContractTest {

  private final ExampleCatalog catalog = new ExampleCatalog(SpecDocument.load());

  @TestFactory
  @DisplayName("example")
  Stream<DynamicTest> okExamples(PrismSession prism) {
    Matrix.get().declare(Section.EXAMPLE, catalog.exampleKeys());
    return catalog.okCases().stream().map(c -> DynamicTest.dynamicTest(
        c.operation().operationId() + " " + c.name(),
        () -> Rows.run(Section.EXAMPLE, c.operation().operationId(), c.name(), prism.mockTarget(), c.key(),
            row -> {
              String deviation = ExampleChecks.check(prism, c);
              if (deviation != null) {
                row.knownDeviation(deviation);
              }
            })));
  }

  @TestFactory
  @DisplayName("callback example")
  Stream<DynamicTest> callbackExamples() {
    return catalog.callbackCases().stream().map(c -> DynamicTest.dynamicTest(
        c.callback().operationId() + " " + c.name(),
        () -> Rows.run(Section.EXAMPLE, c.callback().operationId(), c.name(), "spec", c.key(), row -> {
          String where = c.callback().operationId() + " / " + c.name();
          java.util.List<String> problems = new java.util.ArrayList<>();
          ExampleChecks.collect(problems, () -> ExampleChecks.expectDeclared("the callback example",
              new DeclaredFields(SpecDocument.load()).undeclared(c.callback().schema(), c.body()),
              c.callback().schema()));
          Class<?> type = Class.forName("io.github.klingjava.generated.model." + c.callback().schema());
          ExampleChecks.collect(problems, () -> ExampleChecks.expectSame("the " + type.getSimpleName()
              + " written back differs from the example", c.body(),
              Models.write(ExampleChecks.strictParse(type, c.body().toString()))));
          if (!problems.isEmpty()) {
            throw ExampleChecks.failure(where, problems, null);
          }
        })));
  }
}
