package io.github.klingjava.bench;

/**
 * One contestant in a loop against the loopback server, for a profiler (not part of {@code bench/run}):
 * {@code client} (validation on), {@code off}, {@code naive} or {@code raw}, POST, for the given seconds.
 * See bench/README.md for the JFR command.
 *
 * <pre>java -cp ... io.github.klingjava.bench.Profile client 20</pre>
 */
public final class Profile {
  private Profile() {
  }

  public static void main(String[] args) throws Exception {
    String which = args.length > 0 ? args[0] : "client";
    long seconds = args.length > 1 ? Long.parseLong(args[1]) : 20;
    try (Loopback server = new Loopback(); Contestants c = new Contestants(server.url())) {
      long end = System.nanoTime() + seconds * 1_000_000_000L;
      long calls = 0;
      while (System.nanoTime() < end) {
        for (int i = 0; i < 1000; i++) {
          call(c, which);
        }
        calls += 1000;
      }
      System.err.println(which + ": " + calls + " calls");
    }
  }

  private static Object call(Contestants c, String which) throws Exception {
    switch (which) {
      case "client":
        return c.clientPost(true);
      case "off":
        return c.clientPost(false);
      case "naive":
        return c.naivePost();
      case "raw":
        return c.rawPost();
      default:
        throw new IllegalArgumentException("client, off, naive or raw: " + which);
    }
  }
}
