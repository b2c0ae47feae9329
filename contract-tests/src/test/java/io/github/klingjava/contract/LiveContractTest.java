package io.github.klingjava.contract;

import io.github.klingjava.contract.live.LivePlan;
import io.github.klingjava.contract.live.LiveSession;
import io.github.klingjava.contract.live.LiveTarget;
import io.github.klingjava.contract.live.LiveTargets;
import io.github.klingjava.contract.prism.PrismExtension;
import io.github.klingjava.contract.prism.PrismSession;
import io.github.klingjava.contract.report.Rows;
import io.github.klingjava.contract.report.Section;
import io.github.klingjava.contract.spec.SpecDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.TestAbortedException;

/**
 * Live mode: each target whose credentials are set (and the local stand-in, on by default) runs the
 * {@link LivePlan} through {@code prism proxy}, so every live answer is validated against the spec
 * and violations are reported as drift. Targets without credentials show as skipped, with the reason.
 */
@Tag("smoke")
@ExtendWith(PrismExtension.class)
@DisplayName("live")
class LiveContractTest {

  private static final Map<String, LiveSession> SESSIONS = new ConcurrentHashMap<>();

  @TestFactory
  @DisplayName("target")
  Stream<DynamicNode> targets(PrismSession prism) {
    SpecDocument spec = SpecDocument.load();
    LivePlan plan = new LivePlan(spec);
    List<DynamicNode> containers = new ArrayList<>();
    for (LiveTarget target : LiveTargets.all(System::getenv)) {
      List<DynamicNode> steps = plan.cases().stream().<DynamicNode>map(c -> DynamicTest.dynamicTest(
          target.name() + " " + c.operationId() + " " + c.name(),
          () -> Rows.run(Section.LIVE, c.operationId(), c.name(), target.label(prism.backendName()), "", row -> {
            if (target.skipReason() != null) {
              throw new TestAbortedException(target.skipReason());
            }
            c.step().run(SESSIONS.computeIfAbsent(target.name(), n -> LiveSession.start(target, prism, spec)),
                row);
          }))).toList();
      containers.add(DynamicContainer.dynamicContainer(target.label(prism.backendName()), steps));
    }
    return containers.stream();
  }

  @AfterAll
  static void stopSessions() {
    SESSIONS.values().forEach(LiveSession::close);
    SESSIONS.clear();
  }
}
