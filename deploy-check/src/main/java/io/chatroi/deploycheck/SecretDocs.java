package io.chatroi.deploycheck;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Secrets README.md tells the operator to create, read from its {@code kubectl create secret} commands: Secrets
 * are never committed, so a manifest may reference a Secret only if the README says how to make it, with every key.
 */
public final class SecretDocs {

    private static final Pattern COMMAND = Pattern.compile(
            "kubectl\\s+(?:-n\\s+\\S+\\s+|--namespace[= ]\\S+\\s+)?create\\s+secret\\s+(generic|tls)\\s+([a-z0-9.-]+)((?:\\\\\\n|[^\\n])*)");
    private static final Pattern KEY = Pattern.compile("--from-(?:literal|file)=([A-Za-z0-9._-]+)[=\\s]?");

    private SecretDocs() {
    }

    /** Secret name -> documented keys ({@code create secret tls} documents tls.crt and tls.key). */
    public static Map<String, Set<String>> parse(String markdown) {
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        Matcher command = COMMAND.matcher(markdown);
        while (command.find()) {
            Set<String> keys = secrets.computeIfAbsent(command.group(2), n -> new LinkedHashSet<>());
            if (command.group(1).equals("tls")) {
                keys.add("tls.crt");
                keys.add("tls.key");
            }
            Matcher key = KEY.matcher(command.group(3));
            while (key.find()) {
                keys.add(key.group(1));
            }
        }
        return secrets;
    }
}
