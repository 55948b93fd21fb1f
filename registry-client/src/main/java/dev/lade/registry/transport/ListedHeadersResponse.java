package dev.lade.registry.transport;

import com.google.api.client.http.LowLevelHttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A response whose headers come as the JDK's clients give them, a map of names to values, and are
 * listed by index as {@link com.google.api.client.http.LowLevelHttpResponse} gives them.
 */
abstract class ListedHeadersResponse extends LowLevelHttpResponse {
  private final List<String> names = new ArrayList<>();
  private final List<String> values = new ArrayList<>();

  /**
   * Lists {@code headers}, leaving out the status line ({@code HttpURLConnection}'s null name) and
   * HTTP/2 pseudo-headers.
   */
  ListedHeadersResponse(Map<String, List<String>> headers) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (header.getKey() == null || header.getKey().startsWith(":")) continue;
      for (String value : header.getValue()) {
        names.add(header.getKey());
        values.add(value);
      }
    }
  }

  @Override
  public final int getHeaderCount() {
    return names.size();
  }

  @Override
  public final String getHeaderName(int index) {
    return names.get(index);
  }

  @Override
  public final String getHeaderValue(int index) {
    return values.get(index);
  }
}
