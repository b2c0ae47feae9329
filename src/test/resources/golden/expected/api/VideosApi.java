package io.github.klingjava.golden.api;

import io.github.klingjava.golden.CollectionFormats.*;

import retrofit2.Call;
import retrofit2.http.*;

import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okhttp3.MultipartBody;

import io.github.klingjava.golden.model.CreateVideoTaskRequest;
import io.github.klingjava.golden.model.TaskResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

public interface VideosApi {
  /**
   * 
   * 
   * @param family  (required)
   * @param createVideoTaskRequest  (required)
   * @param dryRun  (optional)
   * @return Call&lt;TaskResponse&gt;
   */
  @Headers({
    "Content-Type:application/json"
  })
  @POST("v1/videos/{family}/tasks")
  Call<TaskResponse> createVideoTask(
    @retrofit2.http.Path("family") String family, @retrofit2.http.Body CreateVideoTaskRequest createVideoTaskRequest, @retrofit2.http.Query("dry_run") Boolean dryRun
  );

  /**
   * 
   * 
   * @param family  (required)
   * @param taskId  (required)
   * @return Call&lt;TaskResponse&gt;
   */
  @GET("v1/videos/{family}/tasks/{task_id}")
  Call<TaskResponse> getVideoTask(
    @retrofit2.http.Path("family") String family, @retrofit2.http.Path("task_id") String taskId
  );

}
