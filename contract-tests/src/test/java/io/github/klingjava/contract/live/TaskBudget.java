package io.github.klingjava.contract.live;

import org.opentest4j.TestAbortedException;

/**
 * The cap on tasks one live target may create in a run ({@code kling.live.maxTasks}, default 2):
 * live tasks cost money, so a submit beyond the cap is skipped, with the reason, instead of sent.
 */
public final class TaskBudget {

  private final String target;
  private final int max;
  private int used;

  /**
   * @param target the target's name, for the skip reason
   * @param max the cap
   */
  public TaskBudget(String target, int max) {
    this.target = target;
    this.max = max;
  }

  /**
   * Takes one task from the budget.
   *
   * @param what the submit about to happen
   * @throws TestAbortedException when the cap is reached (the test shows as skipped)
   */
  public synchronized void reserve(String what) {
    if (used >= max) {
      throw new TestAbortedException("task cap reached for " + target + ": kling.live.maxTasks=" + max
          + " tasks already created in this run; " + what + " not sent");
    }
    used++;
  }

  /** @return tasks created so far */
  public synchronized int used() {
    return used;
  }
}
