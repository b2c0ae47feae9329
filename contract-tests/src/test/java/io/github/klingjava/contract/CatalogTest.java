package io.github.klingjava.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.contract.constraints.Constraint;
import io.github.klingjava.contract.constraints.ConstraintCatalog;
import io.github.klingjava.contract.spec.ExampleCatalog;
import io.github.klingjava.contract.spec.OperationSpec;
import io.github.klingjava.contract.spec.SpecDocument;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalogs read the spec as the issue describes it: 12 operations, paired examples, constraints. */
class CatalogTest {

  private final SpecDocument spec = SpecDocument.load();

  @Test
  void theOperationsAreTheSubmitQueryAndListOfEveryTaskFamily() {
    // derived from the generated TaskFamily (the spec's x-kling-family tags), not retyped here
    Set<String> expected = new HashSet<>();
    Set<String> families = new HashSet<>();
    for (io.github.klingjava.vendor.TaskFamily family : io.github.klingjava.vendor.TaskFamily.tasks()) {
      family.operations().stream().filter(op -> !"call".equals(op.role()))
          .forEach(op -> expected.add(op.operationId()));
      families.add(Character.toUpperCase(family.accessor().charAt(0)) + family.accessor().substring(1));
    }
    assertEquals(expected, new HashSet<>(spec.operations().stream().map(OperationSpec::operationId).toList()));
    assertEquals(families, new HashSet<>(spec.operations().stream().map(OperationSpec::family).toList()));
    assertTrue(expected.size() > 12, "the video families are served: " + expected.size());
  }

  @Test
  void theOperationsSetAsideAreExactlyThoseOfFamiliesTheClientDoesNotServe() {
    int all = 0;
    for (var path : spec.root().path("paths").properties()) {
      all += path.getValue().size();
    }
    assertEquals(all, spec.operations().size() + spec.unservedOperations().size());
    for (OperationSpec op : spec.unservedOperations()) {
      assertFalse(io.github.klingjava.contract.client.FamilyOps.serves(op.family()), op.operationId());
      String tag = spec.root().at("/paths").path(op.path()).path(op.method().toLowerCase(java.util.Locale.ROOT))
          .path("tags").path(0).asText();
      boolean marked = false;
      for (var t : spec.root().path("tags")) {
        marked |= t.path("name").asText().equals(tag) && t.has("x-kling-family");
      }
      assertTrue(marked, op.operationId() + ": set aside but its tag " + tag + " is no x-kling-family");
    }
  }

  @Test
  void submitExamplesArePairedByName() {
    for (ExampleCatalog.OkCase c : new ExampleCatalog(spec).okCases()) {
      assertFalse(c.response() == null || c.response().isMissingNode(),
          c.key() + ": request example without a 200 example of the same name");
      if (c.operation().kind() == OperationSpec.Kind.CREATE) {
        assertNotNull(c.request(), c.key() + ": 200 example without a request example of the same name");
      }
    }
  }

  @Test
  void constraintKeysAreUnique() {
    List<Constraint> constraints = new ConstraintCatalog(spec).constraints();
    Set<String> keys = new HashSet<>();
    for (Constraint c : constraints) {
      assertTrue(keys.add(c.key()), "duplicate " + c.key());
    }
    assertTrue(constraints.size() > 50, "only " + constraints.size());
  }
}
