package io.github.klingjava.client;

import kotlin.jvm.functions.Function0;
import kotlin.reflect.KClass;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.EventListener;
import okhttp3.Request;
import okhttp3.Response;
import okio.Timeout;

/**
 * The call Retrofit's generated interfaces get from the client: it only holds the request Retrofit built.
 * {@link CallExecutor} reads that request and sends it on the client's OkHttp stack itself, so a real
 * OkHttp call per request (its timeout, event listener, state) would be made and thrown away unused.
 * Sending one of these directly is a bug of this package, hence the exceptions.
 */
final class RequestOnlyCall implements Call {
  static final Call.Factory FACTORY = RequestOnlyCall::new;

  private final Request request;

  private RequestOnlyCall(Request request) {
    this.request = request;
  }

  @Override
  public Request request() {
    return request;
  }

  @Override
  public Response execute() {
    throw notSent();
  }

  @Override
  public void enqueue(Callback callback) {
    throw notSent();
  }

  private static UnsupportedOperationException notSent() {
    return new UnsupportedOperationException("a request built for CallExecutor, which sends it itself");
  }

  @Override
  public void cancel() {
    // nothing was started
  }

  @Override
  public boolean isExecuted() {
    return false;
  }

  @Override
  public boolean isCanceled() {
    return false;
  }

  @Override
  public Timeout timeout() {
    return Timeout.NONE;
  }

  @Override
  public void addEventListener(EventListener listener) {
    throw notSent();
  }

  @Override
  public <T> T tag(KClass<T> type) {
    return null;
  }

  @Override
  public <T> T tag(Class<? extends T> type) {
    return null;
  }

  @Override
  public <T> T tag(KClass<T> type, Function0<? extends T> computeIfAbsent) {
    throw notSent();
  }

  @Override
  public <T> T tag(Class<T> type, Function0<? extends T> computeIfAbsent) {
    throw notSent();
  }

  @Override
  public Call clone() {
    return new RequestOnlyCall(request);
  }
}
