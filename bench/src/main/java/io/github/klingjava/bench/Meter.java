package io.github.klingjava.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.Callable;

/** Calling-thread CPU and allocation (com.sun.management.ThreadMXBean), wall time, heap peaks. */
final class Meter {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private Meter() {
  }

  /** Per-call averages of one batch. */
  record Sample(double wallNanos, double cpuNanos, double allocatedBytes, double heapGrowthBytes) {
  }

  static Sample batch(int calls, Callable<?> call) throws Exception {
    long tid = Thread.currentThread().getId();
    long alloc0 = THREADS.getThreadAllocatedBytes(tid);
    long cpu0 = THREADS.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      if (call.call() == null) {
        throw new IllegalStateException("a contestant answered null");
      }
    }
    long wall = System.nanoTime() - t0;
    long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
    long alloc = THREADS.getThreadAllocatedBytes(tid) - alloc0;
    return new Sample((double) wall / calls, (double) cpu / calls, (double) alloc / calls, 0);
  }

  /**
   * One call with its heap growth: the heap pools' peak use during the call minus the heap in use
   * right after a full GC before it.
   */
  static Sample single(Callable<?> call) throws Exception {
    System.gc();
    long base = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
        base += pool.getUsage().getUsed();
      }
    }
    Sample s = batch(1, call);
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return new Sample(s.wallNanos(), s.cpuNanos(), s.allocatedBytes(), Math.max(0, peak - base));
  }
}
