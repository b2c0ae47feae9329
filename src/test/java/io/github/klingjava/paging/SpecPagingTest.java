package io.github.klingjava.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.error.PagingException;
import io.github.klingjava.json.KlingMoshi;
import io.github.klingjava.validation.KlingValidationException;
import io.github.klingjava.validation.Violation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The recipe's limits and reading a page by the spec's pointers. */
final class SpecPagingTest {
  private static final SpecPaging PAGE = SpecPaging.of(Object.class, "style", "page", "page", "pageNum",
      "size", "pageSize", "items", "/data", "pageMin", "1", "pageMax", "1000", "sizeMin", "1", "sizeMax", "500",
      "sizeDefault", "30");
  private static final SpecPaging CURSOR = SpecPaging.of(Object.class, "style", "cursor", "cursor", "cursor",
      "in", "body", "next", "/data/next_cursor", "hasMore", "/data/has_more", "items", "/data/result");

  @Test
  void aPageSizeAboveTheSpecMaximumIsRefusedNamingTheFieldAndRule() {
    KlingValidationException e = assertThrows(KlingValidationException.class,
        () -> PAGE.pageSize(PagerOptions.defaults().pageSize(501)));
    Violation v = e.violations().get(0);
    assertEquals("$.pageSize", v.path());
    assertEquals("maximum", v.rule());
    assertTrue(v.message().contains("above the maximum 500"), v.message());
    assertEquals("minimum", assertThrows(KlingValidationException.class,
        () -> PAGE.pageSize(PagerOptions.defaults().pageSize(0))).violations().get(0).rule());
    assertEquals(30, PAGE.pageSize(PagerOptions.defaults()).orElseThrow(), "the spec's default");
    assertEquals(1000, PAGE.lastPage());
  }

  @Test
  void onePagesQueryUsesTheSpecsNamesAndReportsEveryBrokenLimit() {
    assertEquals(Map.of("pageNum", 2, "pageSize", 10), PAGE.pageQuery(2, 10));
    KlingValidationException both = assertThrows(KlingValidationException.class, () -> PAGE.pageQuery(1001, 501));
    assertEquals(List.of("$.pageNum maximum", "$.pageSize maximum"),
        both.violations().stream().map(v -> v.path() + " " + v.rule()).toList());
  }

  @Test
  void aCursorListWithoutSizeParameterLeavesTheSizeToTheServer() {
    assertTrue(CURSOR.pageSize(PagerOptions.defaults()).isEmpty());
    assertEquals("x-kling-paging", assertThrows(KlingValidationException.class,
        () -> CURSOR.pageSize(PagerOptions.defaults().pageSize(10))).violations().get(0).rule());
    assertTrue(CURSOR.inBody());
  }

  @Test
  void malformedRecipesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> SpecPaging.of(Object.class, "style", "offset"));
    assertThrows(IllegalArgumentException.class, () -> SpecPaging.of(Object.class, "style", "page", "page", "p"));
    assertThrows(IllegalArgumentException.class, () -> SpecPaging.of(Object.class, "style", "cursor",
        "cursor", "c", "next", "/n", "items", "/i", "in", "header"));
  }

  @Test
  void theReaderFollowsThePointersAndKeepsNumbersExact() {
    PageReader<Object> reader = PageReader.create(CURSOR, Object.class, KlingMoshi.create(), "op");
    Page<Object> page = reader.read("{\"code\":0,\"data\":{\"result\":[{\"amount\":0.10}],"
        + "\"next_cursor\":\"c~/1\",\"has_more\":true}}");
    assertEquals(List.of(Map.of("amount", new BigDecimal("0.10"))), page.items());
    assertEquals("c~/1", page.nextCursor().orElseThrow());
    assertEquals(true, page.hasMore().orElseThrow());
    PagingException e = assertThrows(PagingException.class, () -> reader.read("{\"data\":{\"result\":{}}}"));
    assertEquals(PagingException.Reason.MALFORMED_PAGE, e.reason());
    assertEquals("{\"data\":{\"result\":{}}}", e.rawBody());
  }
}
