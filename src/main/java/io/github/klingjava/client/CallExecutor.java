package io.github.klingjava.client;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import io.github.klingjava.error.ErrorHandler;
import io.github.klingjava.error.KlingTransportException;
import io.github.klingjava.http.RawResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import retrofit2.Call;

/**
 * Runs a call built by a generated Retrofit interface on the client's OkHttp stack and turns the answer into
 * a {@link KlingResponse} or a typed exception. Retrofit builds the request (route, method, JSON body);
 * execution stays here so the exact body text is kept for the raw view and for error reports. The request body
 * was written (and checked) once by {@link CheckedBodyConverter}; the answer is read once and parsed once.
 */
final class CallExecutor {
  private final OkHttpClient http;
  private final Moshi moshi;
  private final ErrorHandler errors;
  private final Map<Class<?>, JsonAdapter<?>> adapters = new ConcurrentHashMap<>();

  CallExecutor(OkHttpClient http, Moshi moshi, ErrorHandler errors) {
    this.http = http;
    this.moshi = moshi;
    this.errors = errors;
  }

  <T> KlingResponse<T> execute(Call<T> call, Class<T> type, Function<T, Integer> businessCode) {
    return execute(call, type, businessCode, null);
  }

  /** With {@code timeLimit} non-null, the whole call (retries included) ends within it (the waiter's polls). */
  <T> KlingResponse<T> execute(Call<T> call, Class<T> type, Function<T, Integer> businessCode,
      java.time.Duration timeLimit) {
    Request request = call.request();
    RawResponse raw = send(request, timeLimit);
    if (!raw.isSuccessful()) {
      throw errors.toException(raw.status(), raw.headers(), raw.body());
    }
    T value = parse(raw, type);
    Integer code = businessCode.apply(value);
    if (code != null && code != 0) {
      throw errors.toException(raw.status(), raw.headers(), raw.body());
    }
    String missing = CompleteAnswers.missingPart(value); // trust (#8): no half answers
    if (missing != null) {
      throw errors.incompleteAnswer(raw.status(), raw.headers(), raw.body(), missing, null);
    }
    return new KlingResponse<>(raw, value);
  }

  private RawResponse send(Request request, java.time.Duration timeLimit) {
    try {
      okhttp3.Call okCall = http.newCall(request);
      if (timeLimit != null) {
        okCall.timeout().timeout(Math.max(1, timeLimit.toNanos()), java.util.concurrent.TimeUnit.NANOSECONDS);
      }
      return RawResponse.of(okCall.execute());
    } catch (IOException e) {
      throw KlingTransportException.of(e);
    }
  }

  private <T> T parse(RawResponse raw, Class<T> type) {
    try {
      @SuppressWarnings("unchecked")
      JsonAdapter<T> adapter = (JsonAdapter<T>) adapters.computeIfAbsent(type, moshi::adapter);
      // The body's bytes as received, parsed once: no envelope parse of a 2xx, no text decoded to be re-encoded.
      JsonReader reader = JsonReader.of(new Buffer().write(raw.bodyBytes()));
      T value = adapter.fromJson(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new JsonDataException("JSON document was not fully consumed."); // as Moshi's fromJson(String)
      }
      if (value != null) {
        return value;
      }
    } catch (IOException | JsonDataException e) {
      // trust (#8): the parse failure is the cause; a task id in the body stays readable
      throw errors.incompleteAnswer(raw.status(), raw.headers(), raw.body(),
          "the body does not parse as " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
    throw errors.incompleteAnswer(raw.status(), raw.headers(), raw.body(),
        "the body is empty or null", null);
  }
}
