package io.github.klingjava.task;

import com.squareup.moshi.JsonAdapter;
import io.github.klingjava.generated.model.FinalBalanceDeduction;
import io.github.klingjava.generated.model.NewStandardTask;
import io.github.klingjava.generated.model.Task;
import io.github.klingjava.json.KlingMoshi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One view of a task for both of Kling's standards: the legacy {@code /v1} task ({@code task_status}
 * {@code succeed}, {@code task_result}, {@code final_*_deduction}) and the new standard's task item
 * ({@code status} {@code succeeded}, {@code outputs[]}, {@code billing[]}). Status, outputs, the failure
 * message and the billing read the same whichever standard answered.
 *
 * <pre>{@code
 * TaskView done = TaskView.of(client.imageToVideo().waitFor(taskId, WaitOptions.defaults()));
 * TaskView item = client.newStandard().waitFor(id, WaitOptions.defaults());
 * if (item.state() == TaskView.State.SUCCEEDED) { item.videoUrls().forEach(System.out::println); }
 * }</pre>
 */
public final class TaskView {
  private static final JsonAdapter<Object> TREES = KlingMoshi.create().adapter(Object.class);

  /** Which standard the task was answered in. */
  public enum Standard {
    /** {@code /v1/...} routes, {@code model_name} in the body. */
    LEGACY,
    /** Path-per-model routes and {@code /tasks}. */
    NEW
  }

  /** The lifecycle state, the same words for both standards ({@code succeed} and {@code succeeded} are SUCCEEDED). */
  public enum State {
    /** Accepted and queued. */
    SUBMITTED,
    /** Being generated. */
    PROCESSING,
    /** Done, with outputs. */
    SUCCEEDED,
    /** Done without outputs; see {@link #message()}. */
    FAILED,
    /** A status word newer than this client (see {@link #status()}). */
    UNKNOWN
  }

  /** One output: its type ({@code video}, {@code image}, {@code audio}, {@code voice}, {@code element}, ...) and where it is. */
  public record Output(String type, String id, String url, String watermarkUrl, String duration) {
  }

  /** One charge: {@code unit} (with a package type) or {@code cash} (with a cash type and currency); values as sent. */
  public record Billing(String chargeType, String cashType, String amount, String currency, String packageType,
      String listPrice) {
  }

  private final Standard standard;
  private final String id;
  private final String status;
  private final String message;
  private final String externalId;
  private final List<Output> outputs;
  private final List<Billing> billing;
  private final Task legacy;

  private TaskView(Standard standard, String id, String status, String message, String externalId,
      List<Output> outputs, List<Billing> billing, Task legacy) {
    this.standard = standard;
    this.id = id;
    this.status = status;
    this.message = message == null || message.isEmpty() ? null : message;
    this.externalId = externalId == null || externalId.isEmpty() ? null : externalId;
    this.outputs = List.copyOf(outputs);
    this.billing = List.copyOf(billing);
    this.legacy = legacy;
  }

  /**
   * @param task a legacy task, or a new-standard one read as a legacy task ({@link NewStandardTasks})
   * @return its view
   */
  public static TaskView of(Task task) {
    Objects.requireNonNull(task, "task");
    if (NewStandardTasks.isNewStandard(task)) {
      return ofTree(task.getAdditionalProperties(), task);
    }
    List<Output> outputs = legacyOutputs(task);
    List<Billing> billing = new ArrayList<>();
    if (task.getFinalUnitDeduction() != null) {
      billing.add(new Billing("unit", null, task.getFinalUnitDeduction(), null, null, null));
    }
    FinalBalanceDeduction cash = task.getFinalBalanceDeduction();
    if (cash != null) {
      billing.add(new Billing("cash", null, cash.getQuota(), null, null, cash.getListPrice()));
    }
    String external = task.getTaskInfo() == null ? null : task.getTaskInfo().getExternalTaskId();
    String status = task.getTaskStatus() == null ? null : task.getTaskStatus().value();
    return new TaskView(Standard.LEGACY, task.getTaskId(), status, task.getTaskStatusMsg(), external, outputs,
        billing, task);
  }

  /**
   * @param item a new-standard task item
   * @return its view
   */
  @SuppressWarnings("unchecked")
  public static TaskView of(NewStandardTask item) {
    Objects.requireNonNull(item, "item");
    return ofTree((Map<String, Object>) TREES.toJsonValue(item), NewStandardTasks.toLegacy(item));
  }

  /** Each {@code task_result} array item ({@code videos} are video outputs, ...), audio once per URL. */
  @SuppressWarnings("unchecked")
  private static List<Output> legacyOutputs(Task task) {
    List<Output> outputs = new ArrayList<>();
    Object tree = task.getTaskResult() == null ? null : TREES.toJsonValue(task.getTaskResult());
    if (!(tree instanceof Map<?, ?> result)) {
      return outputs;
    }
    for (Map.Entry<String, Object> array : ((Map<String, Object>) result).entrySet()) {
      String name = array.getKey();
      String type = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
      for (Map<?, ?> item : maps(array.getValue())) {
        for (String key : List.of("url", "mp3_url", "wav_url", "url_mp3", "url_wav")) {
          if (item.get(key) != null) {
            outputs.add(new Output(type, text(item.get("id")), text(item.get(key)),
                key.equals("url") ? text(item.get("watermark_url")) : null, text(item.get("duration"))));
          }
        }
      }
    }
    return outputs;
  }

  private static TaskView ofTree(Map<String, Object> tree, Task legacy) {
    List<Output> outputs = new ArrayList<>();
    for (Map<?, ?> o : maps(tree.get("outputs"))) {
      if ("audio".equals(text(o.get("type")))) {
        for (String format : List.of("mp3", "wav")) {
          if (o.get(format + "_url") != null) {
            outputs.add(new Output("audio", text(o.get("id")), text(o.get(format + "_url")), null,
                text(o.get(format + "_duration"))));
          }
        }
      } else {
        outputs.add(new Output(text(o.get("type")), text(o.get("id")), text(o.get("url")),
            text(o.get("watermark_url")), text(o.get("duration"))));
      }
    }
    List<Billing> billing = new ArrayList<>();
    for (Map<?, ?> b : maps(tree.get("billing"))) {
      billing.add(new Billing(text(b.get("charge_type")), text(b.get("cash_type")), text(b.get("amount")),
          text(b.get("currency")), text(b.get("package_type")), text(b.get("list_price"))));
    }
    return new TaskView(Standard.NEW, text(tree.get("id")), text(tree.get("status")), text(tree.get("message")),
        text(tree.get("external_id")), outputs, billing, legacy);
  }

  private static List<Map<?, ?>> maps(Object value) {
    List<Map<?, ?>> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> map) {
          out.add(map);
        }
      }
    }
    return out;
  }

  private static String text(Object value) {
    return NewStandardTasks.text(value);
  }

  /** Which standard answered. */
  public Standard standard() {
    return standard;
  }

  /** The task id ({@code task_id} or {@code id}). */
  public String id() {
    return id;
  }

  /** The status word as sent ({@code succeed}, {@code succeeded}, or a newer one); empty string when absent. */
  public String status() {
    return status == null ? "" : status;
  }

  /** The state, the same for both standards. */
  public State state() {
    switch (status()) {
      case "submitted":
        return State.SUBMITTED;
      case "processing":
        return State.PROCESSING;
      case "succeed":
      case "succeeded":
        return State.SUCCEEDED;
      case "failed":
        return State.FAILED;
      default:
        return State.UNKNOWN;
    }
  }

  /** True once the task succeeded or failed. */
  public boolean isTerminal() {
    return state() == State.SUCCEEDED || state() == State.FAILED;
  }

  /** The failure reason ({@code task_status_msg} or {@code message}), when one was sent. */
  public Optional<String> message() {
    return Optional.ofNullable(message);
  }

  /** Your external task id, when the task carries one. */
  public Optional<String> externalId() {
    return Optional.ofNullable(externalId);
  }

  /** Every output with a location, in the order sent (audio: one entry per format). */
  public List<Output> outputs() {
    return outputs;
  }

  /** The URLs of the video outputs. */
  public List<String> videoUrls() {
    return urls("video");
  }

  /** The URLs of the image outputs. */
  public List<String> imageUrls() {
    return urls("image");
  }

  /** The URLs of the audio outputs (mp3 and wav). */
  public List<String> audioUrls() {
    return urls("audio");
  }

  private List<String> urls(String type) {
    return outputs.stream().filter(o -> type.equals(o.type()) && o.url() != null).map(Output::url).toList();
  }

  /** What the task cost, as sent ({@code billing[]}, or the legacy unit and balance deductions). */
  public List<Billing> billing() {
    return billing;
  }

  /**
   * The task in the legacy shape, as the waiter, the callback receiver and the downloader take it
   * ({@code downloader.download(view.legacyTask(), dir)}); for a new-standard task see {@link NewStandardTasks}.
   */
  public Task legacyTask() {
    return legacy;
  }

  @Override
  public String toString() {
    return "TaskView{" + standard + " " + id + " " + status() + ", " + outputs.size() + " outputs}";
  }
}
