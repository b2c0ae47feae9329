package io.github.klingjava.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.auth.Credentials;
import io.github.klingjava.generated.model.ImageGenerationRequest;
import io.github.klingjava.generated.model.Task;
import io.github.klingjava.task.PollScheduler;
import io.github.klingjava.task.WaitOptions;
import io.github.klingjava.testing.LifecycleDouble;
import io.github.klingjava.testing.TaskScript;
import io.github.klingjava.vendor.VendorProfile;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Closing a client ends its waits even on a shared scheduler, and submits never use poll threads. */
class ClientCloseTest {
  private static final WaitOptions SLOW = WaitOptions.builder().initialDelay(Duration.ofSeconds(30)).build();

  @Test
  void closeCancelsOutstandingWaitsOnASharedScheduler() throws Exception {
    try (LifecycleDouble kling = LifecycleDouble.create().start();
        PollScheduler shared = PollScheduler.create()) {
      kling.defaultScript(TaskScript.builder().pollsBeforeOutcome(1000).build());
      KlingClient client = client(kling).pollScheduler(shared).build();
      String id = client.imageGeneration().submit(new ImageGenerationRequest().prompt("fox")).getData().getTaskId();
      CompletableFuture<Task> wait = client.imageGeneration().waitForAsync(id, SLOW);
      client.close();
      assertThrows(CancellationException.class, wait::join);
      assertEquals(0, client.waiter().outstanding());
    }
  }

  @Test
  void submitsRunOffThePollThreads() throws Exception {
    AtomicReference<String> submitThread = new AtomicReference<>();
    OkHttpClient recording = new OkHttpClient.Builder().addInterceptor(chain -> {
      if ("POST".equals(chain.request().method())) {
        submitThread.set(Thread.currentThread().getName());
      }
      return chain.proceed(chain.request());
    }).build();
    try (LifecycleDouble kling = LifecycleDouble.create().start()) {
      kling.defaultScript(TaskScript.builder().pollsBeforeOutcome(0).build());
      try (KlingClient client = client(kling).okHttpClient(recording).build()) {
        WaitOptions quick = WaitOptions.builder().initialDelay(Duration.ofMillis(1)).build();
        client.imageGeneration().submitAndWaitAsync(new ImageGenerationRequest().prompt("fox"), quick).get();
      }
    }
    assertTrue(submitThread.get().startsWith("kling-submit"), submitThread.get());
  }

  private static KlingClientBuilder client(LifecycleDouble kling) {
    return KlingClient.builder().vendor(VendorProfile.custom(kling.baseUrl()))
        .credentials(Credentials.apiKey("fake-test-key-0001"));
  }
}
