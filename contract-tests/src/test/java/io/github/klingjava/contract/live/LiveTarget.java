package io.github.klingjava.contract.live;

import io.github.klingjava.auth.Credentials;
import io.github.klingjava.vendor.VendorProfile;
import java.util.function.Supplier;

/**
 * A vendor the live tests can run against, through {@code prism proxy}.
 *
 * @param name e.g. {@code cometapi} or {@code standin-cometapi}
 * @param profile the vendor profile (its quirks apply; its base URL is the proxy's upstream)
 * @param credentials reads the credentials when the target runs (never printed)
 * @param secrets the raw secret values, for the "never printed" check (never printed themselves)
 * @param skipReason why the target cannot run (e.g. a missing environment variable), or null
 * @param standIn whether the upstream is the local stand-in rather than the vendor
 */
public record LiveTarget(String name, VendorProfile profile, Supplier<Credentials> credentials,
    Supplier<java.util.List<String>> secrets, String skipReason, boolean standIn) {

  /**
   * @param backend the backend running the proxy
   * @return the matrix target label, e.g. {@code live/cometapi via docker}
   */
  public String label(String backend) {
    return "live/" + name + " via " + backend;
  }

  @Override
  public String toString() {
    return "LiveTarget[" + name + ", " + profile.displayName() + (skipReason == null ? "" : ", skipped") + "]";
  }
}
