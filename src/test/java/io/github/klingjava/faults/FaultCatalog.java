package io.github.klingjava.faults;

import static io.github.klingjava.faults.FaultCase.Action.GET;
import static io.github.klingjava.faults.FaultCase.Action.GET_THEN_SUBMIT;
import static io.github.klingjava.faults.FaultCase.Action.SUBMIT;
import static io.github.klingjava.faults.FaultCase.Action.WAIT;
import static io.github.klingjava.faults.FaultCase.of;

import io.github.klingjava.faults.FaultServer.Exchange;
import io.github.klingjava.faults.FaultServer.Fault;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** The fault kinds of the suite, by category, each with the outcome the client must produce. */
final class FaultCatalog {

  /** A fake key of an unusual shape (no sk- prefix; '/', '+', '=' change under encodings). */
  static final String KEY = "fake/Unusual+Shape=key~0042.test";
  /** A fake callback token, also of an odd shape. */
  static final String TOKEN = "cb/Token+odd=chars~99-fake";
  static final String CALLBACK = "https://hooks.example.com/kling?token="
      + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8);

  private static final String E5001 = "{\"code\":5001,\"message\":\"maintenance\",\"request_id\":\"r-5001\"}";
  private static final String E5000 = "{\"code\":5000,\"message\":\"internal\",\"request_id\":\"r-5000\"}";

  private FaultCatalog() {
  }

  static List<FaultCase> all() {
    return List.of(
        // connection
        of("connection", "connect refused, then listening (POST)", SUBMIT, "CREATED posts=1 tasks=1")
            .setup(FaultCase.Setup.LATE_START),
        of("connection", "connect refused throughout (POST)", SUBMIT,
            "KlingTransportException posts=0 tasks=0").setup(FaultCase.Setup.NEVER_STARTS),
        of("connection", "connect timed out once (POST)", SUBMIT, "CREATED posts=1 tasks=1")
            .setup(FaultCase.Setup.CONNECT_TIMEOUT_ONCE),
        of("connection", "reset after the request, task created (POST)", SUBMIT,
            "FOUND_AFTER_AMBIGUOUS_FAILURE posts=1 tasks=1", created(Exchange::reset)),
        of("connection", "reset after the request, nothing created (POST)", SUBMIT,
            "CREATED posts=2 tasks=1", Exchange::reset),
        of("connection", "FIN before any answer (GET)", GET, "ok requests=2", Exchange::hangUp),
        of("connection", "reset before any answer (GET)", GET, "ok requests=2", Exchange::reset),
        of("connection", "pooled connection closed by the server, then a POST", GET_THEN_SUBMIT,
            "CREATED posts=1 tasks=1", e -> {
              e.respond(200, Exchange.succeededJson("seed"));
              e.hangUp();
            }),
        // transport and body
        of("body", "GET body reset mid-way", GET, "ok requests=2", partial(200, 500, true)),
        of("body", "GET body truncated before Content-Length", GET, "ok requests=2",
            partial(200, 500, false)),
        of("body", "GET chunked body cut", GET, "ok requests=2", e -> {
          e.writeHead(200, -1, "Transfer-Encoding: chunked");
          e.writeRaw("40\r\n{\"code\":0,\"data\"");
          e.hangUp();
        }),
        of("body", "POST 2xx body truncated, task created", SUBMIT,
            "FOUND_AFTER_AMBIGUOUS_FAILURE posts=1 tasks=1", created(partial(200, 500, false))),
        of("body", "POST 2xx empty body, task created", SUBMIT,
            "FOUND_AFTER_AMBIGUOUS_FAILURE posts=1 tasks=1", created(e -> e.respond(200, ""))),
        of("body", "POST 2xx HTML instead of JSON, task created", SUBMIT,
            "FOUND_AFTER_AMBIGUOUS_FAILURE posts=1 tasks=1",
            created(e -> e.respond(200, "<html>upstream ok</html>"))),
        of("body", "GET 500 whose body is reset mid-way, then 200", GET, "ok requests=2",
            partial(500, 300, true)),
        of("body", "POST 500 with an unreadable body, task created", SUBMIT,
            "FOUND_AFTER_AMBIGUOUS_FAILURE posts=1 tasks=1", created(partial(500, 300, true))),
        of("body", "GET 200 with a non-JSON body", GET, "UnexpectedResponseException requests=1",
            e -> e.respond(200, "<html>oops</html>")),
        of("body", "malformed status line (GET)", GET, "KlingTransportException requests=1",
            e -> {
              e.writeRaw("HTTP/1.1 abc\r\n\r\n");
              e.hangUp();
            }),
        // status
        of("status", "GET 503 then 200", GET, "ok requests=2", e -> e.respond(503, E5001)),
        of("status", "GET 502 HTML then 200", GET, "ok requests=2",
            e -> e.respond(502, "<html>Bad gateway</html>")),
        of("status", "GET 500 on every attempt", GET, "ServerException requests=3",
            e -> e.respond(500, E5000), e -> e.respond(500, E5000), e -> e.respond(500, E5000)),
        of("status", "POST 503 Retry-After: 0, task created (relay)", SUBMIT,
            "FOUND_AFTER_AMBIGUOUS_FAILURE posts=1 tasks=1",
            created(e -> e.respond(503, E5001, "Retry-After: 0"))),
        of("status", "POST 503 Retry-After: 0, nothing created", SUBMIT, "CREATED posts=2 tasks=1",
            e -> e.respond(503, E5001, "Retry-After: 0")),
        of("status", "POST 429 code 1302, then 200", SUBMIT, "CREATED posts=2 tasks=1",
            e -> e.respond(429, "{\"code\":1302,\"message\":\"too fast\"}")),
        of("status", "POST 429 without a code", SUBMIT, "RateLimitException posts=1 tasks=0",
            e -> e.respond(429, "{\"message\":\"slow down\"}")),
        of("status", "POST 401 code 1004", SUBMIT, "AuthenticationException posts=1 tasks=0",
            e -> e.respond(401, "{\"code\":1004,\"message\":\"expired\"}")),
        of("status", "POST 400 code 1201", SUBMIT, "InvalidRequestException posts=1 tasks=0",
            e -> e.respond(400, "{\"code\":1201,\"message\":\"illegal value\"}")),
        of("status", "GET 404 without a code", GET, "EndpointUnavailableException requests=1",
            e -> e.respond(404, "{\"code\":null,\"message\":\"404\"}")),
        of("status", "POST 500 code 5000, task created", SUBMIT,
            "FOUND_AFTER_AMBIGUOUS_FAILURE posts=1 tasks=1", created(e -> e.respond(500, E5000))),
        // timing
        of("timing", "GET answer slower than the read timeout, then fast", GET, "ok requests=2",
            slow(600, e -> e.respond(200, Exchange.succeededJson("seed")))),
        of("timing", "POST answer slower than the read timeout, task created", SUBMIT,
            "FOUND_AFTER_AMBIGUOUS_FAILURE posts=1 tasks=1",
            created(slow(600, e -> e.respond(200, Exchange.taskJson("late"))))),
        of("timing", "GET 429 Retry-After: 100000", GET,
            "RateLimitException retryAfter=PT27H46M40S requests=1",
            e -> e.respond(429, "{\"code\":1302,\"message\":\"too fast\"}", "Retry-After: 100000"))
            .bound(Duration.ofMillis(1000)),
        of("timing", "GET 503 Retry-After beyond the call's time left", GET,
            "ServerException retryAfter=PT3S requests=1",
            e -> e.respond(503, E5001, "Retry-After: 3")).bound(Duration.ofMillis(1000)),
        of("timing", "GET body trickling past the call timeout", GET,
            "KlingTransportException requests=1", trickle(4000)),
        of("timing", "waitFor while a poll trickles past the deadline", WAIT, "TaskTimeoutException",
            repeat(5, trickle(3000)).toArray(new Fault[0])).bound(Duration.ofMillis(1000)),
        of("timing", "waitFor where every poll answers 503", WAIT, "TaskTimeoutException",
            repeat(20, e -> e.respond(503, E5001)).toArray(new Fault[0])).bound(Duration.ofMillis(1000)),
        // redirects
        of("redirect", "POST answered 307 elsewhere", SUBMIT,
            "UnexpectedResponseException posts=1 tasks=0",
            e -> e.respond(307, "", "Location: /v1/images/generations-moved")),
        of("redirect", "POST answered 308 elsewhere", SUBMIT,
            "UnexpectedResponseException posts=1 tasks=0",
            e -> e.respond(308, "", "Location: /v1/images/generations-moved")),
        of("redirect", "GET redirected 302 on the same server", GET, "ok requests=2",
            e -> e.respond(302, "", "Location: /v1/images/generations/seed")),
        // secret echo
        of("secret-echo", "401 echoing the Authorization header", SUBMIT,
            "AuthenticationException posts=1 tasks=0",
            e -> e.respond(401, "{\"code\":1002,\"message\":\"invalid: Bearer " + KEY + "\"}")),
        of("secret-echo", "500 echoing the key JSON-escaped", GET, "ServerException requests=3",
            repeat(3, e -> e.respond(500, "{\"code\":5000,\"message\":\"key "
                + KEY.replace("/", "\\/") + "\"}")).toArray(new Fault[0])),
        of("secret-echo", "400 echoing the callback URL percent-encoded", SUBMIT,
            "InvalidRequestException posts=1 tasks=0",
            e -> e.respond(400, "{\"code\":1201,\"message\":\"bad callback_url "
                + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8) + "\"}")),
        of("secret-echo", "400 with the token after 200 KB of text", SUBMIT,
            "InvalidRequestException posts=1 tasks=0",
            e -> e.respond(400, "{\"code\":1201,\"message\":\"" + "x".repeat(200_000) + TOKEN + "\"}")),
        of("secret-echo", "reset after a partial body echoing the key (GET)", GET, "ok requests=2",
            e -> {
              e.writeHead(200, 500);
              e.writeRaw("{\"message\":\"" + KEY);
              e.reset();
            }),
        of("secret-echo", "502 HTML page echoing request headers", GET, "ServerException requests=3",
            repeat(3, e -> e.respond(502, "<html><pre>Authorization: Bearer " + KEY
                + "\nX-Token: " + TOKEN + "</pre></html>")).toArray(new Fault[0])));
  }

  /** The server creates the task, then misbehaves. */
  private static Fault created(Fault then) {
    return e -> {
      e.createTask();
      then.serve(e);
    };
  }

  /** Headers, then one byte every 100 ms: never idle long enough for the read timeout to fire. */
  private static Fault trickle(long millis) {
    return e -> {
      e.writeHead(200, 1000);
      for (long waited = 0; waited < millis; waited += 100) {
        e.writeRaw(" ");
        Thread.sleep(100);
      }
    };
  }

  private static Fault slow(long millis, Fault then) {
    return e -> {
      Thread.sleep(millis);
      then.serve(e);
    };
  }

  /** Headers promising {@code length} bytes, a fraction of the body, then a reset or a FIN. */
  private static Fault partial(int status, int length, boolean reset) {
    return e -> {
      e.writeHead(status, length);
      e.writeRaw("{\"code\":0,\"message\":\"SUCC");
      if (reset) {
        e.reset();
      } else {
        e.hangUp();
      }
    };
  }

  private static List<Fault> repeat(int times, Fault fault) {
    return java.util.Collections.nCopies(times, fault);
  }
}
