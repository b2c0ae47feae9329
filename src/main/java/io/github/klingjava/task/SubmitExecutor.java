package io.github.klingjava.task;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded pool where {@code submitAndWaitAsync} runs its submits: a fixed number of threads and a
 * queue, so 1,000 asynchronous submits use {@value #DEFAULT_THREADS} threads, not 1,000. On Java 21+
 * the threads are virtual (found by reflection: the library compiles for 17), else daemon platform
 * threads. Idle threads end after 30 s.
 *
 * <pre>{@code
 * ExecutorService submits = SubmitExecutor.create(8);
 * KlingClient client = KlingClient.builder().vendor(vendor).credentials(credentials)
 *     .submitExecutor(submits)                // yours: you shut it down
 *     .build();
 * }</pre>
 */
public final class SubmitExecutor {

  /** Threads of the default pool: enough to keep submits flowing, few enough to be cheap. */
  public static final int DEFAULT_THREADS = 4;

  // Order matters: the shared pool's factory needs the handle.
  private static final MethodHandle VIRTUAL_FACTORY = virtualFactory();
  private static final ExecutorService SHARED = create(DEFAULT_THREADS);

  private SubmitExecutor() {
  }

  /** @return the process-wide default pool of {@value #DEFAULT_THREADS} threads (never shut down) */
  public static ExecutorService shared() {
    return SHARED;
  }

  /**
   * @param threads the most threads, at least 1
   * @return a new pool that the caller shuts down
   */
  public static ExecutorService create(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), factory());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** @return true when the pool's threads are virtual (Java 21+) */
  public static boolean usesVirtualThreads() {
    return VIRTUAL_FACTORY != null;
  }

  private static ThreadFactory factory() {
    if (VIRTUAL_FACTORY != null) {
      try {
        return (ThreadFactory) VIRTUAL_FACTORY.invoke();
      } catch (Throwable e) {
        // fall through to platform threads
      }
    }
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "kling-submit-" + count.incrementAndGet());
      thread.setDaemon(true); // a forgotten submit must not keep the JVM alive
      return thread;
    };
  }

  /** {@code Thread.ofVirtual().name("kling-submit-", 1).factory()}, or null before Java 21. */
  private static MethodHandle virtualFactory() {
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      Class<?> builder = Class.forName("java.lang.Thread$Builder");
      Object virtual = lookup.findStatic(Thread.class, "ofVirtual",
          MethodType.methodType(Class.forName("java.lang.Thread$Builder$OfVirtual"))).invoke();
      Object named = lookup.findVirtual(builder, "name",
          MethodType.methodType(builder, String.class, long.class)).invoke(virtual, "kling-submit-", 1L);
      return lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class))
          .bindTo(named);
    } catch (Throwable e) {
      return null;
    }
  }
}
