package dev.lade.dockerfile.ast;

import static dev.lade.dockerfile.ast.AstTesting.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AstJsonTest {
  private static final String DOCKERFILE = """
      ARG VERSION=1.0
      FROM --platform=linux/amd64 alpine:3.20 AS base
      RUN --mount=type=cache,target=/var/cache/apk apk add curl
      COPY --from=base --chmod=644 a.txt /b/
      HEALTHCHECK --interval=30s CMD ["curl", "-f", "http://localhost/"]
      ONBUILD RUN make
      """;

  private static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(AstJson.toJson(parse(text)));
  }

  @Test
  void smallestDockerfileRendersExactly() {
    assertEquals("""
        {
          "metaArgs": [],
          "stages": [
            {
              "index": 0,
              "name": null,
              "baseImage": "scratch",
              "platform": null,
              "location": {
                "startLine": 1,
                "endLine": 2
              },
              "from": {
                "kind": "FROM",
                "location": {
                  "startLine": 1,
                  "endLine": 1
                },
                "original": "FROM scratch",
                "flags": {
                  "platform": null
                },
                "image": "scratch",
                "stageName": null
              },
              "instructions": [
                {
                  "kind": "CMD",
                  "location": {
                    "startLine": 2,
                    "endLine": 2
                  },
                  "original": "CMD [\\"/hello\\"]",
                  "flags": {},
                  "command": {
                    "form": "exec",
                    "args": [
                      "/hello"
                    ]
                  }
                }
              ]
            }
          ],
          "warnings": []
        }
        """, AstJson.toJson(parse("FROM scratch\nCMD [\"/hello\"]\n")));
  }

  @Test
  void instructionsCarryKindLocationTypedFlagsAndArguments() throws Exception {
    JsonNode root = json(DOCKERFILE);
    assertEquals("ARG", root.at("/metaArgs/0/kind").asText());
    assertEquals("1.0", root.at("/metaArgs/0/args/0/default").asText());
    JsonNode stage = root.at("/stages/0");
    assertEquals("base", stage.get("name").asText());
    assertEquals("linux/amd64", stage.at("/from/flags/platform").asText());
    JsonNode run = stage.at("/instructions/0");
    assertEquals("RUN", run.get("kind").asText());
    assertEquals(3, run.at("/location/startLine").asInt());
    assertEquals("cache", run.at("/flags/mount/0/type").asText());
    assertEquals("/var/cache/apk", run.at("/flags/mount/0/id").asText());
    assertEquals("0755", run.at("/flags/mount/0/mode").asText());
    assertEquals("default", run.at("/flags/network").asText());
    assertEquals("shell", run.at("/command/form").asText());
    JsonNode copy = stage.at("/instructions/1");
    assertEquals("644", copy.at("/flags/chmod").asText());
    assertTrue(copy.at("/flags/chown").isNull());
    assertTrue(copy.at("/flags/link").isBoolean());
    assertEquals("/b/", copy.get("destination").asText());
    JsonNode health = stage.at("/instructions/2");
    assertEquals("PT30S", health.at("/flags/interval").asText());
    assertEquals("exec", health.at("/test/form").asText());
    assertEquals("RUN", stage.at("/instructions/3/trigger/kind").asText());
  }

  @Test
  void fieldOrderIsStable() throws Exception {
    JsonNode copy = json(DOCKERFILE).at("/stages/0/instructions/1");
    List<String> fields = new ArrayList<>();
    copy.fieldNames().forEachRemaining(fields::add);
    assertEquals(List.of("kind", "location", "original", "flags", "sources", "inlineSources", "destination"), fields);
    List<String> flags = new ArrayList<>();
    copy.get("flags").fieldNames().forEachRemaining(flags::add);
    assertEquals(List.of("from", "chown", "chmod", "link", "parents", "exclude"), flags);
    assertEquals(AstJson.toJson(parse(DOCKERFILE)), AstJson.toJson(parse(DOCKERFILE)));
  }
}
