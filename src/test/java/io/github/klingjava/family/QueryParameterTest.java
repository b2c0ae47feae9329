package io.github.klingjava.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.validation.Violation;
import org.junit.jupiter.api.Test;

/** The rules a generated call hands over with each query parameter, one violation naming the parameter each. */
class QueryParameterTest {

  @Test
  void aMissingRequiredParameterIsNamed() {
    Violation v = QueryParameter.of("start_time", null, true, "0", null).violation().orElseThrow();
    assertEquals("$.start_time", v.path());
    assertEquals("required", v.rule());
    assertTrue(QueryParameter.of("resource_pack_name", null, false, null, null).violation().isEmpty());
  }

  @Test
  void numbersAreJudgedExactlyAgainstTheSpecLimits() {
    assertEquals("minimum", QueryParameter.of("pageNum", 0, false, "1", "1000").violation().orElseThrow().rule());
    assertEquals("maximum", QueryParameter.of("pageSize", 1001, false, "1", "1000").violation().orElseThrow().rule());
    assertTrue(QueryParameter.of("pageSize", 1000, false, "1", "1000").violation().isEmpty());
    assertEquals("minimum", QueryParameter.of("end_time", -1L, true, "0", null).violation().orElseThrow().rule());
    assertTrue(QueryParameter.of("end_time", Long.MAX_VALUE, true, "0", null).violation().isEmpty());
  }

  @Test
  void stringLengthsCountCharactersNotUtf16Units() {
    assertEquals("minLength", QueryParameter.of("name", "", false, null, null, 1, 3).violation().orElseThrow().rule());
    assertTrue(QueryParameter.of("name", "😀😀😀", false, null, null, 1, 3).violation().isEmpty());
    Violation tooLong = QueryParameter.of("name", "abcd", false, null, null, 1, 3).violation().orElseThrow();
    assertEquals("maxLength", tooLong.rule());
    assertTrue(tooLong.message().contains("4 characters"), tooLong.message());
  }

  @Test
  void aBareValueCarriesNoRule() {
    QueryParameter bare = QueryParameter.of("pageSize", 5000);
    assertTrue(bare.violation().isEmpty());
    assertEquals("pageSize=5000", bare.toString());
  }
}
