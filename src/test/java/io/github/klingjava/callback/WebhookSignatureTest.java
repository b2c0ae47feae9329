package io.github.klingjava.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.generated.model.Task;
import io.github.klingjava.task.TaskStatus;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kling's signed callbacks (Standard Webhooks): the official test vector and what is refused. */
class WebhookSignatureTest {

  // The official test vector of Kling's callback page (2026, "Webhook signature"); the secret is
  // the documentation's own sample ("testsecrettestsecrettestsecret12"), not a credential.
  static final String SECRET = "whsec_dGVzdHNlY3JldHRlc3RzZWNyZXR0ZXN0c2VjcmV0MTI=";
  static final String ID = "9876543210";
  static final long TIMESTAMP = 1781080794L;
  static final String BODY = "{\"id\":\"1234567890\",\"status\":\"succeeded\",\"message\":\"\","
      + "\"create_time\":1781080778802,\"update_time\":1781080794151}";
  static final String SIGNATURE = "v1,UsKlJP00XoQyOn410NM9xv34sP+Gl0jnOO9Lcpr7NJ4=";
  /** Another obvious fake: the "old" secret of a rotation. */
  static final String OLD_SECRET = "whsec_b2xkc2VjcmV0b2xkc2VjcmV0b2xkc2VjcmV0MTI=";

  private static Clock at(long epochSecond) {
    return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
  }

  private static CallbackReceiver receiver(Clock clock, String... secrets) {
    return CallbackReceiver.builder().clock(clock).requireSignature(secrets).build();
  }

  private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
    return Map.of("Webhook-Id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
        "WEBHOOK-SIGNATURE", List.of(signature));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theOfficialTestVectorVerifies() {
    CallbackResult result = receiver(at(TIMESTAMP), SECRET)
        .receive(bytes(BODY), Map.of(), headers(ID, TIMESTAMP, SIGNATURE));
    assertEquals(200, result.httpStatus(), result.toString());
    Task task = result.task().orElseThrow();
    // the new-standard body shape is read as the legacy task; nothing of it is lost
    assertEquals("1234567890", task.getTaskId());
    assertEquals(TaskStatus.of("succeed"), task.getTaskStatus());
    assertEquals(1781080794151L, task.getUpdatedAt());
    assertEquals("succeeded", task.getAdditionalProperties().get("status"));
    assertEquals(new BigDecimal("1781080778802"), task.getAdditionalProperties().get("create_time"));
  }

  @Test
  void aTamperedBodyIsRefusedWith401() {
    String tampered = BODY.replace("succeeded", "failed");
    CallbackResult result = receiver(at(TIMESTAMP), SECRET)
        .receive(bytes(tampered), Map.of(), headers(ID, TIMESTAMP, SIGNATURE));
    assertEquals(401, result.httpStatus());
    assertFalse(result.isAccepted());
    assertEquals("no webhook signature matches", result.reason());
  }

  @Test
  void aTamperedIdOrTimestampIsRefused() {
    assertEquals(401, receiver(at(TIMESTAMP), SECRET)
        .receive(bytes(BODY), Map.of(), headers("9876543211", TIMESTAMP, SIGNATURE)).httpStatus());
    assertEquals(401, receiver(at(TIMESTAMP), SECRET)
        .receive(bytes(BODY), Map.of(), headers(ID, TIMESTAMP + 1, SIGNATURE)).httpStatus());
  }

  @Test
  void anExpiredOrFutureTimestampIsRefusedEvenWithAValidSignature() {
    long fiveMinutes = 300;
    assertEquals(200, receiver(at(TIMESTAMP + fiveMinutes), SECRET)
        .receive(bytes(BODY), Map.of(), headers(ID, TIMESTAMP, SIGNATURE)).httpStatus());
    CallbackResult expired = receiver(at(TIMESTAMP + fiveMinutes + 1), SECRET)
        .receive(bytes(BODY), Map.of(), headers(ID, TIMESTAMP, SIGNATURE));
    assertEquals(401, expired.httpStatus());
    assertEquals("webhook-timestamp outside the tolerance window", expired.reason());
    assertEquals(401, receiver(at(TIMESTAMP - fiveMinutes - 1), SECRET)
        .receive(bytes(BODY), Map.of(), headers(ID, TIMESTAMP, SIGNATURE)).httpStatus());
    CallbackReceiver tight = CallbackReceiver.builder().clock(at(TIMESTAMP + 11))
        .signatureTolerance(Duration.ofSeconds(10)).requireSignature(SECRET).build();
    assertEquals(401, tight.receive(bytes(BODY), Map.of(), headers(ID, TIMESTAMP, SIGNATURE))
        .httpStatus());
  }

  @Test
  void missingHeadersOrAnUnsignedCallbackAreRefused() {
    CallbackReceiver r = receiver(at(TIMESTAMP), SECRET);
    assertEquals(401, r.receive(bytes(BODY), Map.of(), Map.of()).httpStatus());
    assertEquals(401, r.receive(bytes(BODY), Map.of(), null).httpStatus());
    assertEquals(401, r.receive(bytes(BODY), Map.of(), headers(ID, TIMESTAMP, "v2,abc"))
        .httpStatus());
    assertEquals(401, r.receive(bytes(BODY), Map.of(), headers(ID, TIMESTAMP, "v1,###"))
        .httpStatus());
  }

  @Test
  void duringARotationAnyOfSeveralSignaturesAndEitherSecretPasses() {
    String several = "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= " + SIGNATURE;
    assertEquals(200, receiver(at(TIMESTAMP), SECRET)
        .receive(bytes(BODY), Map.of(), headers(ID, TIMESTAMP, several)).httpStatus());
    assertEquals(200, receiver(at(TIMESTAMP), OLD_SECRET, SECRET)
        .receive(bytes(BODY), Map.of(), headers(ID, TIMESTAMP, SIGNATURE)).httpStatus());
    assertEquals(401, receiver(at(TIMESTAMP), OLD_SECRET)
        .receive(bytes(BODY), Map.of(), headers(ID, TIMESTAMP, SIGNATURE)).httpStatus());
  }

  @Test
  void aResentCallbackIsADuplicateByWebhookId() {
    CallbackReceiver r = receiver(at(TIMESTAMP), SECRET);
    assertEquals(CallbackResult.Outcome.ACCEPTED,
        r.receive(bytes(BODY), Map.of(), headers(ID, TIMESTAMP, SIGNATURE)).outcome());
    CallbackResult again = r.receive(bytes(BODY), Map.of(), headers(ID, TIMESTAMP, SIGNATURE));
    assertEquals(CallbackResult.Outcome.DUPLICATE, again.outcome());
    assertEquals(200, again.httpStatus());
  }

  @Test
  void theUrlTokenSchemeStillWorksBesideSignatures() {
    CallbackReceiver r = CallbackReceiver.builder().clock(at(TIMESTAMP)).requireToken("tok-fake-1")
        .requireSignature(SECRET).build();
    assertEquals(200, r.receive(BODY, "/kling?token=tok-fake-1", headers(ID, TIMESTAMP, SIGNATURE))
        .httpStatus());
    assertEquals(401, r.receive(BODY, "/kling?token=wrong", headers(ID, TIMESTAMP, SIGNATURE))
        .httpStatus());
  }

  @Test
  void aMalformedSecretFailsFastWithoutShowingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CallbackReceiver.builder().requireSignature("whsec_not base64!!"));
    assertFalse(e.getMessage().contains("not base64!!"), e.getMessage());
  }

  @Test
  void bothCallbackBodyShapesOfTheSheetParse() {
    CallbackReceiver r = CallbackReceiver.builder().build();
    // legacy body (Kling's callback page; "Kling 3.0 Omni and earlier models")
    String legacy = "{\"task_id\":\"string\",\"task_status\":\"string\",\"task_status_msg\":"
        + "\"string\",\"created_at\":1722769557708,\"updated_at\":1722769557708,"
        + "\"final_unit_deduction\":\"string\",\"final_balance_deduction\":{\"quota\":\"string\","
        + "\"list_price\":\"string\"},\"task_info\":{\"parent_video\":{\"id\":\"string\",\"url\":"
        + "\"string\",\"duration\":\"string\"},\"external_task_id\":\"string\"},\"task_result\":"
        + "{\"images\":[{\"index\":0,\"url\":\"string\"}],\"videos\":[{\"id\":\"string\",\"url\":"
        + "\"string\",\"duration\":\"string\"}]}}";
    Task old = r.receive(legacy, "/", null).task().orElseThrow();
    assertEquals("string", old.getTaskId());
    assertEquals("string", old.getTaskInfo().getParentVideo().getUrl());
    // declared since issue #10 (video families): typed, no longer an additional property
    assertEquals("string", old.getFinalBalanceDeduction().getQuota());
    assertEquals("string", old.getFinalBalanceDeduction().getListPrice());
    // new-standard test callback ("Send Test Callback")
    String test = "{\"id\":\"913827032734642185\",\"status\":\"submitted\",\"outputs\":[],"
        + "\"message\":\"\",\"create_time\":1785901861504,\"update_time\":1785901861504}";
    CallbackResult result = r.receive(test, "/", null);
    assertTrue(result.isAccepted(), result.toString());
    Task fresh = result.task().orElseThrow();
    assertEquals("913827032734642185", fresh.getTaskId());
    assertEquals(TaskStatus.of("submitted"), fresh.getTaskStatus());
    assertEquals(List.of(), fresh.getAdditionalProperties().get("outputs"));
  }
}
