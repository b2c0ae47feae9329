package io.github.klingjava.contract.prism;

/**
 * A running Prism, reachable on the loopback interface. Closing it stops it.
 */
public interface PrismInstance extends AutoCloseable {

  /** @return e.g. {@code http://127.0.0.1:41234} (no trailing slash) */
  String baseUrl();

  /** @return the backend that runs it: {@code docker} or {@code process} */
  String backend();

  /** @return how it was started, for the report (image or CLI path, never a secret) */
  String description();

  @Override
  void close();
}
