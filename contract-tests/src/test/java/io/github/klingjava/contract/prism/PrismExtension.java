package io.github.klingjava.contract.prism;

import io.github.klingjava.contract.config.ContractConfig;
import io.github.klingjava.contract.report.Matrix;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Owns one Prism mock per test run. The first test class that needs it starts it (on the backend
 * of {@code kling.prism.backend}); it lives in the root context's store, so every later class
 * shares it, and JUnit closes it when the run ends. A missing prerequisite fails every class with
 * the same one-line message naming the fix, without retrying.
 *
 * <p>Inject {@link PrismSession} into a constructor, {@code @BeforeAll} or test method.
 */
public final class PrismExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PrismExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    session(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == PrismSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return session(context);
  }

  /**
   * @param context any context of the run
   * @return the run's session, started on first use
   */
  public static PrismSession session(ExtensionContext context) {
    Started started = context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(Started.class, key -> Started.attempt(), Started.class);
    if (started.failure != null) {
      throw started.failure;
    }
    return started.session;
  }

  /** The outcome of the one start attempt; closing it stops Prism. */
  private static final class Started implements AutoCloseable {
    private final PrismSession session;
    private final RuntimeException failure;

    private Started(PrismSession session, RuntimeException failure) {
      this.session = session;
      this.failure = failure;
    }

    static Started attempt() {
      try {
        return new Started(PrismSession.start(), null);
      } catch (RuntimeException e) {
        Matrix.get().backendUsed("none", ContractConfig.backend(), "not started",
            "PRISM DID NOT START: " + e.getMessage());
        return new Started(null, e);
      }
    }

    @Override
    public void close() {
      if (session != null) {
        session.close();
      }
    }
  }
}
