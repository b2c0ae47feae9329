package io.github.klingjava.contract.prism;

import io.github.klingjava.contract.config.ContractConfig;
import io.github.klingjava.contract.report.Matrix;
import java.util.ArrayList;
import java.util.List;

/**
 * The Prism side of one test run: the chosen backend, the one shared mock, and any proxies the
 * live tests start. Owned by {@link PrismExtension}; closed when the run ends.
 */
public final class PrismSession implements AutoCloseable {

  private final BackendSelection selection;
  private final SpecFile spec;
  private final PrismInstance mock;
  private final List<PrismInstance> proxies = new ArrayList<>();

  private PrismSession(BackendSelection selection, SpecFile spec, PrismInstance mock) {
    this.selection = selection;
    this.spec = spec;
    this.mock = mock;
  }

  /**
   * Chooses the backend, materializes the spec and starts the mock.
   *
   * @return the running session
   */
  static PrismSession start() {
    BackendSelection selection = BackendSelection.choose(ContractConfig.backend());
    SpecFile spec = SpecFile.locate();
    long started = System.nanoTime();
    PrismInstance mock = selection.backend().start(spec.path(), PrismCommand.mock(),
        ContractConfig.runName() + "-mock-" + selection.backend().name() + ".log");
    long millis = (System.nanoTime() - started) / 1_000_000;
    Matrix.get().backendUsed(selection.backend().name(), selection.requested(),
        mock.description() + ", started in " + millis + " ms", selection.notice());
    return new PrismSession(selection, spec, mock);
  }

  /** @return the shared mock of the spec */
  public PrismInstance mock() {
    return mock;
  }

  /** @return {@code docker} or {@code process} */
  public String backendName() {
    return selection.backend().name();
  }

  /** @return the target label of mock rows in the report, e.g. {@code mock/docker} */
  public String mockTarget() {
    return "mock/" + backendName();
  }

  /**
   * Starts a validating proxy in front of an upstream, on the same backend. It is stopped with the
   * session.
   *
   * @param upstream the upstream base URL (a vendor, or the local stand-in)
   * @param logName a file name for its log (must not contain secrets)
   * @return the running proxy
   */
  public synchronized PrismInstance startProxy(String upstream, String logName) {
    PrismInstance proxy = selection.backend().start(spec.path(), PrismCommand.proxy(upstream),
        ContractConfig.runName() + "-" + logName);
    proxies.add(proxy);
    return proxy;
  }

  @Override
  public synchronized void close() {
    for (PrismInstance proxy : proxies) {
      proxy.close();
    }
    proxies.clear();
    mock.close();
  }
}
