package io.github.klingjava.download;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which addresses result downloads may connect to. Result URLs come from the vendor's answer (a
 * relay's included), so by default only public addresses are allowed: never loopback, link-local
 * ({@code 169.254.0.0/16}: cloud metadata), private ({@code 10/8}, {@code 172.16/12},
 * {@code 192.168/16}, {@code fc00::/7}), shared ({@code 100.64/10}), unspecified, broadcast or
 * multicast. The check runs on the resolved addresses of every hop (a DNS filter plus a check of each
 * redirect), not on the URL's text. Allow a host or a range for your own CDN or a test server:
 *
 * <pre>{@code
 * AddressPolicy policy = AddressPolicy.publicOnly().allowRange("127.0.0.1/32"); // a local test double
 * ResultDownloader downloader = ResultDownloader.builder(http).addressPolicy(policy).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class AddressPolicy {

  private final Set<String> hosts;
  private final List<byte[][]> ranges; // {network, mask}

  private AddressPolicy(Set<String> hosts, List<byte[][]> ranges) {
    this.hosts = hosts;
    this.ranges = ranges;
  }

  /** @return the default: public addresses only */
  public static AddressPolicy publicOnly() {
    return new AddressPolicy(Set.of(), List.of());
  }

  /**
   * @param host a host name allowed whatever it resolves to (case-insensitive, exact match)
   * @return a policy that also allows it
   */
  public AddressPolicy allowHost(String host) {
    Set<String> more = new TreeSet<>(hosts);
    more.add(Objects.requireNonNull(host, "host").toLowerCase(Locale.ROOT));
    return new AddressPolicy(Set.copyOf(more), ranges);
  }

  /**
   * @param cidr an address range such as {@code 127.0.0.1/32} or {@code fd00::/8}, allowed though private
   * @return a policy that also allows it
   */
  public AddressPolicy allowRange(String cidr) {
    int slash = Objects.requireNonNull(cidr, "cidr").indexOf('/');
    try {
      byte[] network = InetAddress.getByName(slash < 0 ? cidr : cidr.substring(0, slash)).getAddress();
      int bits = slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
      if (bits < 0 || bits > network.length * 8 || !isLiteral(slash < 0 ? cidr : cidr.substring(0, slash))) {
        throw new IllegalArgumentException("not a CIDR range: " + cidr);
      }
      byte[] mask = new byte[network.length];
      for (int i = 0; i < bits; i++) {
        mask[i / 8] |= (byte) (0x80 >>> (i % 8));
      }
      List<byte[][]> more = new ArrayList<>(ranges);
      more.add(new byte[][] {network, mask});
      return new AddressPolicy(hosts, List.copyOf(more));
    } catch (UnknownHostException | NumberFormatException e) {
      throw new IllegalArgumentException("not a CIDR range: " + cidr, e);
    }
  }

  /**
   * @param host the URL's host
   * @param address one address it resolved to
   * @return null when allowed, else the name of the forbidden range
   */
  String refusal(String host, InetAddress address) {
    if (host != null && hosts.contains(host.toLowerCase(Locale.ROOT))) {
      return null;
    }
    for (byte[][] range : ranges) {
      if (inRange(address.getAddress(), range[0], range[1])) {
        return null;
      }
    }
    return forbiddenRange(address);
  }

  /** @return the name of the non-public range the address is in, or null for a public address */
  static String forbiddenRange(InetAddress a) {
    if (a.isLoopbackAddress()) {
      return "loopback";
    }
    if (a.isLinkLocalAddress()) {
      return "link-local";
    }
    if (a.isSiteLocalAddress()) {
      return "private";
    }
    if (a.isMulticastAddress()) {
      return "multicast";
    }
    if (a.isAnyLocalAddress()) {
      return "unspecified";
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 0 || first == 255 && (b[3] & 0xff) == 255) {
        return first == 0 ? "unspecified" : "broadcast";
      }
      if (first == 100 && second >= 64 && second < 128) {
        return "shared (carrier-grade NAT)";
      }
    } else if (a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
      return "private (unique local)";
    }
    return null;
  }

  private static boolean inRange(byte[] address, byte[] network, byte[] mask) {
    if (address.length != network.length) {
      return false;
    }
    for (int i = 0; i < address.length; i++) {
      if ((address[i] & mask[i]) != (network[i] & mask[i])) {
        return false;
      }
    }
    return true;
  }

  /** @return true for an IPv4 or IPv6 literal (no DNS lookup needed to read it) */
  static boolean isLiteral(String host) {
    return host.matches("[0-9.]+") || host.contains(":");
  }

  @Override
  public String toString() {
    return "AddressPolicy{publicOnly, allowedHosts=" + hosts + ", allowedRanges=" + ranges.size() + "}";
  }
}
