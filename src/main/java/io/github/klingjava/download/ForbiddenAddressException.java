package io.github.klingjava.download;

import java.net.UnknownHostException;

/**
 * Thrown by the download DNS filter when a host resolves to an address the {@link AddressPolicy}
 * forbids; an {@link UnknownHostException} so OkHttp gives up before connecting anywhere.
 */
final class ForbiddenAddressException extends UnknownHostException {
  private static final long serialVersionUID = 1L;

  ForbiddenAddressException(String host, String address, String range) {
    super(host + " resolves to " + address + " (" + range + "), which downloads may not reach");
  }
}
