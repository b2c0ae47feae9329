package io.github.klingjava.contract.prism;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one Prism process does: mock the spec, or proxy to an upstream and validate what passes.
 *
 * @param mode mock or proxy
 * @param upstream the upstream base URL (proxy only), e.g. {@code http://127.0.0.1:8123/kling}
 */
public record PrismCommand(Mode mode, String upstream) {

  /** Prism's two modes. */
  public enum Mode { MOCK, PROXY }

  public PrismCommand {
    Objects.requireNonNull(mode, "mode");
    if (mode == Mode.PROXY && (upstream == null || upstream.isBlank())) {
      throw new IllegalArgumentException("a proxy needs an upstream URL");
    }
  }

  /** @return a mock of the spec (static examples, request validation on) */
  public static PrismCommand mock() {
    return new PrismCommand(Mode.MOCK, null);
  }

  /**
   * @param upstream the server to forward to
   * @return a validating proxy
   */
  public static PrismCommand proxy(String upstream) {
    return new PrismCommand(Mode.PROXY, upstream);
  }

  /**
   * The CLI arguments after {@code prism} (the same for the npm CLI and the official image's
   * entrypoint). Prism listens on 127.0.0.1 only.
   *
   * @param port the loopback port
   * @param spec the spec path as Prism sees it
   * @return the arguments
   */
  public List<String> arguments(int port, String spec) {
    List<String> args = new ArrayList<>(List.of(mode == Mode.MOCK ? "mock" : "proxy",
        "-m", "false", "-h", "127.0.0.1", "-p", Integer.toString(port), spec));
    if (mode == Mode.PROXY) {
      args.add(upstream);
    }
    return args;
  }

  /** @return a short label for logs and reports, without the upstream (it may be private) */
  public String label() {
    return mode == Mode.MOCK ? "mock" : "proxy";
  }
}
