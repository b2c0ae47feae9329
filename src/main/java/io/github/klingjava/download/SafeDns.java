package io.github.klingjava.download;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;

/**
 * Resolves download hosts through a delegate and refuses the whole host when any of its addresses is
 * forbidden by the {@link AddressPolicy}, so no connection to it is ever attempted.
 */
final class SafeDns implements Dns {
  private final Dns delegate;
  private final AddressPolicy policy;

  SafeDns(Dns delegate, AddressPolicy policy) {
    this.delegate = delegate;
    this.policy = policy;
  }

  @Override
  public List<InetAddress> lookup(String host) throws UnknownHostException {
    List<InetAddress> addresses = delegate.lookup(host);
    for (InetAddress address : addresses) {
      String range = policy.refusal(host, address);
      if (range != null) {
        throw new ForbiddenAddressException(host, address.getHostAddress(), range);
      }
    }
    return addresses;
  }
}
