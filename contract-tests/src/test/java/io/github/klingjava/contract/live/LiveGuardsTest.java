package io.github.klingjava.contract.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The live mode's guards: the task cap, credential gating, and the secret-leak detector. */
class LiveGuardsTest {

  @Test
  void theTaskCapSkipsTheSubmitBeyondIt() {
    TaskBudget budget = new TaskBudget("cometapi", 2);
    budget.reserve("first");
    budget.reserve("second");
    TestAbortedException e = assertThrows(TestAbortedException.class, () -> budget.reserve("third"));
    assertTrue(e.getMessage().contains("kling.live.maxTasks=2"), e.getMessage());
    assertEquals(2, budget.used());
  }

  @Test
  void vendorsRunOnlyWithTheirCredentialsAndSayWhichVariableIsMissing() {
    Map<String, String> env = Map.of("COMETAPI_API_KEY", "k1", "KLING_ACCESS_KEY", "ak");
    List<LiveTarget> targets = LiveTargets.all(env::get);
    LiveTarget comet = targets.stream().filter(t -> t.name().equals("cometapi")).findFirst().orElseThrow();
    LiveTarget any = targets.stream().filter(t -> t.name().equals("anyapi")).findFirst().orElseThrow();
    LiveTarget jwt = targets.stream().filter(t -> t.name().equals("kling-jwt")).findFirst().orElseThrow();
    assertNull(comet.skipReason());
    assertTrue(any.skipReason().contains("ANYAPI_API_KEY"), any.skipReason());
    assertTrue(jwt.skipReason().contains("KLING_SECRET_KEY"), "an access key alone is not enough");
    assertFalse(comet.toString().contains("k1"), "a target never prints its key");
  }

  @Test
  void unselectedTargetsAreSkippedEvenWithTheirKeySet() {
    Map<String, String> env = Map.of("COMETAPI_API_KEY", "k1");
    List<LiveTarget> targets = LiveTargets.selected(LiveTargets.all(env::get), "standin-cometapi");
    LiveTarget comet = targets.stream().filter(t -> t.name().equals("cometapi")).findFirst().orElseThrow();
    LiveTarget standIn = targets.stream().filter(t -> t.name().equals("standin-cometapi")).findFirst().orElseThrow();
    assertTrue(comet.skipReason().contains("not selected"), comet.skipReason());
    assertNull(standIn.skipReason());
    assertEquals(targets.size(), LiveTargets.selected(targets, " ").size());
  }

  @Test
  void aPrintedSecretIsFoundAndTheMessageDoesNotRepeatIt() {
    String secret = "sk-live-0123456789";
    String leak = SecretCheck.findLeak(List.of(secret),
        List.of(new String[] {"clean output", "nothing here"}, new String[] {"the proxy log", "Bearer " + secret}));
    assertNotNull(leak);
    assertTrue(leak.contains("the proxy log"), leak);
    assertFalse(leak.contains(secret), leak);
  }

  @Test
  void capturedOutputStillReachesTheCaptureAndNoSecretIsPrintedByTheClient() {
    String secret = "standin-capture-check-secret";
    try (OutputCapture capture = new OutputCapture()) {
      io.github.klingjava.auth.Credentials credentials = io.github.klingjava.auth.Credentials.apiKey(secret);
      System.out.println("credentials: " + credentials);
      assertTrue(capture.text().contains("credentials:"));
      assertNull(SecretCheck.findLeak(List.of(secret), List.<String[]>of(new String[] {"output", capture.text()})),
          "Credentials.toString() must not print the key");
    }
  }
}
