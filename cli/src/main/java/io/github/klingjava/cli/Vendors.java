package io.github.klingjava.cli;

import io.github.klingjava.auth.Credentials;
import io.github.klingjava.client.KlingClient;
import io.github.klingjava.download.AddressPolicy;
import io.github.klingjava.vendor.VendorProfile;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The vendor options every family command shares. Credentials are read from the environment variables
 * the contract suite uses, never from a flag (flags land in shell history and process lists).
 */
final class Vendors {
  @Option(names = "--vendor", paramLabel = "NAME", defaultValue = "kling",
      description = "cometapi, anyapi, kling (Singapore) or kling-beijing (default: ${DEFAULT-VALUE}).")
  String vendor;

  @Option(names = "--base-url", paramLabel = "URL",
      description = "Another address for the vendor, keeping its quirks (a proxy, a mock, a test double).")
  String baseUrl;

  @Option(names = "--allow-download-range", paramLabel = "CIDR",
      description = "Let --out fetch result files from this address range too (e.g. 127.0.0.1/32 for a local"
          + " test double); by default downloads reach public addresses only. Repeatable.")
  java.util.List<String> allowedRanges = new java.util.ArrayList<>();

  KlingClient client(Kling.Io io) {
    VendorProfile profile = profile();
    if (baseUrl != null) {
      try {
        profile = profile.withBaseUrl(baseUrl);
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--base-url", "\"" + baseUrl + "\"", "must be an http(s) URL", e);
      }
    }
    return KlingClient.builder().vendor(profile).credentials(credentials(io))
        .downloadPolicy(downloadPolicy()).build();
  }

  private AddressPolicy downloadPolicy() {
    AddressPolicy policy = AddressPolicy.publicOnly();
    for (String range : allowedRanges) {
      try {
        policy = policy.allowRange(range);
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--allow-download-range", "\"" + range + "\"",
            "must be an address range such as 127.0.0.1/32", e);
      }
    }
    return policy;
  }

  private VendorProfile profile() {
    switch (vendor.toLowerCase(Locale.ROOT)) {
      case "cometapi":
        return VendorProfile.cometApi();
      case "anyapi":
        return VendorProfile.anyApi();
      case "kling":
        return VendorProfile.klingSingapore();
      case "kling-beijing":
        return VendorProfile.klingBeijing();
      default:
        throw new BadInputException("--vendor", "\"" + vendor + "\"",
            "must be one of cometapi, anyapi, kling, kling-beijing");
    }
  }

  private Credentials credentials(Kling.Io io) {
    switch (vendor.toLowerCase(Locale.ROOT)) {
      case "cometapi":
        return Credentials.apiKey(required(io, "COMETAPI_API_KEY"));
      case "anyapi":
        return Credentials.apiKey(required(io, "ANYAPI_API_KEY"));
      default:
        String key = io.env("KLING_API_KEY");
        if (key != null) {
          return Credentials.apiKey(key);
        }
        if (io.env("KLING_ACCESS_KEY") != null || io.env("KLING_SECRET_KEY") != null) {
          return Credentials.accessKey(required(io, "KLING_ACCESS_KEY"), required(io, "KLING_SECRET_KEY"));
        }
        throw new BadInputException("KLING_API_KEY", null, "not set (or set KLING_ACCESS_KEY and "
            + "KLING_SECRET_KEY); credentials come only from the environment");
    }
  }

  private static String required(Kling.Io io, String variable) {
    String value = io.env(variable);
    if (value == null) {
      throw new BadInputException(variable, null, "not set; credentials come only from the environment");
    }
    return value;
  }
}
