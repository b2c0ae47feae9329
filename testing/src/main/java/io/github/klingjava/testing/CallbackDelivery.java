package io.github.klingjava.testing;

/** One callback the {@link LifecycleDouble} POSTed, and how the receiver answered. Immutable. */
public final class CallbackDelivery {

  private final String taskId;
  private final String status;
  private final String body;
  private final int responseCode;

  CallbackDelivery(String taskId, String status, String body, int responseCode) {
    this.taskId = taskId;
    this.status = status;
    this.body = body;
    this.responseCode = responseCode;
  }

  /** @return the task the callback was about */
  public String taskId() {
    return taskId;
  }

  /** @return the task status it carried */
  public String status() {
    return status;
  }

  /** @return the JSON body sent: the bare task object */
  public String body() {
    return body;
  }

  /** @return the receiver's HTTP status, or -1 when the POST itself failed */
  public int responseCode() {
    return responseCode;
  }

  @Override
  public String toString() {
    return "CallbackDelivery{" + taskId + ", " + status + " -> " + responseCode + '}';
  }
}
