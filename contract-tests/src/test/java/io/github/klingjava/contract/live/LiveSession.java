package io.github.klingjava.contract.live;

import io.github.klingjava.contract.client.Clients;
import io.github.klingjava.contract.client.SlViolation;
import io.github.klingjava.contract.client.WireLog;
import io.github.klingjava.contract.config.ContractConfig;
import io.github.klingjava.contract.prism.PrismInstance;
import io.github.klingjava.contract.prism.PrismSession;
import io.github.klingjava.contract.spec.SpecDocument;
import io.github.klingjava.error.KlingApiException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One live target while its tests run: the stand-in upstream (if any), the {@code prism proxy} in
 * front of the upstream, the client pointed at the proxy (the vendor's profile and quirks, moved
 * with {@code withBaseUrl}), the task budget, the task ids created so far, and the captured output.
 */
public final class LiveSession implements AutoCloseable {

  private final LiveTarget target;
  private final VendorStandIn standIn;
  private final PrismInstance proxy;
  private final Clients.Wired wired;
  private final TaskBudget budget;
  private final OutputCapture output;
  private final Map<String, String> taskIds = new HashMap<>();

  private LiveSession(LiveTarget target, VendorStandIn standIn, PrismInstance proxy, Clients.Wired wired,
      OutputCapture output) {
    this.target = target;
    this.standIn = standIn;
    this.proxy = proxy;
    this.wired = wired;
    this.output = output;
    this.budget = new TaskBudget(target.name(), ContractConfig.liveMaxTasks());
  }

  /**
   * @param target the target (available)
   * @param prism the run's Prism session (the proxy runs on the same backend)
   * @param spec the spec (the stand-in serves its examples)
   * @return the started session
   */
  public static LiveSession start(LiveTarget target, PrismSession prism, SpecDocument spec) {
    OutputCapture output = new OutputCapture();
    VendorStandIn standIn = target.standIn() ? new VendorStandIn(spec, target.secrets().get().get(0)) : null;
    String upstream = standIn != null ? standIn.upstream()
        : target.profile().baseUrl().toString().replaceAll("/$", "");
    PrismInstance proxy = prism.startProxy(upstream, "proxy-" + target.name() + ".log");
    Clients.Wired wired = Clients.of(target.profile().withBaseUrl(proxy.baseUrl()),
        target.credentials().get(), true, null);
    return new LiveSession(target, standIn, proxy, wired, output);
  }

  /**
   * A live call and what {@code prism proxy} said about it.
   *
   * @param answer what the client returned, or null when it threw
   * @param thrown what the client threw, or null
   * @param requestViolations violations of the request
   * @param responseViolations violations of the answer: drift
   * @param <T> the answer type
   */
  public record Result<T>(T answer, KlingApiException thrown, List<SlViolation> requestViolations,
      List<SlViolation> responseViolations) {
  }

  /**
   * Runs a call and collects the proxy's verdict on every exchange it made.
   *
   * @param call the client call
   * @param <T> its answer
   * @return the result
   */
  public <T> Result<T> call(Supplier<T> call) {
    int before = wired.wire().exchanges().size();
    T answer = null;
    KlingApiException thrown = null;
    try {
      answer = call.get();
    } catch (KlingApiException e) {
      thrown = e;
    }
    List<WireLog.Exchange> exchanges = wired.wire().exchanges();
    List<SlViolation> all = exchanges.subList(before, exchanges.size()).stream()
        .flatMap(e -> e.parsedViolations().stream()).toList();
    return new Result<>(answer, thrown, all.stream().filter(v -> !v.aboutResponse()).toList(),
        all.stream().filter(SlViolation::aboutResponse).toList());
  }

  public LiveTarget target() {
    return target;
  }

  public Clients.Wired wired() {
    return wired;
  }

  public TaskBudget budget() {
    return budget;
  }

  public Map<String, String> taskIds() {
    return taskIds;
  }

  /** @return the stand-in, or null for a real vendor */
  public VendorStandIn standIn() {
    return standIn;
  }

  /** @return what was printed while this target ran */
  public String output() {
    return output.text();
  }

  @Override
  public void close() {
    output.close();
    wired.client().close();
    proxy.close();
    if (standIn != null) {
      standIn.close();
    }
  }
}
