package io.github.klingjava.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.klingjava.generated.model.Task;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One batch query answers the polls of many tasks; a kept answer is used once and only while fresh. */
class BatchingPollerTest {
  private final List<List<String>> asked = new ArrayList<>();
  private Instant now = Instant.parse("2026-07-15T00:00:00Z");
  private final Clock clock = new Clock() {
    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };

  private BatchingPoller poller(int limit) {
    return BatchingPoller.create((required, ids, limitTime) -> {
      asked.add(List.copyOf(ids));
      return ids.stream().map(id -> new Task().taskId(id).taskStatus(TaskStatus.PROCESSING)).toList();
    }, limit, clock, Duration.ofSeconds(5));
  }

  @Test
  void thePollsOfTheOtherTasksTakeTheKeptAnswers() {
    BatchingPoller poller = poller(3);
    for (String id : List.of("a", "b", "c")) {
      poller.poll(id); // first round: each is new, and asks with those seen so far
    }
    asked.clear();
    now = now.plusSeconds(1);
    poller.poll("a");
    poller.poll("b");
    poller.poll("c");
    assertEquals(1, asked.size(), "one query for the three polls: " + asked);
    assertEquals(java.util.Set.of("a", "b", "c"), new java.util.HashSet<>(asked.get(0)));
  }

  @Test
  void announcedTasksShareTheFirstQuery() {
    BatchingPoller poller = poller(20);
    poller.expect(List.of("a", "b", "c"));
    poller.poll("b");
    poller.poll("a");
    poller.poll("c");
    assertEquals(List.of(List.of("b", "a", "c")), asked);
    assertEquals(1, poller.queries());
  }

  @Test
  void aBatchHoldsAtMostTheLimit() {
    BatchingPoller poller = poller(2);
    for (String id : List.of("a", "b", "c", "d")) {
      poller.poll(id);
    }
    asked.forEach(ids -> assertEquals(true, ids.size() <= 2, ids.toString()));
  }

  @Test
  void aStaleKeptAnswerIsQueriedAgain() {
    BatchingPoller poller = poller(20);
    poller.poll("a");
    poller.poll("b"); // asks b and a; a's answer is kept
    asked.clear();
    now = now.plusSeconds(6);
    poller.poll("a"); // the kept answer of a is older than 5 s: asks a and b, keeps b's
    poller.poll("b");
    assertEquals(List.of(List.of("a", "b")), asked);
  }

  @Test
  void aTerminalTaskLeavesTheBatches() {
    BatchingPoller poller = BatchingPoller.create((required, ids, t) -> {
      asked.add(List.copyOf(ids));
      return ids.stream().map(id -> new Task().taskId(id)
          .taskStatus(id.equals("a") ? TaskStatus.SUCCEED : TaskStatus.PROCESSING)).toList();
    }, 20, clock, Duration.ofSeconds(5));
    poller.poll("a");
    poller.poll("b");
    asked.clear();
    poller.poll("b");
    assertEquals(List.of(List.of("b")), asked);
  }

  @Test
  void aQueryThatDropsTheRequiredTaskIsRefused() {
    BatchingPoller poller = BatchingPoller.create((required, ids, t) -> List.of(), 20, clock, Duration.ZERO);
    assertThrows(IllegalStateException.class, () -> poller.poll("a"));
    assertThrows(IllegalArgumentException.class, () -> BatchingPoller.create((r, i, t) -> List.of(), 0, clock,
        Duration.ZERO));
  }
}
