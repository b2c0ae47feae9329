package io.github.klingjava.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.testing.LifecycleDouble;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input: exit 2, one line on stderr naming the field, the value and the rule, no stack trace unless
 * --debug, and nothing sent (the double records every request).
 */
class BadInputTest {
  private LifecycleDouble kling;

  @BeforeEach
  void start() {
    kling = LifecycleDouble.create().start();
  }

  @AfterEach
  void stop() {
    kling.close();
  }

  private Run bad(Map<String, String> env, String expected, String... args) {
    Run run = Run.of(env, false, args);
    assertEquals(Kling.BAD_INPUT, run.code(), run.toString());
    List<String> lines = run.err().lines().filter(l -> l.startsWith("kling: ")).toList();
    assertEquals(1, lines.size(), "one line: " + run);
    assertTrue(lines.get(0).contains(expected), lines.get(0));
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run);
    assertEquals(List.of(), kling.requests(), "nothing sent");
    return run;
  }

  private Run bad(String expected, String... args) {
    return bad(Run.ENV, expected, args);
  }

  @Test
  void aValueThatBreaksTheSpecNamesPathValueAndRule() {
    bad("$.n: 12 is above the maximum 9 (rule maximum)", "image-generation", "submit", "-f", "prompt=fox",
        "-f", "n:=12", "--base-url", kling.baseUrl());
  }

  @Test
  void anUnknownFieldIsRefusedNotDropped() {
    bad("promt", "image-generation", "submit", "-f", "promt=fox", "--base-url", kling.baseUrl());
  }

  @Test
  void aTextForANumberSaysHowToSendJson() {
    bad("key:=json", "image-generation", "submit", "-f", "prompt=fox", "-f", "n=two", "--base-url",
        kling.baseUrl());
  }

  @Test
  void aMissingImageFileNamesTheFile() {
    bad("no-such.png", "image-to-video", "submit", "-f", "image=@no-such.png", "--base-url", kling.baseUrl());
  }

  @Test
  void malformedFieldsAndJson() {
    bad("must be key=text, key:=json or key=@image-file", "image-generation", "submit", "-f", "prompt",
        "--base-url", kling.baseUrl());
    bad("not valid JSON", "image-generation", "submit", "-f", "n:={", "--base-url", kling.baseUrl());
    bad("--body: missing.json: no such file", "image-generation", "submit", "--body", "missing.json",
        "--base-url", kling.baseUrl());
  }

  @Test
  void listBoundsComeFromTheClient() {
    bad("$.pageSize: 501 is above the maximum 500", "image-generation", "list", "--size", "501",
        "--base-url", kling.baseUrl());
  }

  @Test
  void optionsTheCliChecks() {
    bad("--vendor: \"acme\": must be one of", "image-generation", "list", "--vendor", "acme");
    bad("--timeout: \"soon\": must be a duration", "image-generation", "wait", "1", "--timeout", "soon",
        "--base-url", kling.baseUrl());
    bad("--base-url: \"ftp://x\"", "image-generation", "get", "1", "--base-url", "ftp://x");
    bad("Unknown option: '--bogus'", "image-generation", "list", "--bogus");
    bad("Missing required parameter: 'ID'", "image-generation", "get");
    bad("missing subcommand", "image-generation");
    bad("--target: \"staging\": must be one of mock, cometapi, anyapi, kling", "contract", "check",
        "--target", "staging");
    bad("--spec: nowhere.yaml: no such file", "contract", "check", "--spec", "nowhere.yaml");
    bad("--backend: \"podman\"", "contract", "check", "--backend", "podman");
  }

  @Test
  void credentialsComeFromTheEnvironmentOnly() {
    bad(Map.of(), "COMETAPI_API_KEY: not set", "image-generation", "list", "--vendor", "cometapi");
    bad(Map.of(), "KLING_API_KEY: not set", "image-generation", "list");
    bad(Map.of("KLING_ACCESS_KEY", "ak-fake"), "KLING_SECRET_KEY: not set", "image-generation", "list");
    bad(Map.of(), "COMETAPI_API_KEY: not set: --target cometapi needs it", "contract", "check",
        "--target", "cometapi");
    bad("'--api-key'", "image-generation", "list", "--api-key", "x");
  }

  @Test
  void debugAddsTheStackTrace() {
    Run run = Run.of(Run.ENV, false, "--debug", "image-generation", "submit", "-f", "n:=12", "-f", "prompt=x",
        "--base-url", kling.baseUrl());
    assertEquals(Kling.BAD_INPUT, run.code(), run.toString());
    assertTrue(run.err().contains("\tat "), run.toString());
  }
}
