package io.github.klingjava.client;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Reads and writes the {@code external_task_id} (and reads the {@code callback_url}) of any request
 * model the generator made from the spec. The accessors are found by name once per model class, so a
 * family added to the spec needs no line here; a model without the field answers null (and
 * {@link #set} false).
 */
final class ExternalIds {

  private static final ClassValue<Accessors> ACCESSORS = new ClassValue<>() {
    @Override
    protected Accessors computeValue(Class<?> type) {
      return new Accessors(getter(type, "getExternalTaskId"), setter(type, "setExternalTaskId"),
          getter(type, "getCallbackUrl"));
    }
  };

  private ExternalIds() {
  }

  static String get(Object request) {
    return request == null ? null : read(ACCESSORS.get(request.getClass()).externalId, request);
  }

  static String callbackUrl(Object request) {
    return request == null ? null : read(ACCESSORS.get(request.getClass()).callbackUrl, request);
  }

  /** @return false for a model without the field */
  static boolean set(Object request, String id) {
    MethodHandle setter = request == null ? null : ACCESSORS.get(request.getClass()).setExternalId;
    if (setter == null) {
      return false;
    }
    try {
      setter.invokeExact(request, id);
      return true;
    } catch (Throwable e) {
      throw new IllegalStateException("cannot set external_task_id on " + request.getClass(), e);
    }
  }

  private static String read(MethodHandle getter, Object request) {
    if (getter == null) {
      return null;
    }
    try {
      return (String) getter.invokeExact(request);
    } catch (Throwable e) {
      throw new IllegalStateException("cannot read " + request.getClass(), e);
    }
  }

  // Handles typed (Object)String and (Object,String)void once, so each call is an exact invocation instead
  // of a generic invoke that adapts the types on every call.
  private static MethodHandle getter(Class<?> type, String name) {
    try {
      return MethodHandles.publicLookup().findVirtual(type, name, MethodType.methodType(String.class))
          .asType(MethodType.methodType(String.class, Object.class));
    } catch (ReflectiveOperationException e) {
      return null; // the model has no such field
    }
  }

  private static MethodHandle setter(Class<?> type, String name) {
    try {
      return MethodHandles.publicLookup().findVirtual(type, name,
          MethodType.methodType(void.class, String.class))
          .asType(MethodType.methodType(void.class, Object.class, String.class));
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  private static final class Accessors {
    final MethodHandle externalId;
    final MethodHandle setExternalId;
    final MethodHandle callbackUrl;

    Accessors(MethodHandle externalId, MethodHandle setExternalId, MethodHandle callbackUrl) {
      this.externalId = externalId;
      this.setExternalId = setExternalId;
      this.callbackUrl = callbackUrl;
    }
  }
}
