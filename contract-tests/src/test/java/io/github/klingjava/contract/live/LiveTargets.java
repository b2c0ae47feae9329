package io.github.klingjava.contract.live;

import io.github.klingjava.auth.Credentials;
import io.github.klingjava.contract.config.ContractConfig;
import io.github.klingjava.vendor.VendorProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The live targets: the local stand-in (on by {@code kling.live.standin}, as the pom does) and each
 * real vendor whose credentials are in the environment. Without credentials a vendor's live tests
 * are skipped, and the reason names the variable.
 */
public final class LiveTargets {

  private LiveTargets() {
  }

  /**
   * @param env how to read an environment variable (System::getenv in the suite)
   * @return every target, available or not
   */
  public static List<LiveTarget> all(Function<String, String> env) {
    List<LiveTarget> targets = new ArrayList<>();
    String standInKey = "standin-" + UUID.randomUUID();
    targets.add(new LiveTarget("standin-cometapi", VendorProfile.cometApi(),
        () -> Credentials.apiKey(standInKey), () -> List.of(standInKey),
        ContractConfig.liveStandIn() ? null : "kling.live.standin=false: the local stand-in upstream is off",
        true));
    targets.add(apiKey("cometapi", VendorProfile.cometApi(), "COMETAPI_API_KEY", env));
    targets.add(apiKey("anyapi", VendorProfile.anyApi(), "ANYAPI_API_KEY", env));
    String access = env.apply("KLING_ACCESS_KEY");
    String secret = env.apply("KLING_SECRET_KEY");
    boolean jwt = present(access) && present(secret);
    targets.add(new LiveTarget("kling-jwt", VendorProfile.klingSingapore(),
        () -> Credentials.accessKey(access, secret), () -> jwt ? List.of(access, secret) : List.of(),
        jwt ? null : "KLING_ACCESS_KEY and KLING_SECRET_KEY are not both set: no live run against Kling (JWT)",
        false));
    targets.add(apiKey("kling-apikey", VendorProfile.klingSingapore(), "KLING_API_KEY", env));
    return selected(targets, ContractConfig.get("kling.live.targets", "KLING_LIVE_TARGETS", ""));
  }

  /**
   * Keeps the targets named in {@code only} (comma-separated; blank keeps all) and skips the others, so
   * {@code kling contract check --target mock} never reaches a vendor even when its key is set.
   *
   * @param targets every target
   * @param only the selected names, e.g. {@code standin-cometapi} or {@code kling-jwt,kling-apikey}
   * @return the same targets, the unselected ones with a skip reason
   */
  public static List<LiveTarget> selected(List<LiveTarget> targets, String only) {
    if (only == null || only.isBlank()) {
      return targets;
    }
    List<String> names = List.of(only.trim().split("\\s*,\\s*"));
    List<LiveTarget> out = new ArrayList<>();
    for (LiveTarget t : targets) {
      out.add(names.contains(t.name()) || t.skipReason() != null ? t
          : new LiveTarget(t.name(), t.profile(), t.credentials(), t.secrets(),
              "not selected (kling.live.targets=" + only.trim() + ")", t.standIn()));
    }
    return out;
  }

  private static LiveTarget apiKey(String name, VendorProfile profile, String variable,
      Function<String, String> env) {
    String key = env.apply(variable);
    return new LiveTarget(name, profile, () -> Credentials.apiKey(key),
        () -> present(key) ? List.of(key) : List.of(),
        present(key) ? null : variable + " is not set: no live run against " + profile.displayName(), false);
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
