package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.ast.Arg;
import dev.lade.dockerfile.ast.Env;
import dev.lade.dockerfile.text.GoQuote;
import dev.lade.dockerfile.scope.EvaluatedInstruction;
import java.util.regex.Pattern;

/**
 * ARG and ENV values end up in the image history, so a name that looks like a secret warns: one
 * of apikey, auth, credential(s), key, password, pword, passwd, secret or token as a whole
 * {@code _}-separated word ({@code AWS_SECRET_ACCESS_KEY}, {@code github_token}), unless it also
 * has public, file or version ({@code GPG_KEY_FILE}). Only ARGs inside stages are checked, as in
 * BuildKit.
 */
public final class SecretsUsedInArgOrEnv extends LintRule {
  static final RuleInfo INFO = RuleInfo.stable("SecretsUsedInArgOrEnv", "secrets-used-in-arg-or-env",
      "Sensitive data should not be used in the ARG or ENV commands");
  private static final Pattern DENY = Pattern.compile(
      "(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern ALLOW = Pattern.compile("(?:_|^)(?:public|file|version)(?:_|$)",
      Pattern.CASE_INSENSITIVE);

  public SecretsUsedInArgOrEnv() {
    super(INFO);
  }

  @Override
  public void check(LintInput input, Findings findings) {
    for (EvaluatedInstruction e : input.evaluated()) {
      switch (e.expanded()) {
        case Arg a -> a.declarations().forEach(d -> report(input, findings, e, "ARG", d.name()));
        case Env env -> env.variables().forEach(kv -> report(input, findings, e, "ENV", kv.key()));
        default -> { }
      }
    }
  }

  private static void report(LintInput input, Findings findings, EvaluatedInstruction e, String kind, String name) {
    if (DENY.matcher(name).find() && !ALLOW.matcher(name).find()) {
      findings.report(INFO, input.node(e.instruction()),
          "Do not use ARG or ENV instructions for sensitive data (" + kind + " " + GoQuote.quote(name) + ")");
    }
  }
}
