package io.github.klingjava.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SubmitExecutorTest {

  @Test
  void runsAnyNumberOfSubmitsOnAtMostItsThreads() throws Exception {
    ExecutorService pool = SubmitExecutor.create(3);
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    CountDownLatch done = new CountDownLatch(500);
    for (int i = 0; i < 500; i++) {
      pool.execute(() -> {
        threads.add(Thread.currentThread());
        done.countDown();
      });
    }
    assertTrue(done.await(10, TimeUnit.SECONDS));
    pool.shutdown();
    assertTrue(threads.size() <= 3, threads.size() + " threads");
    boolean virtual = Runtime.version().feature() >= 21;
    assertEquals(virtual, SubmitExecutor.usesVirtualThreads(), "virtual threads exactly on Java 21+");
  }

  @Test
  void needsAtLeastOneThread() {
    assertThrows(IllegalArgumentException.class, () -> SubmitExecutor.create(0));
  }
}
