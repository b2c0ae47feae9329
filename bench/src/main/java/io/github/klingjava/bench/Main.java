package io.github.klingjava.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * One JVM of the interleaved harness: per-call figures (POST and GET) and the 10 MB upload, every
 * contestant once per round in a shuffled order, so that load on the shared machine hits them
 * alike. Writes raw samples as TSV; {@link Report} turns the files of all JVMs into tables.
 *
 * <pre>java -cp ... io.github.klingjava.bench.Main out.tsv [calls] [rounds] [uploadRounds]</pre>
 */
public final class Main {
  private static final int WARMUP_ROUNDS = 4;

  private Main() {
  }

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
    int uploadRounds = args.length > 3 ? Integer.parseInt(args[3]) : 4;
    String jvm = Long.toString(ProcessHandle.current().pid());
    try (Loopback server = new Loopback(); Contestants c = new Contestants(server.url());
        PrintWriter tsv = new PrintWriter(Files.newBufferedWriter(out))) {
      perCall(c, calls, rounds, jvm, tsv);
      upload(c, uploadRounds, jvm, tsv);
    }
  }

  private static void perCall(Contestants c, int calls, int rounds, String jvm, PrintWriter tsv)
      throws Exception {
    Map<String, Callable<?>> all = new LinkedHashMap<>();
    all.put("POST\traw OkHttp", c::rawPost);
    all.put("POST\tstock Gson client", c::stockPost);
    all.put("POST\tnaive Retrofit + Moshi", c::naivePost);
    all.put("POST\tthis client", () -> c.clientPost(true));
    all.put("POST\tthis client, validation off", () -> c.clientPost(false));
    all.put("GET\traw OkHttp", c::rawGet);
    all.put("GET\tstock Gson client", c::stockGet);
    all.put("GET\tnaive Retrofit + Moshi", c::naiveGet);
    all.put("GET\tthis client", () -> c.clientGet(true));
    Random order = new Random(42);
    List<String> names = new ArrayList<>(all.keySet());
    for (int round = -WARMUP_ROUNDS; round < rounds; round++) {
      Collections.shuffle(names, order);
      for (String name : names) {
        Meter.Sample s = Meter.batch(calls, all.get(name));
        if (round >= 0) {
          tsv.printf("call\t%s\t%s-%d\t%.1f\t%.1f\t%.1f%n", name, jvm, round, s.wallNanos(),
              s.cpuNanos(), s.allocatedBytes());
        }
      }
      System.err.print(round >= 0 ? "." : "w");
    }
    System.err.println(" per-call rounds done");
  }

  private static void upload(Contestants c, int rounds, String jvm, PrintWriter tsv)
      throws Exception {
    Path dir = Files.createTempDirectory("kling-bench");
    Path file = FakePng.write(dir.resolve("big.png"), 10_000_000);
    try {
      Map<String, Callable<?>> all = new LinkedHashMap<>();
      all.put("raw streaming body", c.rawStreamingUpload(file));
      all.put("this client, ImageInputs.file (streaming)", c.streamingUpload(file));
      all.put("this client, ImageInputs.fromFile (String)", c.stringUpload(file));
      all.put("stock Gson client (String)", c.stockUpload(file));
      Random order = new Random(7);
      List<String> names = new ArrayList<>(all.keySet());
      for (int round = -1; round < rounds; round++) {
        Collections.shuffle(names, order);
        for (String name : names) {
          Meter.Sample s = Meter.single(all.get(name));
          if (round >= 0) {
            tsv.printf("upload\t10MB\t%s\t%s-%d\t%.1f\t%.1f\t%.1f\t%.1f\t%d%n", name, jvm, round,
                s.wallNanos(), s.cpuNanos(), s.allocatedBytes(), s.heapGrowthBytes(), Files.size(file));
          }
        }
        System.err.print(".");
      }
      System.err.println(" upload rounds done");
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }

  /** A PNG that passes the header checks (3000x2000 px) padded to the wanted size. */
  static final class FakePng {
    private FakePng() {
    }

    static Path write(Path file, int size) throws IOException {
      byte[] bytes = new byte[size];
      new Random(1).nextBytes(bytes);
      byte[] head = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
          0, 0, 0x0B, (byte) 0xB8, 0, 0, 0x07, (byte) 0xD0, 8, 2, 0, 0, 0};
      System.arraycopy(head, 0, bytes, 0, head.length);
      return Files.write(file, bytes);
    }
  }
}
